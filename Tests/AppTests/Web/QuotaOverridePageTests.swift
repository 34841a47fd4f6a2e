@testable import App
import Fluent
import Foundation
import Policy
import Registry
import Testing
import Vapor
import Workflow

/// The decision form's quota override on SQLite and PostgreSQL: past a yearly quota the city
/// officer's approval is the store's conflict, said on the page; with a stated reason it is
/// approved and the reason kept in the decision.
@Suite struct QuotaOverridePageTests {
    @Test(arguments: TestDatabase.all)
    func anApprovalPastAQuotaTakesTheReasonFromTheForm(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            let p = try await BudgetAPITests.people(app)
            _ = try await TestAccounts.token(app, role: .cityOfficer, username: "web.quota.city")
            let project: [String: Any] = ["id": "P-FIRST-BATCH", "name": "首批次新材料应用", "categories": ["first-batch"],
                                          "investment": ["declared": "5000000"], "zeroLand": true,
                                          "innovativeProductContract": ["productId": "SH-CX-2026-0001", "amount": "1000000"]]
            let id = try await BudgetFixtures.caseUnderReview(app, project: project, enterprise: p.enterprise, officer: p.district)
            let store = try ApplicationWorkflowTests.store(app)
            let model = try await store.application(UUID(uuidString: id)!)
            for step in model.steps {
                _ = try await store.giveOpinion(model.id!, department: step.department, verdict: .approve, on: Day(iso: "2026-03-02")!,
                                                by: ApplicationWorkflowTests.officer)
            }
            try await BudgetFixtures.plantApprovals(app, projectID: model.$project.id, count: 10, instrument: "16", granted: Money(yuan: 1),
                                                    categories: ["first-batch"], district: "pudong", on: "2026-01-15")

            var city = try await CasesPageTests.web(app, "web.quota.city")
            let page = try await city.get("/cases/\(id)")
            #expect(page.html.contains(#"id="quotaOverride""#))
            let approve = [("outcome", "approve"), ("approvedInvestment", "5000000"), ("granted_16", "1000")]
            let refused = try await city.post("/cases/\(id)/decision", approve)
            #expect(refused.status == .conflict && refused.html.contains(#"id="form-errors""#) && refused.html.contains("first-batch"), "\(refused.status)")
            #expect(try await store.application(model.id!).state == "under_review")
            let approved = try await city.post("/cases/\(id)/decision", approve + [("quotaOverride", "市领导批示：重点保障项目")])
            #expect(approved.status == .seeOther, "\(approved.status)")
            let decision = try #require(try await ApplicationDecisionModel.query(on: app.db).filter(\.$application.$id == model.id!).first())
            #expect(decision.quotaOverride?.contains("市领导批示") == true && decision.quotaOverride?.contains("first-batch") == true)
        }
    }
}
