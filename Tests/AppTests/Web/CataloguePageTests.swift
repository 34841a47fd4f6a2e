@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting

/// The catalogue's pages on SQLite and PostgreSQL: an enterprise submits a product through the
/// form (its own enterprise; a bad date named beside its field) and follows it; nobody else sees
/// it before publication; a department records the expert review; members vote in the page, one
/// declares a conflict, one recused by affiliation reads why and is refused (409, in its words);
/// the city officer publishes; then anyone finds it by the public search, with its mark and
/// window, in both languages. A district officer may not publish (403).
@Suite struct CataloguePageTests {
    @Test(arguments: TestDatabase.all)
    func aProductGoesFromTheFormThroughTheCommitteeToThePublicList(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let callers = try await CatalogueAPITests.world(app)
            _ = try await TestAccounts.token(app, role: .districtOfficer, district: "pudong", username: "cat.pudong")
            var anonymous = WebClient(app)
            var page = try await anonymous.get("/catalogue")
            #expect(page.status == .ok && page.html.contains(#"href="/catalogue""#) && !page.html.contains(#"id="submit-product""#))

            // The enterprise's form: a date in the future is the store's refusal, beside the field.
            var ent = try await CasesPageTests.web(app, "cat.ent")
            page = try await ent.get("/catalogue")
            #expect(page.html.contains(#"id="submit-product""#))
            try await ent.get("/catalogue/new")
            let product = "页面测试用五轴联动加工中心"
            var form: [(String, String)] = [("name", product), ("category", "equipment"), ("firstOnMarketDate", "2999-01-01"), ("description", "测试")]
            page = try await ent.post("/catalogue", form)
            #expect(page.status == .unprocessableEntity && page.html.contains(#"id="firstOnMarketDate-error""#), "\(page.status)")
            form[2] = ("firstOnMarketDate", "2024-03-01")
            page = try await ent.post("/catalogue", form)
            #expect(page.status == .seeOther)
            let location = try #require(page.headers.first(name: .location))
            let number = try #require(location.split(separator: "/").last?.split(separator: "?").first.map(String.init))
            page = try await ent.get(location)
            #expect(page.html.contains(#"id="done""#) && page.html.contains(#"data-status="submitted""#) && page.html.contains(product))
            page = try await ent.get("/catalogue?mine=1")
            #expect(page.html.contains(number))
            // Nobody else reads it before publication.
            #expect(try await anonymous.get("/catalogue/\(number)").status == .notFound)
            #expect(try await anonymous.get("/catalogue?q=\(WebClient.encode(product))").html.contains(number) == false)

            // The expert review by a department: fewer opinions than the library asks are refused.
            var dept = try await CasesPageTests.web(app, "cat.dept")
            page = try await dept.get("/catalogue/\(number)")
            #expect(page.html.contains(#"id="review-submit""#) && !page.html.contains(#"id="vote-submit""#))
            page = try await dept.post("/catalogue/\(number)/review", [("expert1", "专家甲"), ("conclusion", "pass")])
            #expect(page.status == .unprocessableEntity && page.html.contains(#"id="form-errors""#))
            page = try await dept.post("/catalogue/\(number)/review", [("expert1", "专家甲"), ("verdict1", "support"), ("expert2", "专家乙"), ("verdict2", "support"),
                                                                        ("expert3", "专家丙"), ("verdict3", "oppose"), ("comments3", "需补充可靠性数据"), ("conclusion", "pass")])
            #expect(page.status == .seeOther)
            page = try await dept.get("/catalogue/\(number)")
            #expect(page.html.contains(#"data-status="in_committee""#) && page.html.contains("需补充可靠性数据") && page.html.contains(#"id="tally""#))

            // m4 is affiliated with the enterprise: no vote form, the reason, and a refused vote.
            var m4 = try await CasesPageTests.web(app, "cat.m4")
            page = try await m4.get("/catalogue/\(number)")
            #expect(page.html.contains(#"id="seat-refusal""#) && page.html.contains("回避") && !page.html.contains(#"id="vote-submit""#))
            page = try await m4.post("/catalogue/\(number)/vote", [("vote", "approve")])
            #expect(page.status == .conflict && page.html.contains(#"id="form-errors""#) && page.html.contains("回避的成员不能表决"))
            // m5 declares a conflict; then reads it as the reason it cannot vote.
            var m5 = try await CasesPageTests.web(app, "cat.m5")
            try await m5.get("/catalogue/\(number)")
            #expect(try await m5.post("/catalogue/\(number)/recuse", [("reason", "曾任该企业顾问")]).status == .seeOther)
            page = try await m5.get("/catalogue/\(number)")
            #expect(page.html.contains(#"id="seat-refusal""#) && page.html.contains("曾任该企业顾问"))
            for m in ["cat.m1", "cat.m2", "cat.m3"] {
                var web = try await CasesPageTests.web(app, m)
                page = try await web.get("/catalogue/\(number)")
                #expect(page.html.contains(#"id="vote-submit""#), "\(m)")
                #expect(try await web.post("/catalogue/\(number)/vote", [("vote", "approve"), ("comment", "同意")]).status == .seeOther, "\(m)")
                page = try await web.get("/catalogue/\(number)")
                #expect(page.html.contains(#"id="voted""#) && !page.html.contains(#"id="vote-submit""#), "\(m)")
            }

            // A district officer may not publish; the city officer does.
            var pudong = try await CasesPageTests.web(app, "cat.pudong")
            try await pudong.get("/catalogue/\(number)")
            #expect(try await pudong.post("/catalogue/\(number)/publish", []).status == .forbidden)
            var city = try await CasesPageTests.web(app, "cat.city")
            page = try await city.get("/catalogue/\(number)")
            #expect(page.html.contains(#"id="publish-submit""#))
            #expect(try await city.post("/catalogue/\(number)/publish", []).status == .seeOther)
            page = try await city.get("/catalogue/\(number)")
            #expect(page.html.contains(#"data-status="published""#) && page.html.contains(#"id="expire-submit""#) && page.html.contains(#"id="mark""#))
            // The listing as the API gives it, on the page.
            let r = try await app.call(.GET, "api/catalogue/products/\(number)", as: callers.caller("cat.city"))
            let listing = try #require((r.body["listings"] as? [[String: Any]])?.first)
            let mark = try #require(listing["markCode"] as? String), until = try #require(listing["validUntil"] as? String)

            // The public search finds it, with its mark and window; in English without a missing key.
            page = try await anonymous.get("/catalogue?q=\(WebClient.encode("五轴联动"))&category=equipment")
            #expect(page.html.contains(number) && page.html.contains(mark) && page.html.contains(until))
            page = try await anonymous.get("/catalogue/\(number)")
            #expect(page.status == .ok && page.html.contains(mark) && !page.html.contains(#"id="expire-submit""#))
            try await anonymous.get("/lang/en?back=/catalogue")
            page = try await anonymous.get("/catalogue?q=\(WebClient.encode("五轴联动"))")
            #expect(page.html.contains("Innovative-product recommendation catalogue") && !page.html.contains(WebCatalogue.missingMarker))
            page = try await anonymous.get("/catalogue/\(number)")
            #expect(page.html.contains("Listings") && !page.html.contains(WebCatalogue.missingMarker))
            // A search text past the limit is said, not searched.
            page = try await anonymous.get("/catalogue?q=\(String(repeating: "长", count: 201))")
            #expect(page.status == .ok && page.html.contains(#"id="q-error""#))
        }
    }
}
