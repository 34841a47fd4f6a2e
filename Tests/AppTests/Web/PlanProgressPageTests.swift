@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting

/// The plan's progress page on SQLite and PostgreSQL: a department reports its unit's task for
/// 2025Q4 in the form with a file of evidence (a bad link named beside its field first); another
/// unit's task is not offered and is refused; after the due day the unreported tasks are flagged
/// overdue on the page, as the API counts them; an enterprise may not open it (403).
@Suite struct PlanProgressPageTests {
    @Test(arguments: TestDatabase.all)
    func aUnitReportsInTheFormAndTheOverdueAreFlagged(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-01-10")!)
            let city = try await TestAccounts.token(app, role: .cityOfficer, username: "web.prog.city")
            _ = try await TestAccounts.token(app, role: .department, username: "web.prog.dept")   // 市经济信息化委's
            _ = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: "91310115MA1K4ABCDD", username: "web.prog.ent")
            var dept = try await CasesPageTests.web(app, "web.prog.dept")
            var page = try await dept.get("/progress")
            #expect(page.status == .ok && page.html.contains("2025Q4") && page.html.contains(#"id="report-form""#) && page.html.contains(#"href="/progress""#))
            #expect(page.html.contains(#"<option value="1.1""#) && !page.html.contains(#"<option value="7.2""#))
            page = try await dept.upload("/progress/reports", filename: "evidence.pdf", contents: "%PDF-1.7 清单",
                                         fields: [("quarter", "2025Q4"), ("task", "1.1"), ("status", "on_track"), ("text", "清单已起草"), ("link", "ftp://x")])
            #expect(page.status == .unprocessableEntity && page.html.contains(#"id="link-error""#))
            page = try await dept.upload("/progress/reports", filename: "evidence.pdf", contents: "%PDF-1.7 清单",
                                         fields: [("quarter", "2025Q4"), ("task", "7.2"), ("status", "on_track"), ("text", "x")])
            #expect(page.status == .unprocessableEntity && page.html.contains(#"id="form-errors""#))
            page = try await dept.upload("/progress/reports", filename: "evidence.pdf", contents: "%PDF-1.7 清单",
                                         fields: [("quarter", "2025Q4"), ("task", "1.1"), ("status", "on_track"), ("text", "第一批清单已起草")])
            #expect(page.status == .seeOther, "\(page.status)")
            page = try await dept.get("/progress?quarter=2025Q4&done=reported")
            #expect(page.html.contains(#"id="done""#) && page.html.contains("第一批清单已起草") && page.html.contains("/api/plan-progress/evidence/"))

            // After the due day the page flags what the API counts overdue.
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-01-20")!)
            let r = try await app.call(.GET, "api/plan-progress?quarter=2025Q4", as: .bearer(city))
            let overdue = try #require(r.body["overdue"] as? Int)
            #expect(overdue > 0)
            var cityWeb = try await CasesPageTests.web(app, "web.prog.city")
            page = try await cityWeb.get("/progress?quarter=2025Q4")
            #expect(page.html.contains(#"<dd id="overdue-count">\#(overdue)</dd>"#))
            #expect(page.html.components(separatedBy: #"data-standing="overdue""#).count - 1 == overdue)
            #expect(page.html.contains(#"data-standing="reported""#))

            var ent = try await CasesPageTests.web(app, "web.prog.ent")
            #expect(try await ent.get("/progress").status == .forbidden)
            try await cityWeb.get("/lang/en?back=/progress")
            page = try await cityWeb.get("/progress?quarter=2025Q4")
            #expect(page.html.contains("The plan's progress".escapedForTest) && !page.html.contains(WebCatalogue.missingMarker))
        }
    }
}
