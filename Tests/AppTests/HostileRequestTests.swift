import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// Hostile requests: every one refused with the JSON error body and the right status, none stored.
@Suite struct HostileRequestTests {
    struct Answer {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var raw: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any] ?? [:] }
        var error: String? { json["error"] as? String }
        var paths: [String] { (json["issues"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? [] }
        var messages: [String: String] { json["message"] as? [String: String] ?? [:] }
        var issueTexts: String { (json["issues"] as? [[String: Any]]).map { "\($0)" } ?? "" }
    }

    static func send(_ app: Application, _ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:],
                     contentType: HTTPMediaType? = .json, body: String? = nil) async throws -> Answer {
        var answer = Answer(status: .ok, headers: [:], raw: "")
        var headers = headers
        if headers.first(name: .authorization) == nil { headers.add(contentsOf: app.adminHeaders) }
        if let contentType, body != nil { headers.contentType = contentType }
        try await app.testing().test(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }) { res in
            answer = Answer(status: res.status, headers: res.headers, raw: res.body.string)
        }
        return answer
    }

    static func project(_ fields: String) -> String {
        #"{"creditCode": "91310115MA1K4ABCDD", "project": {"id": "P-1", \#(fields)}}"#
    }

    @Test(arguments: TestDatabase.all)
    func overLongTextIsRefusedAndNothingIsStored(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var enterprise = Fixtures.enterprise
            enterprise["name"] = String(repeating: "浦", count: 201)
            var r = try await Self.send(app, .POST, "api/enterprises", body: try Fixtures.json(enterprise))
            #expect(r.status == .unprocessableEntity && r.paths == ["$.name"], "\(r.raw)")
            #expect(r.issueTexts.contains("最多 200 个字符") && r.issueTexts.contains("at most 200 characters"))
            r = try await Self.send(app, .GET, "api/enterprises")
            #expect(r.json["total"] as? Int == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func controlCharactersAndLeadingZerosAreRefusedByPath(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var r = try await Self.send(app, .POST, "api/enterprises", body: try Fixtures.json(Fixtures.enterprise))
            #expect(r.status == .created)
            r = try await Self.send(app, .POST, "api/projects", body: Self.project(#""name": "设备\u0000更新""#))
            #expect(r.status == .unprocessableEntity && r.paths == ["$.project.name"], "\(r.raw)")
            #expect(r.issueTexts.contains("控制字符") && r.issueTexts.contains("control character"))
            r = try await Self.send(app, .POST, "api/projects", body: Self.project(#""investment": {"declared": "00012"}"#))
            #expect(r.status == .unprocessableEntity && r.paths == ["$.project.investment.declared"], "\(r.raw)")
            #expect(r.issueTexts.contains("应写作 12") && r.issueTexts.contains("write 12"))
            r = try await Self.send(app, .GET, "api/projects")
            #expect(r.json["total"] as? Int == 0)

            // The texts the API reads itself: a list's title, a status note, a search text.
            r = try await Self.send(app, .POST, "api/lists", body: #"{"number": "2025-1", "title": "第一批\u2028清单"}"#)
            #expect(r.status == .unprocessableEntity && r.paths == ["$.title"], "\(r.raw)")
            r = try await Self.send(app, .POST, "api/lists", body: #"{"number": "2025-1", "title": "第一批", "note": "\#(String(repeating: "x", count: 2001))"}"#)
            #expect(r.status == .unprocessableEntity && r.paths == ["$.note"], "\(r.raw)")
            r = try await Self.send(app, .GET, "api/projects?q=\(String(repeating: "a", count: 201))")
            #expect(r.status == .badRequest && r.paths == ["q"], "\(r.raw)")
            r = try await Self.send(app, .GET, "api/lists")
            let lists = try JSONSerialization.jsonObject(with: Data(r.raw.utf8)) as? [Any]
            #expect(lists?.isEmpty == true, "\(r.raw)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func eachRouteHasItsBodyLimit(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            // 100 KB is too much for an enterprise (64 KB) but not for a project file (2 MB).
            let padding = String(repeating: " ", count: 100 * 1024)
            var r = try await Self.send(app, .POST, "api/enterprises", body: try Fixtures.json(Fixtures.enterprise) + padding)
            #expect(r.status == .payloadTooLarge && r.error == "payload_too_large", "\(r.raw)")
            #expect(r.messages["zh"]?.contains("64 KB") == true && r.messages["en"]?.contains("64 KB") == true)
            r = try await Self.send(app, .POST, "api/match", body: try Fixtures.json(try Fixtures.example("enterprise-plan.json")) + padding)
            #expect(r.status == .ok, "\(r.raw.prefix(300))")
            // 3 MB: beyond a project file, within an upload (which then is no table: 400, not 413).
            let large = String(repeating: "x", count: 3 * 1024 * 1024)
            r = try await Self.send(app, .POST, "api/match", body: large)
            #expect(r.status == .payloadTooLarge && r.messages["en"]?.contains("2 MB") == true, "\(r.raw)")
            r = try await Self.send(app, .POST, "api/imports?format=csv&wait=true", contentType: HTTPMediaType(type: "text", subType: "csv"), body: large)
            #expect(r.status != .payloadTooLarge, "\(r.raw)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func oversizedURIsAndHeadersAreAnswered(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var r = try await Self.send(app, .GET, "api/projects?q=" + String(repeating: "a", count: 9 * 1024))
            #expect(r.status == .uriTooLong && r.error == "uri_too_long", "\(r.raw)")
            #expect(r.messages["zh"]?.contains("8 KB") == true)
            r = try await Self.send(app, .GET, "api/projects", headers: ["X-Padding": String(repeating: "p", count: 17 * 1024)])
            #expect(r.status == .requestHeaderFieldsTooLarge && r.error == "headers_too_large", "\(r.raw)")
            r = try await Self.send(app, .GET, "api/projects")
            #expect(r.status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func nestingTooDeepIsSaidSo(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
            var enterprise = try Fixtures.json(Fixtures.enterprise)
            enterprise.removeLast()
            let r = try await Self.send(app, .POST, "api/enterprises", body: enterprise + #", "name2": \#(deep)}"#)
            #expect(r.status == .badRequest, "\(r.raw)")
            #expect(r.issueTexts.contains("嵌套过深（上限 64 层）") && r.issueTexts.contains("nested too deeply (limit 64)"), "\(r.raw)")
            #expect(r.paths.first?.hasPrefix("$.name2[0][0]") == true, "\(r.paths)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func exportsNameTheirFilesUnencoded(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var r = try await Self.send(app, .GET, "api/exports/projects?format=csv")
            #expect(r.status == .ok)
            #expect(r.headers.first(name: .contentDisposition) == "attachment; filename=\"projects.csv\"; filename*=UTF-8''projects.csv")
            r = try await Self.send(app, .POST, "api/lists", body: #"{"number": "2025-第3批", "title": "第三批"}"#)
            let id = try #require(r.json["id"] as? String, "\(r.raw)")
            r = try await Self.send(app, .GET, "api/lists/\(id)/export?format=xlsx")
            #expect(r.headers.first(name: .contentDisposition)
                == "attachment; filename=\"list-2025-_3_.xlsx\"; filename*=UTF-8''list-2025-%E7%AC%AC3%E6%89%B9.xlsx")
        }
    }

    @Test(arguments: TestDatabase.all)
    func metricsAndDocs(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            _ = try await Self.send(app, .GET, "api/projects")
            var r = try await Self.send(app, .GET, "metrics")
            #expect(r.raw.contains(#"renewal_http_requests_total{method="GET",route="/api/projects",status="200"}"#), "\(r.raw.prefix(500))")
            #expect(r.raw.contains("renewal_http_request_duration_seconds_bucket"))
            r = try await Self.send(app, .GET, "docs")
            // Shared parameters and responses ($ref) are shown with their text.
            #expect(r.raw.contains("<code>date</code>") && r.raw.contains("评估基准日"))
            #expect(r.raw.contains("校验未通过") && r.raw.contains("<code>creditCode</code> *"))
        }
    }
}
