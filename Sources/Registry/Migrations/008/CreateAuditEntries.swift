import FluentKit
import SQLKit

/// The audit trail (issue 10, item 8), who moved a project's status, and the database's refusal to update or delete its rows:
/// triggers on both databases, so not even the platform's own code can rewrite the past.
struct CreateAuditEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntryModel.schema)
            .id()
            .field("seq", .int64, .required)
            .field("at_ms", .int64, .required)
            .field("actor_user_id", .uuid)
            .field("actor_name", .string, .required)
            .field("address", .string)
            .field("action", .string, .required)
            .field("subject_type", .string, .required)
            .field("subject_id", .string, .required)
            .field("case_id", .string)
            .field("before_json", .string)
            .field("after_json", .string)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
        try await database.schema(StatusEventModel.schema).field("changed_by", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "audit_entries_case").on(AuditEntryModel.schema).column("case_id").column("seq").run()
        try await sql.create(index: "audit_entries_actor").on(AuditEntryModel.schema).column("actor_user_id").column("seq").run()
        try await sql.create(index: "audit_entries_subject").on(AuditEntryModel.schema)
            .column("subject_type").column("subject_id").column("seq").run()
        try await AppendOnlyTable.protect(AuditEntryModel.schema, on: sql)
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await AppendOnlyTable.release(AuditEntryModel.schema, on: sql) }
        try await database.schema(StatusEventModel.schema).deleteField("changed_by").update()
        try await database.schema(AuditEntryModel.schema).delete()
    }
}
