import FluentKit
import Foundation
import SQLKit

/// Puts the payments of one project in a line: the first statement of a paying transaction
/// upserts the project's row of `ledger_locks`, which on PostgreSQL holds that row's lock until
/// commit (another server's transaction on the same project waits) and on SQLite takes the
/// database's write lock. The sums read after it are the sums the write is checked against.
enum LedgerLock {
    static let schema = "ledger_locks"

    static func take(_ projectID: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("""
            INSERT INTO ledger_locks (project_id, writes) VALUES (\(bind: projectID), 1)
            ON CONFLICT (project_id) DO UPDATE SET writes = ledger_locks.writes + 1
            """).run()
    }

    /// Several projects at once (a batch), always in the same order so that two batches cannot
    /// each hold what the other waits for.
    static func take(_ projectIDs: some Sequence<UUID>, on db: any Database) async throws {
        for id in Set(projectIDs).sorted(by: { $0.uuidString < $1.uuidString }) { try await take(id, on: db) }
    }
}
