@testable import App
import Fluent
import Foundation
import Policy
import Registry
import Testing
import Vapor

/// The checks the plan states through the API, on SQLite and PostgreSQL: an enterprise files its
/// smart-factory assessment (十二) for a stored project, scored by the engine; instrument 12 stays
/// eligible with the amount unstated until the city officer sets the tiers through the
/// policy-change path, then pays by tier; second-hand gradings (十五) are judged against the
/// scale; every filing is a new version, audited, append-only, and becomes the project's own.
@Suite struct PlanCheckAPITests {
    /// Every question of the shipped questionnaire, all "b" before and all "c" after: 33.33
    /// (no level) → 66.66 (advanced, tier 2).
    static let answers = #"{"before": {"Q1": "b", "Q2": "b", "Q3": "b", "Q4": "b", "Q5": "b", "Q6": "b", "Q7": "b", "Q8": "b"}, "after": {"Q1": "c", "Q2": "c", "Q3": "c", "Q4": "c", "Q5": "c", "Q6": "c", "Q7": "c", "Q8": "c"}}"#
    static let code = "91310115MA1K4ABCDD"

    static func instrument(_ match: [String: Any], _ id: String) -> [String: Any] {
        (match["instruments"] as? [[String: Any]] ?? []).first { $0["id"] as? String == id } ?? [:]
    }

