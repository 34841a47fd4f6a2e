import FluentKit
import SQLKit

/// Values of the policy library saved from a date on by officers (issue 10, item 7), append-only.
struct CreatePolicyChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PolicyChangeModel.schema)
            .id()
            .field("key", .string, .required)
            .field("from_day", .string, .required)
            .field("value", .string, .required)
            .field("note", .string)
            .field("saved_by", .string, .required)
            .field("saved_at", .datetime, .required)
            .create()
        if let sql = database as? any SQLDatabase { try await AppendOnlyTable.protect(PolicyChangeModel.schema, on: sql) }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await AppendOnlyTable.release(PolicyChangeModel.schema, on: sql) }
        try await database.schema(PolicyChangeModel.schema).delete()
    }
}
