@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting

/// The rolling lists' pages on SQLite and PostgreSQL: the city officer finds a list, reads its
/// entries and versions, publishes it through the form (the store's publish; a second is the
/// store's conflict, said on the page), and sees a project changed since; a district officer
/// is refused.
@Suite struct RollingListsPageTests {
    @Test(arguments: TestDatabase.all)
    func theCityOfficerPublishesAListInThePage(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let city = try await TestAccounts.token(app, role: .cityOfficer, username: "web.lists.city")
            _ = try await TestAccounts.token(app, role: .districtOfficer, district: "浦东新区", username: "web.lists.pudong")
            var r = try await app.call(.POST, "api/enterprises", json: try Fixtures.json(Fixtures.enterprise), as: .bearer(city))
            #expect(r.status == .created, "\(r.raw)")
            let projects = try Fixtures.example("enterprise-plan.json")["projects"] as! [[String: Any]]
            var ids: [String] = []
            for p in projects.prefix(2) {
                r = try await app.call(.POST, "api/projects", json: try Fixtures.json(["creditCode": "91310115MA1K4ABCDD", "project": p]), as: .bearer(city))
                ids.append(r.body["id"] as! String)
            }
            r = try await app.call(.POST, "api/lists", json: #"{"number":"2025-第1批","title":"技术改造项目清单"}"#, as: .bearer(city))
            let list = try #require(r.body["id"] as? String)
            r = try await app.call(.POST, "api/lists/\(list)/revisions", json: try Fixtures.json(["add": ids, "remove": [String]()]), as: .bearer(city))
            #expect(r.status == .ok, "\(r.raw)")

            var web = try await CasesPageTests.web(app, "web.lists.city")
            var page = try await web.get("/lists")
            #expect(page.status == .ok && page.html.contains(#"href="/lists/\#(list)""#) && page.html.contains(#"href="/lists""#))
            page = try await web.get("/lists/\(list)")
            #expect(page.html.contains(#"id="publish""#) && page.html.contains(#"data-status="draft""#))
            for p in projects.prefix(2) { #expect(page.html.contains("<code>\(p["id"] as! String)</code>")) }
            // The recommended totals as the list's store gives them.
            r = try await app.call(.GET, "api/lists/\(list)", as: .bearer(city))
            for e in r.body["entries"] as? [[String: Any]] ?? [] {
                let shown = AmountText.shown(try #require(Money(yuanText: e["recommendedTotal"] as? String ?? "")), .zh)
                #expect(page.html.contains(shown), "\(shown)")
            }

            #expect(try await web.post("/lists/\(list)/publish", []).status == .seeOther)
            page = try await web.get("/lists/\(list)?done=published")
            #expect(page.html.contains(#"id="done""#) && page.html.contains(#"data-status="published""#) && !page.html.contains(#"id="publish""#))
            r = try await app.call(.GET, "api/lists/\(list)", as: .bearer(city))
            #expect(r.body["status"] as? String == "published")
            let again = try await web.post("/lists/\(list)/publish", [])
            #expect(again.status == .conflict && again.html.contains(#"id="form-errors""#))

            // A project renamed since: marked on the list.
            var changed = projects[0]
            changed["name"] = "改名后的技术改造项目"
            r = try await app.call(.PUT, "api/projects/\(ids[0])", json: try Fixtures.json(changed), as: .bearer(city))
            #expect(r.status == .ok, "\(r.raw)")
            page = try await web.get("/lists/\(list)")
            #expect(page.html.contains("status-amber") && page.html.contains("项目名称"))

            var pudong = try await CasesPageTests.web(app, "web.lists.pudong")
            #expect(try await pudong.get("/lists").status == .forbidden)
            try await web.get("/lang/en?back=/lists")
            page = try await web.get("/lists/\(list)")
            #expect(!page.html.contains(#"id="publish""#) && page.html.contains("Versions") && !page.html.contains(WebCatalogue.missingMarker))
        }
    }
}
