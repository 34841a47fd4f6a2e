@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting
import Workflow

/// The parameter editor on SQLite and PostgreSQL: the city officer previews a change (the stored
/// project that loses support named, the totals the store's, nothing written), then saves it (the
/// change, its audit entry, the library in force); bad input is said beside its field in Chinese
/// and English; a save altered after the preview is checked again; other roles are refused.
@Suite struct ParameterEditPageTests {
    @Test(arguments: TestDatabase.all)
    func theCityOfficerPreviewsThenSavesAChange(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let code = "91310115MA1K4ABCDD"
            _ = try await app.call(.POST, "api/enterprises", json: try Fixtures.json(Fixtures.enterprise))
            // A 15,000,000 project with one technical-renovation loan: 7a only, under the 20,000,000 threshold.
            var small = (try Fixtures.example("enterprise-plan.json")["projects"] as! [[String: Any]])[0]
            small["id"] = "P-SMALL"
            small["investment"] = ["declared": "15000000"]
            small["loans"] = [(small["loans"] as! [[String: Any]])[0]]
            small["leases"] = []
            var r = try await app.call(.POST, "api/projects", json: try Fixtures.json(["creditCode": code, "project": small]))
            let projectID = try #require(r.body["id"] as? String, "\(r.raw)")
            let total = try #require(r.body["recommendedTotal"] as? String)
            let before = try #require(Money(yuanText: total))
            #expect(before.fen > 0)
            let name = try #require(small["name"] as? String)
            _ = try await TestAccounts.token(app, role: .cityOfficer, username: "web.param.city")
            _ = try await TestAccounts.token(app, role: .districtOfficer, district: "pudong", username: "web.param.pudong")
            _ = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: code, username: "web.param.ent")
            let versionBefore = app.libraryVersion

            var web = try await CasesPageTests.web(app, "web.param.city")
            var page = try await web.get("/policy/parameters")
            #expect(page.html.contains(#"href="/policy/parameters/reading.clause7_threshold_role/edit""#))
            page = try await web.get("/policy/parameters/reading.clause7_threshold_role/edit")
            #expect(page.status == .ok && page.html.contains(#"id="param-form""#) && !page.html.contains(#"id="preview""#))
            #expect(!page.html.contains(WebCatalogue.missingMarker))

            // The preview: the project loses 7a; the figures are the store's, formatted.
            let change = [("value", "bar"), ("from", "2024-06-01"), ("note", "测试：门槛改为准入条件")]
            page = try await web.post("/policy/parameters/reading.clause7_threshold_role/preview", change)
            #expect(page.status == .ok && page.html.contains(#"id="preview""#) && page.html.contains(#"id="save-change""#), "\(page.status)")
            #expect(page.html.contains(#"<dd class="num" id="preview-changed">1</dd>"#))
            #expect(page.html.contains(#"<dd class="num" id="preview-before">\#(AmountText.shown(before, .zh))</dd>"#))
            #expect(page.html.contains(#"<dd class="num" id="preview-after">\#(AmountText.shown(.zero, .zh))</dd>"#))
            #expect(page.html.contains(#"id="preview-difference">\#(AmountText.shown(Money.zero - before, .zh))</dd>"#))
            #expect(page.html.contains(name.escapedForTest) && page.html.contains("P-SMALL"))
            #expect(page.html.contains(#"<input type="hidden" name="value" value="bar">"#))
            // Nothing written: no change, no audit entry, the project's total and the library as they were.
            r = try await app.call(.GET, "api/projects/\(projectID)")
            #expect(r.body["recommendedTotal"] as? String == before.decimalString, "\(r.raw)")
            #expect(try await PolicyChangeStore(db: app.db).all().isEmpty)
            #expect(try await AuditTrail.entries(AuditQuery(subjectType: "parameter"), on: app.db).isEmpty)
            #expect(app.libraryVersion == versionBefore)

            // Bad input, each issue beside its field, in Chinese and in English.
            page = try await web.post("/policy/parameters/reading.clause7_threshold_role/preview", [("value", ""), ("from", "2024-13-40"), ("note", "")])
            #expect(page.status == .unprocessableEntity && page.html.contains(#"id="from-error""#) && page.html.contains(#"id="value-error""#))
            #expect(page.html.contains("应为日期 YYYY-MM-DD") && !page.html.contains(#"id="preview""#))
            page = try await web.post("/policy/parameters/reading.clause7_threshold_role/preview", [("value", "sometimes"), ("from", "2024-06-01")])
            #expect(page.status == .unprocessableEntity && page.html.contains(#"id="value-error""#) && page.html.contains("参数调整不被政策库接受"))
            #expect(page.html.contains(#"value="sometimes""#))
            try await web.get("/lang/en?back=/policy/parameters")
            page = try await web.post("/policy/parameters/reading.clause7_threshold_role/preview", [("value", "bar"), ("from", "June")])
            #expect(page.status == .unprocessableEntity && page.html.contains("must be a date YYYY-MM-DD") && !page.html.contains(WebCatalogue.missingMarker))
            try await web.get("/lang/zh?back=/policy/parameters")
            // A save altered after the preview is checked again, and nothing is saved.
            page = try await web.post("/policy/parameters/reading.clause7_threshold_role/save", [("value", "sometimes"), ("from", "2024-06-01")])
            #expect(page.status == .unprocessableEntity && page.html.contains(#"id="value-error""#))
            #expect(try await PolicyChangeStore(db: app.db).all().isEmpty)
            #expect(try await web.get("/policy/parameters/no.such.key/edit").status == .notFound)

            // Other roles: refused, the preview and the save alike.
            for username in ["web.param.pudong", "web.param.ent"] {
                var other = try await CasesPageTests.web(app, username)
                try await other.get("/policy/parameters")
                #expect(try await other.post("/policy/parameters/reading.clause7_threshold_role/preview", change).status == .forbidden)
                #expect(try await other.post("/policy/parameters/reading.clause7_threshold_role/save", change).status == .forbidden)
                #expect(!(try await other.get("/policy/parameters")).html.contains("/edit\""))
            }
            #expect(try await PolicyChangeStore(db: app.db).all().isEmpty)

            // The save: the change and its audit entry written, the library in force, the project re-evaluated.
            page = try await web.post("/policy/parameters/reading.clause7_threshold_role/save", change)
            #expect(page.status == .seeOther && page.headers.first(name: .location) == "/policy/parameters/reading.clause7_threshold_role/edit?done=saved")
            let saved = try await PolicyChangeStore(db: app.db).all()
            #expect(saved.map { "\($0.key) \($0.from) \($0.value) \($0.savedBy)" } == ["reading.clause7_threshold_role 2024-06-01 bar web.param.city"])
            #expect(saved.first?.note == "测试：门槛改为准入条件")
            let audited = try await AuditTrail.entries(AuditQuery(subjectType: "parameter"), on: app.db)
            #expect(audited.map(\.subjectID) == ["reading.clause7_threshold_role"])
            #expect(app.libraryVersion != versionBefore)
            r = try await app.call(.GET, "api/projects/\(projectID)")
            #expect(r.body["recommendedTotal"] as? String == "0.00", "\(r.raw)")
            page = try await web.get("/policy/parameters/reading.clause7_threshold_role/edit?done=saved")
            #expect(page.html.contains(#"id="done""#) && page.html.contains("<code>bar</code>"))
            page = try await web.get("/policy/parameters")
            #expect(page.html.contains("web.param.city"))
        }
    }
}
