import Foundation
import Registry
import Vapor
import Workflow

/// Who is behind a request and what its credential allows, found by `AccessMiddleware`.
struct RequestAccess: Sendable {
    enum Via: String, Sendable { case token, session }

    let account: AccountRecord
    let scopes: Set<TokenScope>
    let via: Via
    var principal: Principal { account.principal }
}

/// What a handler of the generated server may know of its request. The generated handlers see
/// only their operation's input, not Vapor's `Request`; `AccessMiddleware` runs the rest of the
/// request inside `RequestContext.$current.withValue`, and the task that runs the handler
/// inherits it (as swift-openapi-vapor's request-injection tutorial does it).
struct RequestContext: Sendable {
    @TaskLocal static var current: RequestContext?

    /// Nil on the sign-in itself (nobody is signed in yet).
    let access: RequestAccess?
    /// The client's address, for the sign-in's rate limit.
    let address: String
}

extension Request {
    private struct AccessKey: StorageKey { typealias Value = RequestAccess }

    /// The signed-in account of this request (set by `AccessMiddleware`; nil on public routes).
    var access: RequestAccess? {
        get { storage[AccessKey.self] }
        set { storage[AccessKey.self] = newValue }
    }

    /// The client's address as the server sees it (no proxy header is trusted).
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
