@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting

/// The officers' pages: the district's officer finds a submitted case in the queue, takes it in
/// and sends it to review; each department gives its opinion; the city officer finds it by its
/// clock, is refused an amount over the engine's maximum beside the field, and approves. The
/// API then tells the same case.
@Suite struct CasesPageTests {
    static func web(_ app: Application, _ username: String) async throws -> WebClient {
        var web = WebClient(app)
        try await web.get("/login")
        let signed = try await web.post("/signin", [("username", username), ("password", TestAccounts.password)])
        #expect(signed.status == .seeOther, "\(username) signs in")
        return web
    }

    @Test(arguments: TestDatabase.all)
    func officersReviewAndApproveInTheBrowser(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            let code = ApplicationAPITests.code
            // Accounts made directly (the sign-in's rate limit counts every attempt from one address).
            _ = try await TestAccounts.token(app, role: .districtOfficer, district: "浦东新区", username: "web.pudong")
            _ = try await TestAccounts.token(app, role: .cityOfficer, username: "web.city")
            let enterprise = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: code, username: "web.pujiang")
            var r = try await app.call(.POST, "api/enterprises", json: try Fixtures.json(Fixtures.enterprise), as: .bearer(enterprise))
            #expect(r.status == .created, "\(r.raw)")
            let id = try await ApplicationAPITests.draft(app, creditCode: code, enterprise: enterprise)
            r = try await app.call(.GET, "api/applications/\(id)", as: .bearer(enterprise))
            for item in r.body["checklist"] as? [[String: Any]] ?? [] {
                let (status, _) = try await ApplicationAPITests.upload(app, id, item: item["item"] as! String,
                                                                       content: ApplicationAPITests.content(for: item), as: enterprise)
                #expect(status == .created)
            }
            r = try await app.call(.POST, "api/applications/\(id)/submit", as: .bearer(enterprise))
            #expect(r.body["state"] as? String == "submitted", "\(r.raw)")

            // The district's officer: the queue, filtered; the case beside the engine's plan.
            var officer = try await Self.web(app, "web.pudong")
            var page = try await officer.get("/cases")
            #expect(page.status == .ok && page.html.contains(#"href="/cases/\#(id)""#) && page.html.contains(#"href="/cases""#))
            page = try await officer.get("/cases?state=submitted&district=pudong")
            #expect(page.html.contains(#"href="/cases/\#(id)""#))
            page = try await officer.get("/cases?state=approved")
            #expect(page.html.contains(#"id="queue-empty""#))
            page = try await officer.get("/cases/\(id)")
            #expect(page.status == .ok && page.html.contains(#"id="city-total""#) && page.html.contains(#"id="intake""#))
            #expect(page.html.contains(#"id="no-flags""#) || page.html.contains(#"id="risk-flags""#), "the officer sees the flags")
            #expect(page.html.contains(#"href="/api/applications/\#(id)/materials/"#))
            // A return needs reasons: the page's message beside the field, nothing moved.
            let noReasons = try await officer.post("/cases/\(id)/intake", [("action", "return"), ("reasons", " ")])
            #expect(noReasons.status == .unprocessableEntity && noReasons.html.contains(#"id="reasons-error""#))
            #expect(try await officer.post("/cases/\(id)/intake", [("action", "accept")]).status == .seeOther)
            page = try await officer.get("/cases/\(id)?done=intake")
            #expect(page.html.contains(#"id="done""#) && page.html.contains(#"id="start-review""#))
            #expect(try await officer.post("/cases/\(id)/review", []).status == .seeOther)
            r = try await app.call(.GET, "api/applications/\(id)")
            #expect(r.body["state"] as? String == "under_review", "\(r.raw)")

            // The city officer finds it by its clock.
            var city = try await Self.web(app, "web.city")
            page = try await city.get("/cases?sla=on_track")
            #expect(page.html.contains(#"href="/cases/\#(id)""#))
            page = try await city.get("/cases?sla=breached")
            #expect(!page.html.contains(#"href="/cases/\#(id)""#))
            page = try await city.get("/cases/\(id)")
            #expect(!page.html.contains(#"id="decide""#), "no decision before every opinion")

            // Each department gives its opinion; a rejection without reasons is refused first.
            let steps = (r.body["review"] as? [String: Any])?["steps"] as? [[String: Any]] ?? []
            #expect(!steps.isEmpty)
            for (k, step) in steps.enumerated() {
                let department = step["department"] as! String
                _ = try await TestAccounts.token(app, role: .department, department: department, username: "web.\(department)")
                var reviewer = try await Self.web(app, "web.\(department)")
                page = try await reviewer.get("/cases")
                #expect(page.html.contains(#"href="/cases/\#(id)""#), "\(department) finds the case")
                page = try await reviewer.get("/cases/\(id)")
                #expect(page.html.contains(#"id="give-opinion""#))
                if k == 0 {
                    let bare = try await reviewer.post("/cases/\(id)/opinion", [("verdict", "reject"), ("reasons", "")])
                    #expect(bare.status == .unprocessableEntity && bare.html.contains(#"id="reasons-error""#))
                }
                #expect(try await reviewer.post("/cases/\(id)/opinion", [("verdict", "approve")]).status == .seeOther)
            }

            // The decision: above the engine's maximum refused beside the instrument's field; at it, approved.
            r = try await app.call(.GET, "api/applications/\(id)")
            let requested = r.body["requested"] as? [[String: Any]] ?? []
            page = try await city.get("/cases/\(id)")
            #expect(page.html.contains(#"id="decide""#))
            var over = [("outcome", "approve"), ("approvedInvestment", "80000000")]
            for line in requested { over.append(("granted_\(line["instrument"]!)", "999999999")) }
            let refused = try await city.post("/cases/\(id)/decision", over)
            #expect(refused.status == .unprocessableEntity, "\(refused.status)")
            #expect(refused.html.contains(#"id="granted_\#(requested.first?["instrument"] as? String ?? "")-error""#))
            var exact = [("outcome", "approve"), ("approvedInvestment", "80000000")]
            for line in requested { exact.append(("granted_\(line["instrument"]!)", line["amount"] as! String)) }
            #expect(try await city.post("/cases/\(id)/decision", exact).status == .seeOther)
            r = try await app.call(.GET, "api/applications/\(id)")
            #expect(r.body["state"] as? String == "approved", "\(r.raw)")
            page = try await city.get("/cases/\(id)?done=decision")
            #expect(page.html.contains(#"id="decision""#) && !page.html.contains(WebCatalogue.missingMarker))
            try await city.get("/lang/en?back=/cases")
            page = try await city.get("/cases")
            #expect(page.html.contains("Work queue") && !page.html.contains(WebCatalogue.missingMarker))
        }
    }
}
