import Vapor

/// Undoes the percent-encoding swift-openapi-runtime applies to every header value it sets (it
/// writes headers in OpenAPI's "simple" style, so `/api/imports/…` went out as
/// `%2Fapi%2Fimports%2F…`). A Location header is a URI reference: its slashes must stay.
struct LocationHeaderMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let location = response.headers.first(name: .location), location.contains("%"),
           let decoded = location.removingPercentEncoding {
            response.headers.replaceOrAdd(name: .location, value: decoded)
        }
        return response
    }
}
