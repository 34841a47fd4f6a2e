import OpenAPIRuntime
import Policy
import Vapor

/// Errors that come through the generated server: the runtime wraps both handler errors and
/// request-parsing failures in `ServerError`. Handler errors are described as themselves;
/// parsing failures (a wrong content type, a missing or malformed parameter, a body that does not
/// decode) are the client's: 400, with the field's path where there is one.
enum OpenAPIErrors {
    static func describe(_ error: any Error, body: ByteBuffer? = nil) -> (HTTPResponseStatus, JSONErrorMiddleware.Body)? {
        guard let server = error as? ServerError else { return nil }
        let underlying = server.underlyingError
        if underlying is ServerError { return describe(underlying, body: body) }
        if let decoding = underlying as? DecodingError {
            return (.badRequest, .init(error: "bad_request", message: LocalizedText(zh: "请求格式错误", en: "malformed request"),
                                       issues: [BadRequest.issue(decoding, body: body)]))
        }
        let typeName = String(reflecting: type(of: underlying))
        if typeName.contains("OpenAPIRuntime") {
            let cause = server.causeDescription
            return (.badRequest, .init(error: "bad_request", message: LocalizedText(zh: "请求格式错误：\(cause)", en: "malformed request: \(cause)")))
        }
        let described = JSONErrorMiddleware.describe(underlying, body: body)
        return described
    }
}
