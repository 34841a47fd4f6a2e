import Vapor

/// The headers of every page: a Content-Security-Policy that allows only this site's own
/// resources and no script at all (the pages need none), no framing, no sniffing, no referrer
/// to other sites. The API docs page keeps its own inline style, so it is not under this group.
struct PageSecurityHeaders: AsyncMiddleware {
    static let policy = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.policy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
