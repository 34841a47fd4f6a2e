import Foundation
import Policy
import Vapor

/// Reading what a request carries for the engine's routes: the body as JSON through the
/// engine's own parser, and the query parameters the contract names.
extension Request {
    /// The body parsed as JSON. A wrong content type is 415; text that is not JSON is 400, with
    /// the line and column.
    func engineJSON() throws -> JSONValue {
        if let type = headers.contentType, !(type.type == "application" && (type.subType == "json" || type.subType.hasSuffix("+json"))) {
            throw Abort(.unsupportedMediaType, reason: "请求体应为 application/json / the body must be application/json")
        }
        guard let buffer = body.data, buffer.readableBytes > 0 else {
            throw BadRequest("缺少请求体（JSON）", "the request has no body (JSON expected)", path: "$")
        }
        do {
            return try JSONParser.parse(Array(buffer.readableBytesView))
        } catch {
            // At the path where the parser stopped; nesting too deep says so, with its limit.
            throw BadRequest(error.issue)
        }
    }

    /// `?date=YYYY-MM-DD`, or nil.
    func evaluationDate() throws -> Day? {
        // Decoding the query is a cost on every request; most requests have none.
        guard url.query != nil, let text = query[String.self, at: "date"] else { return nil }
        guard let day = Day(iso: text) else {
            throw BadRequest("参数 date 应为日期 YYYY-MM-DD：\(text)", "parameter date must be a date YYYY-MM-DD: \(text)", path: "date")
        }
        return day
    }

    /// The path parameter `id` as a project's UUID.
    func projectID() throws -> UUID {
        let text = parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text) else {
            throw BadRequest("id 不是有效的 UUID：\(text)", "id is not a valid UUID: \(text)", path: "id")
        }
        return id
    }
}

/// Validates with the same reader as `renewal match`: every issue, or the value.
func validated<T>(_ result: Result<T, ValidationFailure>) throws -> T {
    switch result {
    case .success(let value): return value
    case .failure(let failure): throw failure
    }
}
