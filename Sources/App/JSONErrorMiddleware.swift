import Foundation
import OpenAPIRuntime
import Policy
import Registry
import Vapor

/// Every error leaves as JSON in the API's `Error` shape — {error, message: {zh, en}, issues?} —
/// and bad input is never a 500: validation → 422, not found → 404, conflict → 409, malformed
/// requests → 400. Only a real fault is a 500, logged with its request id.
struct JSONErrorMiddleware: Middleware {
    struct Body: Content {
        var error: String
        var message: LocalizedText
        var issues: [ValidationIssue]?
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapError { error in
            // A page's form too large for its route: a page, in the visitor's language.
            if let tooLarge = error as? RequestTooLarge, let page = PageTooLarge.answer(request, tooLarge) { return page }
            return request.eventLoop.makeCompletedFuture { try Self.answer(error, to: request) }
        }
    }

    static func answer(_ error: any Error, to request: Request) throws -> Response {
        let (status, body) = Self.describe(error, body: request.body.data)
        if status == .internalServerError {
            request.logger.error("unhandled error", metadata: ["error": .string(String(reflecting: error))])
        }
        let response = Response(status: status)
        for (name, value) in Self.headers(for: error) { response.headers.replaceOrAdd(name: name, value: value) }
        try response.content.encode(body, as: .json)
        return response
    }

    /// The headers an answer to an error carries: the challenge of a 401, the wait of a 429
    /// (found through the generated server's wrapping too).
    static func headers(for error: any Error) -> [(String, String)] {
        switch error {
        case let refused as Unauthorized: return [("WWW-Authenticate", refused.challenge)]
        case let refused as TooManyAttempts: return [("Retry-After", String(refused.retryAfter))]
        case let server as ServerError: return headers(for: server.underlyingError)
        default: return []
        }
    }

    /// `body` is the request's body when it was collected: a body the decoder calls "not valid
    /// JSON" is parsed again by the reader's parser, which says where and why.
    static func describe(_ error: any Error, body: ByteBuffer? = nil) -> (HTTPResponseStatus, Body) {
        switch error {
        case RegistryError.notFound(let m): return (.notFound, Body(error: "not_found", message: m))
        case RegistryError.conflict(let m): return (.conflict, Body(error: "conflict", message: m))
        case RegistryError.invalid(let issues):
            return (.unprocessableEntity, Body(error: "validation_failed",
                                               message: LocalizedText(zh: "输入未通过校验", en: "the input was refused"), issues: issues))
        case let failure as ValidationFailure:
            return (.unprocessableEntity, Body(error: "validation_failed",
                                               message: LocalizedText(zh: "输入未通过校验", en: "the input was refused"), issues: failure.issues))
        case let refused as Unauthorized:
            return (.unauthorized, Body(error: "unauthorized", message: refused.message))
        case let refused as Forbidden:
            return (.forbidden, Body(error: "forbidden", message: refused.message))
        case let refused as TooManyAttempts:
            return (.tooManyRequests, Body(error: "too_many_requests", message: refused.message))
        case let request as BadRequest:
            return (.badRequest, Body(error: "bad_request", message: request.message, issues: request.issues))
        case let tooLarge as RequestTooLarge:
            return (tooLarge.status, Body(error: tooLarge.code, message: tooLarge.message))
        case let abort as any AbortError:
            let code: String
            switch abort.status {
            case .notFound: code = "not_found"
            case .conflict: code = "conflict"
            case .unprocessableEntity: code = "validation_failed"
            case .payloadTooLarge: code = "payload_too_large"
            case .unsupportedMediaType: code = "unsupported_media_type"
            default: code = abort.status.code < 500 ? "bad_request" : "internal_error"
            }
            return (abort.status, Body(error: code, message: LocalizedText(zh: abort.reason, en: abort.reason)))
        case let decoding as DecodingError:
            return (.badRequest, Body(error: "bad_request", message: LocalizedText(zh: "请求格式错误", en: "malformed request"),
                                      issues: [BadRequest.issue(decoding, body: body)]))
        default:
            if let described = OpenAPIErrors.describe(error, body: body) { return described }
            return (.internalServerError, Body(error: "internal_error",
                                               message: LocalizedText(zh: "服务器内部错误", en: "internal server error")))
        }
    }
}

/// A malformed request: bad JSON, a wrong type, a bad query parameter.
struct BadRequest: Error {
    var message: LocalizedText
    var issues: [ValidationIssue]?

    init(_ zh: String, _ en: String, path: String? = nil) {
        message = LocalizedText(zh: zh, en: en)
        issues = path.map { [ValidationIssue(path: $0, zh: zh, en: en)] }
    }

    /// One issue, its message the request's.
    init(_ issue: ValidationIssue) {
        message = issue.message
        issues = [issue]
    }

    /// A decoding error as an issue with the JSON path of the field.
    static func issue(_ error: DecodingError, body: ByteBuffer? = nil) -> ValidationIssue {
        func path(_ keys: [any CodingKey]) -> String {
            "$" + keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        }
        switch error {
        case let .keyNotFound(key, context):
            return ValidationIssue(path: path(context.codingPath + [key]), zh: "缺少必填字段", en: "required field is missing")
        case let .typeMismatch(type, context):
            return ValidationIssue(path: path(context.codingPath), zh: "类型错误，应为 \(type)", en: "wrong type, expected \(type)")
        case let .valueNotFound(type, context):
            return ValidationIssue(path: path(context.codingPath), zh: "缺少值，应为 \(type)", en: "missing value, expected \(type)")
        case let .dataCorrupted(context):
            // Foundation's JSONDecoder says only "not valid JSON" (for bad syntax and for nesting
            // beyond its 512 levels alike): the reader's parser names the place and the reason.
            if context.codingPath.isEmpty, let body {
                do { _ = try JSONParser.parse(Array(body.readableBytesView)) } catch { return error.issue }
            }
            return ValidationIssue(path: path(context.codingPath), zh: "数据格式错误：\(context.debugDescription)",
                                   en: "malformed data: \(context.debugDescription)")
        @unknown default:
            return ValidationIssue(path: "$", zh: "请求格式错误", en: "malformed request")
        }
    }
}
