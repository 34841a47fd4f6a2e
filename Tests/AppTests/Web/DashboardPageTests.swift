@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting
import Workflow

/// The `/dashboard` page on SQLite and PostgreSQL: every target with the figures the API gives
/// (a counted measure's current value, a reported one's status in words and colour), its trend
/// charts, the district and responsible-unit views, and the report form — refused by field,
/// a district officer held to its own district, the store's report then on the page and in the API.
@Suite struct DashboardPageTests {
    /// The part of the page about one measure (its section up to the next).
    static func section(_ html: String, _ measure: String) -> String {
        guard let start = html.range(of: #"id="measure-\#(measure)""#) else { return "" }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "<section class=\"measure\"")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test(arguments: TestDatabase.all)
    func theDashboardShowsReportsAndJudges(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            try await TargetDashboardStoreTests.plantProjects(app)
            let token = try await TestAccounts.token(app, role: .cityOfficer, username: "dash.city")
            _ = try await TestAccounts.token(app, role: .districtOfficer, district: "浦东新区", username: "dash.pudong")

            var city = try await CasesPageTests.web(app, "dash.city")
            var page = try await city.get("/dashboard")
            #expect(page.status == .ok && page.html.contains(#"href="/dashboard""#))
            for t in 1...21 { #expect(page.html.contains(#"id="target-T\#(t)""#), "T\(t)") }
            #expect(!page.html.contains(WebCatalogue.missingMarker))
            #expect(page.html.contains(#"id="by-unit""#) && page.html.contains("市经济信息化委"))

            // T12 counted: the page's current value is the API's, grouped; its chart drawn.
            var r = try await app.call(.GET, "api/dashboard", as: .bearer(token))
            let t12 = try #require(DashboardAPITests.measure(r.body, "T12", "equipment-investment-cumulative"))
            let actual = try #require(t12["actual"] as? String)
            let t12Page = Self.section(page.html, "equipment-investment-cumulative")
            #expect(t12Page.contains(TargetFigureText.grouped(actual)), "\(actual)")
            #expect(t12Page.contains("200,000,000,000"), "the 2026Q1 milestone")
            #expect(t12Page.contains(#"class="trend-chart""#) && t12Page.contains(#"class="actuals""#) && t12Page.contains(#"class="milestones""#))
            #expect(t12Page.contains(#"data-status="\#(t12["status"] as? String ?? "?")""#))

            // A report refused beside its fields: nothing appended.
            let bad = try await city.post("/dashboard/reports", [("measure", "T19|national-testing-platforms"), ("quarter", "2031Q1"), ("district", ""), ("value", "-1"), ("evidence", " ")])
            #expect(bad.status == .unprocessableEntity)
            for field in ["quarter", "value", "evidence"] { #expect(bad.html.contains(#"id="\#(field)-error""#), "\(field)") }
            let counted = try await city.post("/dashboard/reports", [("measure", "T12|equipment-investment-cumulative"), ("quarter", "2026Q1"), ("value", "1"), ("evidence", "x")])
            #expect(counted.status == .unprocessableEntity && counted.html.contains(#"id="measure-error""#), "a counted measure is not reported")
            // T11's pilot bases are the list library's: not reported either, and not offered in the form.
            let listed = try await city.post("/dashboard/reports", [("measure", "T11|pilot-bases"), ("quarter", "2026Q1"), ("value", "1"), ("evidence", "x")])
            #expect(listed.status == .unprocessableEntity && listed.html.contains(#"id="measure-error""#), "a listed measure is not reported")
            #expect(!page.html.contains(#"value="T11|pilot-bases""#))
            r = try await app.call(.GET, "api/target-reports?measure=national-testing-platforms", as: .bearer(token))
            #expect(DashboardAPITests.array(r.raw).isEmpty)

            // T19 national testing platforms: 0.79 against 2026Q1's milestone of 1 is red; 0.8 amber; 1 green.
            for (value, status, words) in [("0.79", "red", "红：落后于进度"), ("0.8", "amber", "黄：略低于进度"), ("1", "green", "绿：达到进度")] {
                let sent = try await city.post("/dashboard/reports", [("measure", "T19|national-testing-platforms"), ("quarter", "2026Q1"), ("district", ""),
                                                                      ("value", value), ("evidence", "市经济信息化委认定通知")])
                #expect(sent.status == .seeOther && sent.headers.first(name: .location) == "/dashboard?done=report")
                page = try await city.get("/dashboard?done=report")
                let s = Self.section(page.html, "national-testing-platforms")
                #expect(page.html.contains(#"id="done""#))
                #expect(s.contains(#"data-status="\#(status)""#) && s.contains(words), "\(value)")
                #expect(s.contains(#"class="actual-dot""#))
                r = try await app.call(.GET, "api/dashboard", as: .bearer(token))
                #expect(DashboardAPITests.measure(r.body, "T19", "national-testing-platforms")?["status"] as? String == status)
            }
            r = try await app.call(.GET, "api/target-reports?measure=national-testing-platforms", as: .bearer(token))
            #expect(DashboardAPITests.array(r.raw).compactMap { $0["value"] as? String } == ["1", "0.8", "0.79"])

            // A district officer: its own district by default; another district refused.
            var pudong = try await CasesPageTests.web(app, "dash.pudong")
            page = try await pudong.get("/dashboard")
            let form = String(page.html[(page.html.range(of: #"id="report""#)?.upperBound ?? page.html.endIndex)...])
            #expect(form.contains(#"id="send-report""#) && form.contains(#"value="pudong""#) && !form.contains(#"value="minhang""#))
            let other = try await pudong.post("/dashboard/reports", [("measure", "T19|national-testing-platforms"), ("quarter", "2026Q1"), ("district", "minhang"), ("value", "1"), ("evidence", "区经委统计")])
            #expect(other.status == .forbidden && other.html.contains(#"id="form-errors""#))
            let own = try await pudong.post("/dashboard/reports", [("measure", "T19|national-testing-platforms"), ("quarter", "2026Q1"), ("value", "2"), ("evidence", "区经委统计")])
            #expect(own.status == .seeOther)
            r = try await app.call(.GET, "api/dashboard?district=pudong", as: .bearer(token))
            #expect(DashboardAPITests.measure(r.body, "T19", "national-testing-platforms")?["actual"] as? String == "2")

            // The district's view: its figures, no milestones or status; the unit's view.
            page = try await city.get("/dashboard?district=pudong")
            let inPudong = Self.section(page.html, "national-testing-platforms")
            #expect(page.html.contains(#"id="dash-district""#) && inPudong.contains("2") && !inPudong.contains("data-status"))
            page = try await city.get("/dashboard?unit=%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%AE%A1%E5%B1%80")
            #expect(page.html.contains(#"id="target-T20""#) && !page.html.contains(#"id="target-T12""#) && page.html.contains(#"id="dash-unit""#))

            // In English, every string translated.
            try await city.get("/lang/en?back=/dashboard")
            page = try await city.get("/dashboard")
            #expect(page.html.contains("Progress towards the 2027 targets") && page.html.contains("Red: behind"))
            #expect(page.html.contains("Green: on track") && !page.html.contains(WebCatalogue.missingMarker))
        }
    }
}
