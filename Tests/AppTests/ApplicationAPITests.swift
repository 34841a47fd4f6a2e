@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting
import Workflow

/// Applications through the API, as the people of the platform use it.
@Suite struct ApplicationAPITests {
    static func pdf() -> String { "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n" }
    static func xlsx() -> String { "PK\u{03}\u{04}....[Content_Types].xml....xl/workbook.xml...." }

    /// Stores the example's first project for the enterprise (as the administrator) and answers its id.
    static func storeProject(_ app: Application, creditCode: String, code: String = "P-APP-\(UUID().uuidString.prefix(6))") async throws -> String {
        var project = (try Fixtures.example("enterprise-plan.json")["projects"] as! [[String: Any]])[0]
        project["id"] = code
        let r = try await app.call(.POST, "api/projects", json: try Fixtures.json(["creditCode": creditCode, "project": project]))
        return try #require(r.body["id"] as? String, "\(r.raw)")
    }

    static func upload(_ app: Application, _ caseID: String, item: String, content: String, as token: String) async throws -> (HTTPStatus, [String: Any]) {
        var headers = Caller.bearer(token).headers(app)
        headers.replaceOrAdd(name: .contentType, value: "application/octet-stream")
        var status: HTTPStatus = .ok, raw = ""
        try await app.testing().test(.POST, "api/applications/\(caseID)/materials?item=\(item)&fileName=\(item).bin", headers: headers,
                                     body: ByteBuffer(string: content)) { res in status = res.status; raw = res.body.string }
        return (status, (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any] ?? [:])
    }

    static func content(for item: [String: Any]) -> String {
        let accepted = item["accepted"] as? [String] ?? []
        return accepted.contains("pdf") ? pdf() : accepted.contains("xlsx") ? xlsx() : "\u{89}PNG\r\n\u{1A}\n"
    }

    /// A draft for a new project of the enterprise.
    static func draft(_ app: Application, creditCode: String, enterprise: String) async throws -> String {
        let project = try await storeProject(app, creditCode: creditCode)
        let r = try await app.call(.POST, "api/applications", json: #"{"projectId": "\#(project)"}"#, as: .bearer(enterprise))
        #expect(r.status == .created, "\(r.raw)")
        return try #require(r.body["id"] as? String)
    }

    /// A case under review: every material in, accepted, sent to the departments. Answers the case and one material.
    static func caseUnderReview(_ app: Application, creditCode: String, enterprise: String, officer: String) async throws -> (String, String) {
        let id = try await draft(app, creditCode: creditCode, enterprise: enterprise)
        var r = try await app.call(.GET, "api/applications/\(id)", as: .bearer(enterprise))
        var material = ""
        for item in r.body["checklist"] as? [[String: Any]] ?? [] {
            let (status, body) = try await upload(app, id, item: item["item"] as! String, content: content(for: item), as: enterprise)
            #expect(status == .created, "\(body)")
            material = (body["materials"] as? [[String: Any]])?.last?["id"] as? String ?? material
        }
        r = try await app.call(.POST, "api/applications/\(id)/submit", as: .bearer(enterprise))
        #expect(r.status == .ok, "\(r.raw)")
        r = try await app.call(.POST, "api/applications/\(id)/intake", json: #"{"action": "accept"}"#, as: .bearer(officer))
        #expect(r.body["state"] as? String == "accepted", "\(r.raw)")
        r = try await app.call(.POST, "api/applications/\(id)/review", as: .bearer(officer))
        #expect(r.body["state"] as? String == "under_review", "\(r.raw)")
        return (id, material)
    }

    static func projectOf(_ app: Application, _ caseID: String) async throws -> String {
        try await app.call(.GET, "api/applications/\(caseID)").body["projectId"] as? String ?? ""
    }
}
