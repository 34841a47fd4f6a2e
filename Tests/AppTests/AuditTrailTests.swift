import App
import Fluent
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import Workflow

/// The audit trail: every registry change leaves an entry in the same transaction; the database
/// refuses to update or delete entries; and an entry altered or removed behind the database's
/// back (its triggers dropped, as an owner could) breaks the chain where it happened.
@Suite struct AuditTrailTests {
    static func storeProject(_ app: Application) async throws -> String {
        _ = try await app.call(.POST, "api/enterprises", json: try Fixtures.json(Fixtures.enterprise))
        let file = try Fixtures.example("enterprise-plan.json")
        let project = (file["projects"] as! [[String: Any]])[0]
        let r = try await app.call(.POST, "api/projects", json: try Fixtures.json(["creditCode": Fixtures.enterprise["creditCode"]!, "project": project]))
        #expect(r.status == .created)
        return r.body["id"] as! String
    }

    @Test(arguments: TestDatabase.all)
    func everyChangeLeavesAnEntryAndTheChainHolds(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let id = try await Self.storeProject(app)
            let r = try await app.call(.POST, "api/projects/\(id)/status", json: #"{"status":"filed","note":"承诺备案"}"#)
            #expect(r.status == .ok)
            let history = r.body["statusHistory"] as? [[String: Any]]
            #expect(history?.last?["changedBy"] as? String != nil)

            // The test's administrator and its token were the first entries.
            let all = try await AuditTrail.entries(AuditQuery(), on: app.db)
            #expect(all.prefix(2).map(\.action) == ["user.create", "token.create"])
            #expect(all.map(\.seq) == Array(1...Int64(all.count)))
            let entries = all.filter { $0.subjectType != "user" && $0.subjectType != "token" }
            #expect(entries.map(\.action) == ["enterprise.create", "project.create", "project.status"])
            #expect(entries[2].subjectID == id)
            #expect(entries.allSatisfy { $0.actorName == "test-admin" && $0.actorUserID != nil && $0.address != nil })
            #expect(entries[2].beforeJSON == #"{"note":null,"status":"reserve"}"#)
            #expect(entries[2].afterJSON == #"{"note":"承诺备案","status":"filed"}"#)
            let verified = try await AuditTrail.verify(on: app.db)
            guard case .intact(let count, let head) = verified else { Issue.record("\(verified)"); return }
            #expect(count == Int64(all.count) && head == entries[2].hash)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDatabaseRefusesToRewriteEntries(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            _ = try await Self.storeProject(app)
            let sql = app.db as! any SQLDatabase
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE audit_entries SET actor_name = 'someone else' WHERE seq = 1").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("DELETE FROM audit_entries WHERE seq = 1").run()
            }
            let first = try await AuditTrail.entries(AuditQuery(limit: 1), on: app.db).first
            #expect(first?.actorName != "someone else")
            let all = try await AuditTrail.entries(AuditQuery(), on: app.db)
            #expect(try await AuditTrail.verify(on: app.db) == .intact(entries: Int64(all.count), head: all.last!.hash))
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAlteredEntryBreaksTheChainWhereItHappened(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let id = try await Self.storeProject(app)
            _ = try await app.call(.POST, "api/projects/\(id)/status", json: #"{"status":"filed"}"#)
            let sql = app.db as! any SQLDatabase
            try await Self.withoutTriggers(sql) {
                try await sql.raw("UPDATE audit_entries SET after_json = '{\"status\":\"accepted\"}' WHERE action = 'project.status'").run()
            }
            guard case .broken(let seq, let reason) = try await AuditTrail.verify(on: app.db) else {
                Issue.record("an altered entry went unnoticed"); return
            }
            let altered = try await AuditTrail.entries(AuditQuery(), on: app.db).first { $0.action == "project.status" }!
            #expect(seq == altered.seq)
            #expect(reason.en.contains("altered"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDeletedEntryBreaksTheChain(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let id = try await Self.storeProject(app)
            _ = try await app.call(.POST, "api/projects/\(id)/status", json: #"{"status":"filed"}"#)
            let sql = app.db as! any SQLDatabase
            try await Self.withoutTriggers(sql) {
                try await sql.raw("DELETE FROM audit_entries WHERE seq = 2").run()
            }
            guard case .broken(let seq, let reason) = try await AuditTrail.verify(on: app.db) else {
                Issue.record("a deleted entry went unnoticed"); return
            }
            #expect(seq == 2)
            #expect(reason.en.contains("deleted"))
        }
    }

    /// Appends from many transactions at once still give one chain without gaps.
    @Test(arguments: TestDatabase.all)
    func concurrentAppendsMakeOneChain(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let db = app.db
            try await withThrowingTaskGroup(of: Void.self) { group in
                for k in 0..<20 {
                    group.addTask { try await Self.appendOne(String(k), on: db) }
                }
                try await group.waitForAll()
            }
            let all = try await AuditTrail.entries(AuditQuery(limit: 100), on: db)
            #expect(all.map(\.seq) == Array(1...Int64(all.count)))
            #expect(Set(all.filter { $0.action == "test.append" }.map(\.subjectID)).count == 20)
            guard case .intact(let n, _) = try await AuditTrail.verify(on: db), n == all.count else { Issue.record("chain broken"); return }
        }
    }

    static func appendOne(_ subject: String, on db: any Database) async throws {
        try await retryingBusy {
            try await db.transaction { tx in
                _ = try await AuditTrail.append(AuditChange(action: "test.append", subjectType: "test", subjectID: subject),
                                                by: .system("test"), on: tx)
            }
        }
    }

    /// Drops the append-only triggers for `body` (what a database owner could do), then puts them back.
    static func withoutTriggers(_ sql: any SQLDatabase, _ body: () async throws -> Void) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ALTER TABLE audit_entries DISABLE TRIGGER USER").run()
            try await body()
            try await sql.raw("ALTER TABLE audit_entries ENABLE TRIGGER USER").run()
        } else {
            try await sql.raw("DROP TRIGGER audit_entries_no_update").run()
            try await sql.raw("DROP TRIGGER audit_entries_no_delete").run()
            try await body()
        }
    }

    /// On SQLite a second writer may find the database busy, or find the chain moved on under it
    /// (the unique `seq` refuses it): the caller tries again, as a server would.
    static func retryingBusy(_ body: () async throws -> Void) async throws {
        for attempt in 1...50 {
            do { try await body(); return } catch where attempt < 50 { try await Task.sleep(for: .milliseconds(5)) }
        }
    }
}
