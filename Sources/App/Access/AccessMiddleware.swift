import Foundation
import Vapor

/// Access on every route of the API: finds the request's operation in the contract, its rule in
/// `OperationRules`, the account behind the credential (`Authenticator`), and refuses with 401
/// or 403 before the handler runs. The handler then runs with the account in the request's
/// storage (the engine's routes) and in `RequestContext.current` (the generated server's).
///
/// Fails closed: a route under `/api` that the contract does not name, or an operation without
/// a rule, is refused to everyone. Public operations (`.anyone`) pass straight through on the
/// event loop: the policy calculator pays nothing for the accounts.
struct AccessMiddleware: Middleware {
    let operations: ContractOperations
    let authenticator: Authenticator

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard let operationId = operations.operationId(of: request) else {
            // Outside the contract: /health, /metrics, /docs, /openapi.yaml, the sign-in form, 404s.
            if request.route?.path.first?.description == "api" { return request.eventLoop.makeFailedFuture(Forbidden.noRule) }
            return next.respond(to: request)
        }
        guard let rule = OperationRules.rule(for: operationId) else { return request.eventLoop.makeFailedFuture(Forbidden.noRule) }
        if rule == .anyone { return next.respond(to: request) }
        let writes = request.method != .GET && request.method != .HEAD
        return request.eventLoop.makeFutureWithTask {
            let access = rule == .signIn ? nil : try await authenticator.authenticate(request)
            try rule.check(access, writes: writes)
            request.access = access
            let context = RequestContext(access: access, address: request.clientAddress)
            return try await RequestContext.$current.withValue(context) {
                try await next.respond(to: request).get()
            }
        }
    }
}