    @Test(arguments: TestDatabase.all)
    func anAssessmentFeedsInstrument12sTiersOnceTheyAreSet(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var r = try await app.call(.POST, "api/enterprises", json: #"{"creditCode": "\#(Self.code)", "name": "测试企业", "district": "pudong", "industryCode": "C3484"}"#)
            #expect(r.status == .created, "\(r.raw)")
            let enterprise = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: Self.code)
            let city = try await TestAccounts.token(app, role: .cityOfficer)
            r = try await app.call(.POST, "api/projects", json: #"{"creditCode": "\#(Self.code)", "project": {"id": "SF-1", "categories": ["smart-factory-upgrade"], "applicationDate": "2025-07-01", "equipment": [{"name": "二手数控机床", "quantity": 1, "unitPrice": "2000000"}]}}"#, as: .bearer(enterprise))
            let project = try #require(r.body["id"] as? String, "\(r.raw)")

            // Refused by field: an unknown question, an option not offered, a question not answered.
            r = try await app.call(.POST, "api/projects/\(project)/smart-factory-assessments", json: #"{"before": {"Q9": "a"}, "after": {"Q1": "z"}}"#, as: .bearer(enterprise))
            #expect(r.status == .unprocessableEntity)
            let paths = Set((r.body["issues"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
            #expect(paths.isSuperset(of: ["$.before.Q9", "$.before.Q1", "$.after.Q1", "$.after.Q2"]), "\(r.raw)")

            // Before the assessment 12 is eligible on its category, its amount unstated.
            r = try await app.call(.GET, "api/projects/\(project)/match", as: .bearer(enterprise))
            #expect(Self.instrument(r.body, "12")["status"] as? String == "amount_unstated", "\(r.raw)")

            r = try await app.call(.POST, "api/projects/\(project)/smart-factory-assessments", json: Self.answers, as: .bearer(enterprise))
            #expect(r.status == .created, "\(r.raw)")
            #expect(r.body["version"] as? Int == 1)
            #expect((r.body["before"] as? [String: Any])?["score"] as? String == "33.33")
            #expect((r.body["before"] as? [String: Any])?["level"] == nil)
            #expect((r.body["after"] as? [String: Any])?["score"] as? String == "66.66")
            #expect((r.body["after"] as? [String: Any])?["level"] as? String == "advanced")

            // The project now carries it; the tiers are not set: still unstated, the level-rose check held.
            r = try await app.call(.GET, "api/projects/\(project)", as: .bearer(enterprise))
            let stored = (r.body["project"] as? [String: Any])?["planChecks"] as? [String: Any]
            #expect((stored?["smartFactory"] as? [String: Any])?["after"] != nil, "\(r.raw)")
            r = try await app.call(.GET, "api/projects/\(project)/match", as: .bearer(enterprise))
            var twelve = Self.instrument(r.body, "12")
            #expect(twelve["status"] as? String == "amount_unstated", "\(r.raw)")
            let rose = (twelve["conditions"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "smart-factory-level-rose" }
            #expect(rose?["held"] as? Bool == true)

            // The city officer sets tier 2 through the policy-change path: 12 pays it.
            r = try await app.call(.POST, "api/policy/changes", json: #"{"key": "12.tier_2", "from": "2024-05-31", "value": "500000", "note": "测试：第2档"}"#, as: .bearer(city))
            #expect(r.status == .created, "\(r.raw)")
            r = try await app.call(.GET, "api/projects/\(project)/match", as: .bearer(enterprise))
            twelve = Self.instrument(r.body, "12")
            #expect(twelve["status"] as? String == "matched", "\(r.raw)")
            #expect(twelve["amount"] as? String == "500000.00", "\(r.raw)")

            // A new answer is a new version; both kept, the latest first.
            r = try await app.call(.POST, "api/projects/\(project)/smart-factory-assessments", json: Self.answers.replacingOccurrences(of: #""c""#, with: #""d""#), as: .bearer(enterprise))
            #expect(r.status == .created && r.body["version"] as? Int == 2, "\(r.raw)")
            #expect((r.body["after"] as? [String: Any])?["level"] as? String == "leading")
            r = try await app.call(.GET, "api/projects/\(project)/smart-factory-assessments", as: .bearer(enterprise))
            let versions = (r.body["assessments"] as? [[String: Any]] ?? []).compactMap { $0["version"] as? Int }
            #expect(versions == [2, 1], "\(r.raw)")

            // Second-hand gradings: grade 4 is not supported; grade 2 identified is; an item not in the equipment is refused.
            r = try await app.call(.POST, "api/projects/\(project)/second-hand-gradings", json: #"{"items": [{"item": 2, "grade": "2"}]}"#, as: .bearer(enterprise))
            #expect(r.status == .unprocessableEntity)
            #expect((r.body["issues"] as? [[String: Any]] ?? []).contains { $0["path"] as? String == "$.items[0].item" }, "\(r.raw)")
            r = try await app.call(.POST, "api/projects/\(project)/second-hand-gradings", json: #"{"items": [{"item": 1, "grade": "4", "identifiedBy": "上海某鉴定所", "reportNumber": "JD-1", "identifiedOn": "2025-03-01"}]}"#, as: .bearer(enterprise))
            #expect(r.status == .created && r.body["held"] as? Bool == false, "\(r.raw)")
            r = try await app.call(.POST, "api/projects/\(project)/second-hand-gradings", json: #"{"items": [{"item": 1, "grade": "2", "evaluatedValue": "1800000", "identifiedBy": "上海某鉴定所", "reportNumber": "JD-2", "identifiedOn": "2025-03-02"}]}"#, as: .bearer(enterprise))
            #expect(r.status == .created && r.body["held"] as? Bool == true && r.body["version"] as? Int == 2, "\(r.raw)")
            r = try await app.call(.GET, "api/projects/\(project)/second-hand-gradings", as: .bearer(enterprise))
            #expect((r.body["gradings"] as? [[String: Any]] ?? []).count == 2)

            // Audited, append-only.
            let id = try #require(UUID(uuidString: project))
            let actions = try await AuditEntryModel.query(on: app.db).filter(\.$subjectID == id.uuidString.lowercased()).all().map(\.action)
            #expect(actions.filter { $0 == "smart-factory.assess" }.count == 2 && actions.filter { $0 == "second-hand.grade" }.count == 2, "\(actions)")
            let row = try #require(try await SmartFactoryAssessmentModel.query(on: app.db).first())
            row.scoreAfter = 10_000
            await #expect(throws: (any Error).self) { try await row.save(on: app.db) }
            let grading = try #require(try await SecondHandGradingModel.query(on: app.db).first())
            await #expect(throws: (any Error).self) { try await grading.delete(on: app.db) }
        }
    }
}
