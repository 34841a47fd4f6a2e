@testable import App
import Fluent
import Foundation
import Policy
import Registry
import Testing
import Vapor
import Workflow

/// Quotas (issue 11, item 4): counted from the year's approvals; an approval past one is refused
/// with 409 naming it, unless the city officer states a reason, kept in the decision and the audit.
@Suite struct QuotaAPITests {
    @Test(arguments: TestDatabase.all)
    func anApprovalPastAQuotaNeedsAStatedReason(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            let p = try await BudgetAPITests.people(app)
            // A first batch of new material under (十六).
            let project: [String: Any] = ["id": "P-FIRST-BATCH", "name": "首批次新材料应用", "categories": ["first-batch"],
                                          "investment": ["declared": "5000000"], "zeroLand": true,
                                          "innovativeProductContract": ["productId": "SH-CX-2026-0001", "amount": "1000000"]]
            let id = try await BudgetFixtures.caseUnderReview(app, project: project, enterprise: p.enterprise, officer: p.district)
            let store = try ApplicationWorkflowTests.store(app)
            let model = try await store.application(UUID(uuidString: id)!)
            #expect(model.instrumentIDs.contains("16"), "\(model.instrumentIDs)")
            for step in model.steps {
                _ = try await store.giveOpinion(model.id!, department: step.department, verdict: .approve, on: Day(iso: "2026-03-02")!,
                                                by: ApplicationWorkflowTests.officer)
            }

            // Nine first batches approved this year and one of another year: one place left.
            try await BudgetFixtures.plantApprovals(app, projectID: model.$project.id, count: 9, instrument: "16", granted: Money(yuan: 1),
                                                    categories: ["first-batch"], district: "pudong", on: "2026-01-15")
            try await BudgetFixtures.plantApprovals(app, projectID: model.$project.id, count: 1, instrument: "16", granted: Money(yuan: 1),
                                                    categories: ["first-batch"], district: "pudong", on: "2025-12-31")
            var r = try await app.call(.GET, "api/quotas?year=2026", as: .bearer(p.district))
            #expect(r.status == .ok, "\(r.raw)")
            let quotas = try JSONSerialization.jsonObject(with: Data(r.raw.utf8)) as? [[String: Any]] ?? []
            let batch = try #require(quotas.first { $0["id"] as? String == "first-batch" })
            #expect(batch["perYear"] as? Int == 10 && batch["used"] as? Int == 9 && batch["left"] as? Int == 1)
            #expect(quotas.map { $0["id"] as? String } == ["new-material-certification", "first-set", "first-version", "first-batch"])

            // One more fills it; the case is then past the quota.
            try await BudgetFixtures.plantApprovals(app, projectID: model.$project.id, count: 1, instrument: "16", granted: Money(yuan: 1),
                                                    categories: ["first-batch"], district: "pudong", on: "2026-02-01")
            let approve = #"{"outcome": "approve", "approvedInvestment": "5000000", "granted": [{"instrument": "16", "amount": "1000"}]"#
            r = try await app.call(.POST, "api/applications/\(id)/decision", json: approve + "}", as: .bearer(p.city))
            #expect(r.status == .conflict, "\(r.raw)")
            #expect(r.raw.contains("first-batch") && r.raw.contains("首批次新材料") && r.raw.contains("quotaOverride"), "\(r.raw)")
            #expect(try await store.application(model.id!).state == "under_review")

            r = try await app.call(.POST, "api/applications/\(id)/decision", json: approve + #", "quotaOverride": "市领导批示：重点保障项目"}"#, as: .bearer(p.city))
            #expect(r.status == .ok, "\(r.raw)")
            let decision = try #require(try await ApplicationDecisionModel.query(on: app.db).filter(\.$application.$id == model.id!).first())
            #expect(decision.quotaOverride?.contains("first-batch") == true)
            #expect(decision.quotaOverride?.contains("市领导批示") == true)
            let audit = try await AuditEntryModel.query(on: app.db).filter(\.$caseID == id).all()
            #expect(audit.contains { ($0.afterJSON ?? "").contains("市领导批示") })
            r = try await app.call(.GET, "api/quotas?year=2026", as: .bearer(p.city))
            #expect(r.raw.contains(#""used":11"#) || r.raw.contains(#""used" : 11"#), "\(r.raw)")
        }
    }
}
