@testable import App
import Fluent
import Foundation
import Policy
import Registry
import Testing
import Vapor
import Workflow

/// Scenario tasks (十一)(十八) through the API, on SQLite and PostgreSQL: released in a batch in a
/// field, taken up by two enterprises (揭榜) once each, a benchmark designated among the takers
/// only, with the taker's own project; every step audited and append-only.
@Suite struct ScenarioTaskAPITests {
    @Test(arguments: TestDatabase.all)
    func aTaskIsReleasedTakenUpAndItsBenchmarkDesignated(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let codeA = "91310115MA1K4ABCDD", codeB = CreditCode.withCheckCharacter("91310112MA1G0B0B0")!
            for (code, district) in [(codeA, "pudong"), (codeB, "minhang")] {
                let r = try await app.call(.POST, "api/enterprises", json: RoleOperationTests.World.enterprise(code, district))
                #expect(r.status == .created)
            }
            var r = try await app.call(.POST, "api/projects", json: #"{"creditCode": "\#(codeA)", "project": {"id": "AI-1", "categories": ["benchmark-demonstration", "scenario-ai"]}}"#)
            let projectA = try #require(r.body["id"] as? String, "\(r.raw)")
            r = try await app.call(.POST, "api/projects", json: #"{"creditCode": "\#(codeB)", "project": {"id": "AI-2"}}"#)
            let projectB = try #require(r.body["id"] as? String)
            let city = try await TestAccounts.token(app, role: .cityOfficer)
            let a = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: codeA)
            let b = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: codeB)

            r = try await app.call(.POST, "api/scenario-tasks", json: #"{"batch": "2025-01", "field": "mars", "title": " ", "owner": "市经济信息化委"}"#, as: .bearer(city))
            #expect(r.status == .unprocessableEntity)
            #expect(Set((r.body["issues"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }) == ["$.field", "$.title"])
            r = try await app.call(.POST, "api/scenario-tasks", json: #"{"batch": "2025-01", "field": "ai", "title": "工业大模型质检场景", "owner": "市经济信息化委"}"#, as: .bearer(city))
            #expect(r.status == .created, "\(r.raw)")
            let task = try #require(r.body["id"] as? String)
            #expect((r.body["fieldName"] as? [String: Any])?["zh"] as? String == "人工智能" && r.body["clause"] as? String == "十八")
            r = try await app.call(.POST, "api/scenario-tasks", json: #"{"batch": "2025-01", "field": "metaverse", "title": "元宇宙展厅", "owner": "市经济信息化委"}"#, as: .bearer(city))
            #expect(r.status == .created && r.body["clause"] as? String == "十一")

            // 揭榜: each enterprise once.
            #expect(try await app.call(.POST, "api/scenario-tasks/\(task)/takers", json: #"{"note": "已有质检产线"}"#, as: .bearer(a)).status == .created)
            #expect(try await app.call(.POST, "api/scenario-tasks/\(task)/takers", json: "{}", as: .bearer(a)).status == .conflict)
            #expect(try await app.call(.POST, "api/scenario-tasks/\(task)/takers", json: "{}", as: .bearer(b)).status == .created)
            #expect(try await app.call(.POST, "api/scenario-tasks/\(UUID())/takers", json: "{}", as: .bearer(b)).status == .notFound)

            // The benchmark: a taker only, its own project, once.
            let stranger = CreditCode.withCheckCharacter("91310104MA1X0X0X0")!
            r = try await app.call(.POST, "api/scenario-tasks/\(task)/designations", json: #"{"creditCode": "\#(stranger)"}"#, as: .bearer(city))
            #expect(r.status == .conflict)
            r = try await app.call(.POST, "api/scenario-tasks/\(task)/designations", json: #"{"creditCode": "\#(codeA)", "projectId": "\#(projectB)"}"#, as: .bearer(city))
            #expect(r.status == .unprocessableEntity)
            r = try await app.call(.POST, "api/scenario-tasks/\(task)/designations", json: #"{"creditCode": "\#(codeA)", "projectId": "\#(projectA)"}"#, as: .bearer(city))
            #expect(r.status == .created, "\(r.raw)")
            #expect((r.body["designations"] as? [[String: Any]])?.first?["projectId"] as? String == projectA)
            #expect(try await app.call(.POST, "api/scenario-tasks/\(task)/designations", json: #"{"creditCode": "\#(codeA)"}"#, as: .bearer(city)).status == .conflict)

            r = try await app.call(.GET, "api/scenario-tasks?field=ai", as: .bearer(b))
            let tasks = (try? JSONSerialization.jsonObject(with: Data(r.raw.utf8))) as? [[String: Any]] ?? []
            #expect(tasks.count == 1)
            #expect((tasks.first?["takers"] as? [[String: Any]])?.compactMap { $0["creditCode"] as? String }.sorted() == [codeA, codeB].sorted())
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$subjectType == "scenario_task").count() == 5)
            let stored = try #require(try await ScenarioTakerModel.query(on: app.db).first())
            stored.note = "改写"
            await #expect(throws: (any Error).self) { try await stored.save(on: app.db) }
        }
    }
}
