import Foundation
import Testing
import Vapor
import VaporTesting

/// Small helpers for calling the API in tests and reading JSON answers; requests are made as the
/// test's administrator unless `as:` says otherwise (see `TestAccounts`).
extension Application {
    @discardableResult
    func call(_ method: HTTPMethod, _ path: String, json: String? = nil, as caller: Caller = .administrator,
              file: StaticString = #filePath, line: UInt = #line) async throws -> (status: HTTPStatus, body: [String: Any], raw: String) {
        var status: HTTPStatus = .ok
        var raw = ""
        try await testing().test(method, path, headers: caller.headers(self), beforeRequest: { req in
            if let json {
                req.headers.contentType = .json
                req.body = ByteBuffer(string: json)
            }
        }, afterResponse: { res in
            status = res.status
            raw = res.body.string
        })
        let body = (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any] ?? [:]
        return (status, body, raw)
    }
}

enum Fixtures {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: repo.appendingPathComponent("Examples").appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static var enterprise: [String: Any] { ["creditCode": "91310115MA1K4ABCDD", "name": "上海浦江智能装备有限公司", "district": "pudong", "industryCode": "C3484"] }
}
