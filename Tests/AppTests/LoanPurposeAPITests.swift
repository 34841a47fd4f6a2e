import Foundation
import Testing
import Vapor
import VaporTesting

/// A loan's purpose (N1's 2026 extension) goes through the API into the database and back, and
/// the stored project's match counts it: a fixed-asset loan disbursed after 2026-01-20.
@Suite struct LoanPurposeAPITests {
    @Test(arguments: TestDatabase.all)
    func aFixedAssetLoanIsStoredAndCountsForN1(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.call(.POST, "api/enterprises", json: try Fixtures.json(Fixtures.enterprise))
            let project: [String: Any] = [
                "id": "P-N1-2026", "name": "设备更新项目固定资产贷款", "categories": ["national-candidate-list"],
                "applicationDate": "2026-03-01",
                "loans": [["id": "L1", "principal": "1000000", "startDate": "2026-02-01", "relendingEligible": true,
                           "purpose": "fixedAsset"]],
            ]
            var r = try await app.call(.POST, "api/projects", json: try Fixtures.json(["creditCode": "91310115MA1K4ABCDD", "project": project]))
            #expect(r.status == .created, "\(r.raw)")
            let id = r.body["id"] as? String ?? ""
            r = try await app.call(.GET, "api/projects/\(id)")
            let loans = (r.body["project"] as? [String: Any])?["loans"] as? [[String: Any]]
            #expect(loans?.first?["purpose"] as? String == "fixedAsset", "\(r.raw)")
            // 2026: 334 days of 365 at 1.5%: 13,726.02; 2027: 15,000.00; 2028: 31 days of 366: 1,270.49.
            r = try await app.call(.GET, "api/projects/\(id)/match")
            let n1 = (r.body["national"] as? [[String: Any]])?.first { $0["id"] as? String == "N1" }
            #expect(n1?["status"] as? String == "matched", "\(r.raw)")
            #expect(n1?["amount"] as? String == "29996.51")
        }
    }
}
