@testable import App
import Fluent
import Foundation
import Policy
import Registry
import Testing
import Vapor
import Workflow

/// The plan's own progress through the API, on SQLite and PostgreSQL: a unit's officer reports
/// its task for a quarter, a correction is the next version, another unit's task is refused;
/// after the due day (2025Q4: 15 January 2026, ten working days after the quarter) the unreported
/// tasks are flagged overdue and a first report is late; every version kept, audited, append-only.
@Suite struct PlanProgressAPITests {
    static func json(_ raw: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any] ?? [:]
    }

    /// Uploads a file of evidence for a task.
    static func upload(_ app: Application, task: String, content: String, as token: String) async throws -> (HTTPStatus, [String: Any]) {
        var headers = Caller.bearer(token).headers(app)
        headers.replaceOrAdd(name: .contentType, value: "application/octet-stream")
        var status: HTTPStatus = .ok, raw = ""
        try await app.testing().test(.POST, "api/plan-progress/evidence?task=\(task)&fileName=evidence.pdf", headers: headers,
                                     body: ByteBuffer(string: content)) { res in status = res.status; raw = res.body.string }
        return (status, json(raw))
    }

    /// Every task of the answer by id, across actions, measures and units.
    static func tasks(_ body: [String: Any]) -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for a in body["actions"] as? [[String: Any]] ?? [] {
            for m in a["measures"] as? [[String: Any]] ?? [] {
                for u in m["units"] as? [[String: Any]] ?? [] {
                    for t in u["tasks"] as? [[String: Any]] ?? [] { out[t["id"] as? String ?? "?"] = t }
                }
            }
        }
        return out
    }

    @Test(arguments: TestDatabase.all)
    func aUnitReportsItsTaskAndTheUnreportedAreFlaggedOverdue(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-01-10")!)
            let city = try await TestAccounts.token(app, role: .cityOfficer)
            let department = try await TestAccounts.token(app, role: .department)  // 市经济信息化委's
            let finance = try await TestAccounts.token(app, role: .department, department: "finance")

            // Every problem at once, by field path.
            var r = try await app.call(.POST, "api/plan-progress/reports", json: #"{"task": "99.9", "quarter": "2026Q2", "status": "done", "text": "  ", "evidenceLink": "ftp://x"}"#, as: .bearer(city))
            #expect(r.status == .unprocessableEntity)
            #expect(Set((r.body["issues"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }) == ["$.task", "$.quarter", "$.text", "$.evidenceLink"], "\(r.raw)")

            r = try await app.call(.POST, "api/plan-progress/reports", json: #"{"task": "1.1", "quarter": "2025Q4", "status": "on_track", "text": "第一批50类标志性产品清单已起草"}"#, as: .bearer(city))
            #expect(r.status == .created, "\(r.raw)")
            #expect(r.body["version"] as? Int == 1 && r.body["unit"] as? String == "市经济信息化委" && r.body["reportedOn"] as? String == "2026-01-10")
            // A file of evidence, with a material's limits: a PDF is kept, a text file refused; another unit's task is not the department's.
            var (status, file) = try await Self.upload(app, task: "1.1", content: "%PDF-1.7 清单", as: department)
            #expect(status == .created && file["kind"] as? String == "pdf", "\(file)")
            let fileID = try #require(file["id"] as? String)
            (status, file) = try await Self.upload(app, task: "1.1", content: "plain text", as: department)
            #expect(status == .unprocessableEntity)
            (status, _) = try await Self.upload(app, task: "4.1", content: "%PDF-1.7", as: department)
            #expect(status == .forbidden)
            (status, file) = try await Self.upload(app, task: "2.1", content: "%PDF-1.7 其他任务", as: city)
            let otherTasksFile = try #require(file["id"] as? String)
            r = try await app.call(.GET, "api/plan-progress/evidence/\(fileID)", as: .bearer(city))
            #expect(r.status == .ok && r.raw == "%PDF-1.7 清单")
            #expect(try await app.call(.GET, "api/plan-progress/evidence/\(UUID())", as: .bearer(city)).status == .notFound)
            // A report cites only its own task's file.
            r = try await app.call(.POST, "api/plan-progress/reports", json: #"{"task": "1.1", "quarter": "2025Q4", "status": "done", "text": "x", "evidenceFileId": "\#(otherTasksFile)"}"#, as: .bearer(department))
            #expect(r.status == .unprocessableEntity)
            // The unit's own department corrects it: the next version.
            r = try await app.call(.POST, "api/plan-progress/reports", json: #"{"task": "1.1", "quarter": "2025Q4", "status": "done", "text": "清单已发布", "evidenceLink": "https://sheitc.sh.gov.cn/notice/1", "evidenceFileId": "\#(fileID)"}"#, as: .bearer(department))
            #expect(r.status == .created && r.body["version"] as? Int == 2 && r.body["evidenceFileId"] as? String == fileID, "\(r.raw)")
            // Not its unit's task (4.1 is 市卫生健康委's; 1.1 is not the Finance Bureau's).
            #expect(try await app.call(.POST, "api/plan-progress/reports", json: #"{"task": "4.1", "quarter": "2025Q4", "status": "on_track", "text": "x"}"#, as: .bearer(department)).status == .forbidden)
            #expect(try await app.call(.POST, "api/plan-progress/reports", json: #"{"task": "1.1", "quarter": "2025Q4", "status": "on_track", "text": "x"}"#, as: .bearer(finance)).status == .forbidden)
            #expect(try await app.call(.POST, "api/plan-progress/reports", json: #"{"task": "7.2", "quarter": "2025Q4", "status": "on_track", "text": "资金已下达"}"#, as: .bearer(finance)).status == .created)

            // Before the due day nothing is overdue.
            r = try await app.call(.GET, "api/plan-progress?quarter=2025Q4", as: .bearer(city))
            #expect(r.status == .ok, "\(r.raw)")
            var body = Self.json(r.raw)
            #expect(body["dueOn"] as? String == "2026-01-15" && body["overdue"] as? Int == 0)
            #expect(Self.tasks(body)["1.2"]?["standing"] as? String == "pending")

            // After it: the unreported are overdue; one reported now is late.
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-01-20")!)
            #expect(try await app.call(.POST, "api/plan-progress/reports", json: #"{"task": "2.1", "quarter": "2025Q4", "status": "delayed", "text": "示范场景评审推迟"}"#, as: .bearer(city)).status == .created)
            r = try await app.call(.GET, "api/plan-progress", as: .bearer(department))
            body = Self.json(r.raw)
            #expect(body["quarter"] as? String == "2025Q4", "the last ended quarter by default")
            let tasks = Self.tasks(body)
            let total = app.workflowLibrary.progress.tasks.count
            #expect(tasks.count == total)
            #expect(body["overdue"] as? Int == total - 3)
            #expect(tasks["1.1"]?["standing"] as? String == "reported" && tasks["1.1"]?["versions"] as? Int == 2)
            #expect((tasks["1.1"]?["latest"] as? [String: Any])?["status"] as? String == "done")
            #expect(tasks["2.1"]?["standing"] as? String == "late" && tasks["2.1"]?["overdue"] as? Bool == false)
            #expect(tasks["1.2"]?["standing"] as? String == "overdue" && tasks["1.2"]?["overdue"] as? Bool == true)
            // 6 actions, 21 measures, each measure's lead unit first.
            let actions = body["actions"] as? [[String: Any]] ?? []
            #expect(actions.count == 6)
            #expect(actions.flatMap { $0["measures"] as? [[String: Any]] ?? [] }.count == 21)
            let first = (actions.first?["measures"] as? [[String: Any]])?.first
            let units = first?["units"] as? [[String: Any]] ?? []
            #expect((units.first?["name"] as? [String: Any])?["zh"] as? String == "市经济信息化委" && units.first?["lead"] as? Bool == true)
            #expect(units.dropFirst().allSatisfy { $0["lead"] as? Bool == false })

            // One measure only.
            r = try await app.call(.GET, "api/plan-progress?quarter=2025Q4&clause=%E5%8D%81%E4%BA%8C", as: .bearer(city))
            body = Self.json(r.raw)
            #expect((body["actions"] as? [[String: Any]])?.count == 1 && Set(Self.tasks(body).keys) == ["12.1", "12.2"])
            #expect(try await app.call(.GET, "api/plan-progress?quarter=2025Q5", as: .bearer(city)).status == .unprocessableEntity)

            // The history: every version, the latest first.
            r = try await app.call(.GET, "api/plan-progress/tasks/1.1/reports", as: .bearer(city))
            let history = (try? JSONSerialization.jsonObject(with: Data(r.raw.utf8))) as? [[String: Any]] ?? []
            #expect(history.compactMap { $0["version"] as? Int } == [2, 1])
            #expect(try await app.call(.GET, "api/plan-progress/tasks/99.9/reports", as: .bearer(city)).status == .notFound)

            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$subjectType == "plan_progress").count() == 6, "4 reports, 2 files")
            let stored = try #require(try await PlanProgressReportModel.query(on: app.db).filter(\.$task == "1.1").filter(\.$version == 1).first())
            stored.text = "改写"
            await #expect(throws: (any Error).self) { try await stored.save(on: app.db) }
        }
    }
}
