import Vapor

/// The Vapor request behind the generated server's handler now running. The generated
/// `APIProtocol` methods see only their typed input; swift-openapi-vapor's way to reach the
/// request (its "request injection" tutorial) is a task-local set by a middleware on the routes
/// the transport registers — here `RequestContextMiddleware`, installed in `routes(_:)`.
enum RequestContext {
    @TaskLocal static var request: Request?
}

/// Sets `RequestContext.request` for the rest of the responder chain.
struct RequestContextMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await RequestContext.$request.withValue(request) {
            try await next.respond(to: request)
        }
    }
}
