import FluentKit

/// What each published version of a rolling list carried (item 5 of issue 9: what was sent
/// stays as sent).
struct CreateListSnapshots: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RollingListSnapshotModel.schema)
            .id()
            .field("list_id", .uuid, .required, .references(RollingListModel.schema, .id, onDelete: .cascade))
            .field("version", .int, .required)
            .field("project_id", .uuid, .required)
            .field("project_code", .string, .required)
            .field("credit_code", .string, .required)
            .field("enterprise_name", .string, .required)
            .field("name", .string, .required)
            .field("status", .string, .required)
            .field("declared_fen", .int64)
            .field("approved_fen", .int64)
            .field("recommended_fen", .int64, .required)
            .field("recommended_instruments", .string, .required)
            .field("recommended_lines", .string, .required)
            .field("published_at", .datetime, .required)
            .unique(on: "list_id", "version", "project_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RollingListSnapshotModel.schema).delete()
    }
}
