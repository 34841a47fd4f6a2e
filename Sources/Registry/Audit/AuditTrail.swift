import FluentKit
import Foundation
import SQLKit
import Workflow

/// Writes the audit trail. `append` is called inside the transaction of the change it records,
/// so a change and its entry are written together or not at all.
public enum AuditTrail {
    /// The key of the PostgreSQL advisory lock that puts appends in a line (the chain needs the
    /// previous entry's hash). SQLite writes one transaction at a time anyway; on both databases
    /// the unique `seq` refuses a second entry chained to the same predecessor.
    static let appendLock: Int64 = 0x5245_4e45_5741_4c01

    /// Appends one entry for `change`, made by `actor`, chained to the last entry.
    @discardableResult
    public static func append(_ change: AuditChange, by actor: AuditActor, at time: Date = Date(),
                              on db: any Database) async throws -> AuditEntryModel {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: appendLock))").run()
        }
        let last = try await AuditEntryModel.query(on: db).sort(\.$seq, .descending).first()
        let entry = AuditEntryModel()
        entry.id = UUID()
        entry.seq = (last?.seq ?? 0) + 1
        entry.atMilliseconds = Int64((time.timeIntervalSince1970 * 1000).rounded(.down))
        entry.actorUserID = actor.userID
        entry.actorName = actor.name
        entry.address = actor.address
        entry.action = change.action
        entry.subjectType = change.subjectType
        entry.subjectID = change.subjectID
        entry.caseID = change.caseID
        entry.beforeJSON = change.before
        entry.afterJSON = change.after
        entry.previousHash = last?.hash ?? AuditChain.genesis
        entry.hash = AuditChain.hash(of: entry)
        try await entry.create(on: db)
        return entry
    }
}
