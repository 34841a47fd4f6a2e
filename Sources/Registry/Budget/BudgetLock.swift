import FluentKit
import SQLKit

/// Puts in a line, across servers, the writers of one instrument's year: payments checking a
/// pool's room, revisions of its pools, approvals counted by a quota. PostgreSQL: a transaction
/// advisory lock on a key made from the name (FNV-1a, the same in every process — Swift's
/// `Hasher` is seeded per process, so two servers would take different locks). SQLite writes
/// one transaction at a time already.
enum BudgetLock {
    static func take(_ name: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: key(name)))").run()
    }

    static func pool(instrument: String, year: Int) -> String { "budget-pool|\(instrument)|\(year)" }
    static func quota(_ id: String, year: Int) -> String { "quota|\(id)|\(year)" }

    static func key(_ name: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
