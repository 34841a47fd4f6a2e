@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting

/// The enterprise's forms on SQLite and PostgreSQL: its record registered and edited (the API's
/// messages beside the fields; a hostile name escaped), a project entered and edited, what the
/// form does not show kept through an edit, another enterprise's project out of reach.
@Suite struct EnterpriseFormsPageTests {
    static let code = "91310115MA1K4ABCDD"

    @Test(arguments: TestDatabase.all)
    func theEnterpriseEntersItsRecordAndProjectsInForms(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            _ = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: Self.code, username: "web.forms")
            var web = try await CasesPageTests.web(app, "web.forms")
            var page = try await web.get("/enterprise")
            #expect(page.html.contains(#"id="register""#))

            // The record: refused beside its fields, then registered, then edited.
            page = try await web.get("/enterprise/record")
            #expect(page.status == .ok && page.html.contains(Self.code) && page.html.contains(#"id="save-record""#))
            let refused = try await web.post("/enterprise/record", [("name", ""), ("district", "atlantis"), ("industryCode", "C3484")])
            #expect(refused.status == .unprocessableEntity, "\(refused.status)")
            #expect(refused.html.contains(#"id="name-error""#) && refused.html.contains(#"id="district-error""#))
            #expect(try await app.call(.GET, "api/enterprises/\(Self.code)").status == .notFound)
            let hostile = "浦江\"<script>alert(1)</script>'e\u{301}智能装备"
            var saved = try await web.post("/enterprise/record", [("name", hostile), ("district", "pudong"), ("industryCode", "C3484")])
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == "/enterprise/record?done=saved")
            var r = try await app.call(.GET, "api/enterprises/\(Self.code)")
            #expect(r.body["name"] as? String == hostile && r.body["district"] as? String == "pudong", "\(r.raw)")
            page = try await web.get("/enterprise/record?done=saved")
            #expect(page.html.contains(#"id="done""#) && page.html.contains(hostile.escapedForTest) && !page.html.contains("<script>alert"))
            saved = try await web.post("/enterprise/record", [("name", "上海浦江智能装备有限公司"), ("district", "pudong"), ("industryCode", "C3484"), ("phone", "021-55550000")])
            #expect(saved.status == .seeOther)
            r = try await app.call(.GET, "api/enterprises/\(Self.code)")
            #expect(r.body["phone"] as? String == "021-55550000" && r.body["name"] as? String == "上海浦江智能装备有限公司")

            // A new project: a bad amount refused beside its field, then stored and evaluated.
            var fields: [(String, String)] = [
                ("code", "P-WEB-1"), ("name", "产线智能化技术改造"), ("categories[]", "technical-renovation"), ("categories[]", "equipment-renewal"),
                ("applicationDate", "2024-09-15"), ("declared", "abc"),
                ("loan1Lender", "上海银行"), ("loan1Principal", "40000000"), ("loan1Rate", "0.032"), ("loan1Start", "2024-04-01"),
                ("loan1End", "2029-03-31"), ("loan1I2024", "960000"), ("loan1I2025", "1280000"),
            ]
            page = try await web.get("/enterprise/projects/new")
            #expect(page.status == .ok && page.html.contains(#"id="save-project""#))
            let bad = try await web.post("/enterprise/projects", fields)
            #expect(bad.status == .unprocessableEntity && bad.html.contains(#"id="declared-error""#), "\(bad.status)")
            fields[5] = ("declared", "86000000")
            let created = try await web.post("/enterprise/projects", fields)
            #expect(created.status == .seeOther, "\(created.status) \(created.html.prefix(400))")
            let location = created.headers.first(name: .location) ?? ""
            let id = String(location.dropFirst("/enterprise/projects/".count).prefix(36))
            r = try await app.call(.GET, "api/projects/\(id)")
            #expect(r.status == .ok, "\(r.raw)")
            let project = r.body["project"] as? [String: Any] ?? [:]
            #expect(project["id"] as? String == "P-WEB-1" && ((project["investment"] as? [String: Any])?["declared"] as? String) == "86000000.00")
            #expect(((project["loans"] as? [[String: Any]])?.first?["principal"] as? String) == "40000000.00")
            // The same project twice: the store's conflict, said on the page.
            let twice = try await web.post("/enterprise/projects", fields)
            #expect(twice.status == .conflict && twice.html.contains(#"id="form-errors""#))

            // An edit of a project with more than the form shows (equipment, a second loan's flag):
            // the name changes, the rest is kept.
            let file = try ApplicationWorkflowTests.exampleFile(app)
            let store = ProjectStore(db: app.db, engine: Engine(library: app.policyLibrary))
            let rich = try await store.createProject(file.projects[0], creditCode: Self.code, by: .system("test"))
            page = try await web.get("/enterprise/projects/\(rich.uuidString.lowercased())")
            #expect(page.html.contains(#"id="keeps-more""#) && page.html.contains(file.projects[0].name.escapedForTest))
            var edit: [(String, String)] = []
            for name in ProjectForm.textFields where name != "code" {
                if let v = Self.value(of: name, in: page.html) { edit.append((name, v)) }
            }
            for c in file.projects[0].categories { edit.append(("categories[]", c)) }
            edit = edit.map { $0.0 == "name" ? ("name", "改名后的项目") : $0 }
            let before = try await store.project(rich).domain()
            let edited = try await web.post("/enterprise/projects/\(rich.uuidString.lowercased())", edit)
            #expect(edited.status == .seeOther, "\(edited.status) \(edited.html.prefix(600))")
            let after = try await store.project(rich).domain()
            var expected = before
            expected.name = "改名后的项目"
            #expect(after == expected, "only the name changed")

            // Another enterprise's project: as if it did not exist.
            let otherCode = CreditCode.withCheckCharacter("91310112MA1GC0C0C")!
            #expect(try await app.call(.POST, "api/enterprises", json: RoleOperationTests.World.enterprise(otherCode, "minhang")).status == .created)
            let theirs = try await store.createProject(file.projects[1], creditCode: otherCode, by: .system("test"))
            #expect(try await web.get("/enterprise/projects/\(theirs.uuidString.lowercased())").status == .notFound)
            #expect(try await web.post("/enterprise/projects/\(theirs.uuidString.lowercased())", edit).status == .notFound)

            page = try await web.get("/enterprise")
            #expect(page.html.contains(#"href="/enterprise/projects/\#(id)""#) && page.html.contains(#"id="print-hint""#))
            try await web.get("/lang/en?back=/enterprise/record")
            page = try await web.get("/enterprise/projects/\(id)")
            #expect(page.html.contains("Save the project") && !page.html.contains(WebCatalogue.missingMarker))
        }
    }

    /// The value a form field shows (`id="name" … value="…"`), unescaped.
    static func value(of name: String, in html: String) -> String? {
        guard let r = html.range(of: #"name="\#(name)""#), let v = html[r.upperBound...].range(of: #"value=""#) else { return nil }
        let rest = html[v.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let raw = String(rest[..<end])
        guard !raw.isEmpty else { return nil }
        return raw.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
