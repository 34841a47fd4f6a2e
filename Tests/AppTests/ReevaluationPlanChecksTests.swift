@testable import App
import Foundation
import Policy
import Registry
import Testing

/// Re-evaluation reads a stored project's stated checks (`plan_checks`) into the batch engine, so
/// a data centre whose PUE misses (十四) stays refused 7a as on create: re-evaluating nothing
/// changed changes nothing (SQLite and PostgreSQL).
@Suite struct ReevaluationPlanChecksTests {
    static let code = "91310104MA1G123458"

    @Test(arguments: TestDatabase.all)
    func aMissedPUEStaysRefusedOnReevaluation(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var r = try await app.call(.POST, "api/enterprises", json: #"{"creditCode": "\#(Self.code)", "name": "测试企业", "district": "xuhui", "industryCode": "C3984"}"#)
            #expect(r.status == .created, "\(r.raw)")
            let enterprise = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: Self.code)
            let project = #"""
            {"creditCode": "\#(Self.code)", "project": {"id": "DC-1", "categories": ["technical-renovation", "equipment-renewal"],
             "applicationDate": "2025-07-01", "investment": {"declared": "36000000"},
             "equipment": [{"name": "液冷服务器机柜", "quantity": 40, "unitPrice": "350000", "purchased": "2025-03-01", "replacesOld": true}],
             "planChecks": {"dataCentre": {"kind": "renovated", "pue": "1.55"}}}}
            """#
            r = try await app.call(.POST, "api/projects", json: project, as: .bearer(enterprise))
            let id = try #require(r.body["id"] as? String, "\(r.raw)")
            r = try await app.call(.GET, "api/projects/\(id)/match", as: .bearer(enterprise))
            let seven = (r.body["instruments"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "7a" } ?? [:]
            let pue = (seven["conditions"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "data-centre-pue" }
            #expect(pue?["held"] as? Bool == false, "\(r.raw)")

            let report = try await Reevaluation(db: app.db, library: app.policyLibrary).run(dryRun: true)
            #expect(report.examined == 1)
            #expect(report.changed == 0, "the batch engine re-evaluated without the stated checks")
        }
    }
}
