import Foundation
import Vapor

/// One structured log line per request (swift-log metadata: method, path, status, duration in
/// milliseconds, request id), the id echoed in `X-Request-Id` so a user can quote it.
struct RequestLogMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let start = ContinuousClock.now
        // Vapor gives each request an id and puts it in the logger's metadata; echo it to the client.
        let id = request.id
        return next.respond(to: request).map { response in
            response.headers.replaceOrAdd(name: "X-Request-Id", value: id)
            log(request, status: response.status.code, start: start)
            return response
        }.flatMapErrorThrowing { error in
            log(request, status: (error as? any AbortError)?.status.code ?? 500, start: start)
            throw error
        }
    }

    func log(_ request: Request, status: UInt, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        request.logger.info("request", metadata: [
            "method": .string(request.method.rawValue), "path": .string(request.url.path),
            "status": .stringConvertible(status), "ms": .stringConvertible(ms),
        ])
    }
}
