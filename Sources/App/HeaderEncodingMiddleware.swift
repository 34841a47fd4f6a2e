import Vapor

/// Undoes the percent-encoding swift-openapi-runtime applies to every header value it sets (it
/// writes headers in OpenAPI's "simple" style, so `/api/imports/…` went out as
/// `%2Fapi%2Fimports%2F…`, and `attachment; filename="projects.csv"` as one encoded word that
/// `curl -OJ` saved as `projects`). Location is a URI reference and Content-Disposition has its
/// own syntax (RFC 6266, with the UTF-8 name already encoded in `filename*`): both must go out as
/// the handler wrote them. The runtime encodes `%` too, so decoding once gives back exactly that.
///
/// Like every middleware of the server it works on the event loop's futures rather than as an
/// `AsyncMiddleware`, which starts a task for each request (five of them cost a fifth of a match).
struct HeaderEncodingMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in
        for name in [HTTPHeaders.Name.location, .contentDisposition] {
            if let value = response.headers.first(name: name), value.contains("%"), let decoded = value.removingPercentEncoding {
                response.headers.replaceOrAdd(name: name, value: decoded)
            }
        }
        return response
        }
    }
}
