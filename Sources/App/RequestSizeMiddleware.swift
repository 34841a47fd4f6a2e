import Vapor

/// Refuses an oversized request before any work: 414 for a URI longer than `RequestLimits.uri`,
/// 431 for headers beyond `RequestLimits.headers`, 413 for a body beyond its route's limit
/// (by Content-Length at once; a chunked body is collected up to the limit, except the upload,
/// which the import spools and counts itself).
///
/// What this cannot answer: a request line or header block over 80 KiB never reaches Vapor.
/// NIO's HTTP/1 decoder (`HTTPRequestDecoder`, default `NIOHTTPDecoderLimitConfiguration`) fails
/// with `HTTPParserError.headerOverflow`, and Vapor's fixed pipeline (`addVaporHTTP1Handlers`,
/// ending in `NIOCloseOnErrorHandler`) closes the connection without a response; Vapor 4 exposes
/// neither the decoder's limits nor its error handling. The limits here sit well below that, so
/// every request a client can reasonably send gets an answer.
struct RequestSizeMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let route = request.route.map { $0.path.map(\.description).joined(separator: "/") } ?? ""
        let limit = RequestLimits.body(method: request.method, route: route)
        do { try check(request, limit: limit.bytes) } catch { return request.eventLoop.makeFailedFuture(error) }
        guard !limit.streamed, request.body.data == nil else { return next.respond(to: request) }
        return request.body.collect(max: limit.bytes).flatMapErrorThrowing { error in
            if let abort = error as? Abort, abort.status == .payloadTooLarge { throw RequestTooLarge(part: .body, limit: limit.bytes) }
            throw error
        }.flatMap { _ in next.respond(to: request) }
    }

    /// What can be refused before the body is read.
    func check(_ request: Request, limit: Int) throws {
        if request.url.string.utf8.count > RequestLimits.uri {
            throw RequestTooLarge(part: .uri, limit: RequestLimits.uri)
        }
        var headerBytes = 0
        for (name, value) in request.headers { headerBytes += name.utf8.count + value.utf8.count + 4 }
        if headerBytes > RequestLimits.headers {
            throw RequestTooLarge(part: .headers, limit: RequestLimits.headers)
        }
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > limit {
            throw RequestTooLarge(part: .body, limit: limit)
        }
        if let collected = request.body.data, collected.readableBytes > limit {
            throw RequestTooLarge(part: .body, limit: limit)
        }
    }
}
