@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting
import Workflow

/// A value of the policy saved from a date on: the stored projects are re-evaluated at once, the
/// enterprise whose projects gain or lose support is told with the amounts before and after, and
/// a project that becomes eligible gets a draft application.
@Suite struct PolicyChangeAPITests {
    @Test(arguments: TestDatabase.all)
    func aChangeTellsTheEnterpriseAndDraftsForTheNewlyEligible(_ database: TestDatabase) async throws {
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
            let before = try #require(r.body["recommendedTotal"] as? String)
            #expect(before != "0.00")
            let city = try await TestAccounts.token(app, role: .cityOfficer)
            let enterprise = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: code)

            // The threshold becomes a bar: the project loses 7a, and the enterprise is told.
            r = try await app.call(.POST, "api/policy/changes", json: #"{"key": "reading.clause7_threshold_role", "from": "2024-06-01", "value": "bar", "note": "测试：门槛改为准入条件"}"#, as: .bearer(city))
            #expect(r.status == .created, "\(r.raw)")
            #expect(r.body["changed"] as? Int == 1 && r.body["enterprisesTold"] as? Int == 1 && (r.body["drafts"] as? [Any])?.isEmpty == true, "\(r.raw)")
            #expect(r.body["libraryVersion"] as? String == app.libraryVersion && app.libraryVersion != app.filesLibraryVersion)
            r = try await app.call(.GET, "api/projects/\(projectID)")
            #expect(r.body["recommendedTotal"] as? String == "0.00", "\(r.raw)")
            r = try await app.call(.GET, "api/notices", as: .bearer(enterprise))
            let told = (r.body["items"] as? [[String: Any]] ?? []).first { $0["kind"] as? String == "policy.changed" }
            let body = (told?["body"] as? [String: Any])?["zh"] as? String ?? ""
            #expect(body.contains("P-SMALL") && body.contains("→ 0.00"), "\(body)")

            // A lower threshold from then on: the project is eligible again and gets a draft to submit.
            r = try await app.call(.POST, "api/policy/changes", json: #"{"key": "clause7.investment_threshold", "from": "2024-06-02", "value": "10000000"}"#, as: .bearer(city))
            #expect(r.status == .created, "\(r.raw)")
            let drafts = r.body["drafts"] as? [String] ?? []
            #expect(drafts.count == 1, "\(r.raw)")
            r = try await app.call(.GET, "api/applications", as: .bearer(enterprise))
            let items = r.body["items"] as? [[String: Any]] ?? []
            #expect(items.count == 1 && items.first?["state"] as? String == "draft" && items.first?["projectId"] as? String == projectID)

            // The library refuses what it does not know; the changes and their audit entries stay.
            r = try await app.call(.POST, "api/policy/changes", json: #"{"key": "7a.no_such", "from": "2024-01-01", "value": "1"}"#, as: .bearer(city))
            #expect(r.status == .unprocessableEntity, "\(r.raw)")
            r = try await app.call(.GET, "api/policy/changes", as: .bearer(city))
            #expect((try JSONSerialization.jsonObject(with: Data(r.raw.utf8)) as? [Any])?.count == 2)
            let audited = try await AuditTrail.entries(AuditQuery(subjectType: "parameter"), on: app.db)
            #expect(audited.map(\.subjectID) == ["reading.clause7_threshold_role", "clause7.investment_threshold"])
            #expect(try await app.call(.POST, "api/policy/changes", json: #"{"key": "7a.ratio", "from": "2024-01-01", "value": "40%"}"#, as: .bearer(enterprise)).status == .forbidden)

            // A server started on this database has the saved changes in force.
            let files = app.policyLibrary
            app.policyLibrary = try PolicyLibraryLoader.loadDefault()
            try await app.installSavedPolicyChanges()
            #expect(app.policyLibrary.parameters["clause7.investment_threshold"]?.value(on: Day(iso: "2026-01-01")!)
                    == files.parameters["clause7.investment_threshold"]?.value(on: Day(iso: "2026-01-01")!))
        }
    }
}
