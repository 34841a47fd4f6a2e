import FluentKit
import SQLKit

/// Earlier versions of projects (item 4 of issue 9: nothing overwritten in silence), and the
/// changes an import in replace mode made, with the import's mode and counts.
struct CreateProjectVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProjectVersionModel.schema)
            .id()
            .field("project_id", .uuid, .required)
            .field("version", .int, .required)
            .field("credit_code", .string, .required)
            .field("project_code", .string, .required)
            .field("status", .string, .required)
            .field("project_json", .string, .required)
            .field("recommended_fen", .int64, .required)
            .field("recommended_instruments", .string, .required)
            .field("valid_from", .datetime)
            .field("replaced_by", .string, .required)
            .field("replaced_at", .datetime, .required)
            // Also the index that finds a project's versions.
            .unique(on: "project_id", "version")
            .create()
        try await database.schema(ImportChangeModel.schema)
            .id()
            .field("job_id", .uuid, .required, .references(ImportJobModel.schema, .id, onDelete: .cascade))
            .field("row", .int, .required)
            .field("project_id", .uuid, .required)
            .field("credit_code", .string, .required)
            .field("project_code", .string, .required)
            .field("version", .int, .required)
            .field("before_fen", .int64, .required)
            .field("after_fen", .int64, .required)
            .field("before_instruments", .string, .required)
            .field("after_instruments", .string, .required)
            .field("changes", .string, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "import_changes_job_row").on(ImportChangeModel.schema).column("job_id").column("row").run()
        }
        // One column an ALTER: SQLite adds one at a time.
        try await database.schema(ImportJobModel.schema).field("mode", .string, .required, .sql(.default("create"))).update()
        try await database.schema(ImportJobModel.schema).field("replaced", .int, .required, .sql(.default(0))).update()
        try await database.schema(ImportJobModel.schema).field("unchanged", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportJobModel.schema).deleteField("unchanged").update()
        try await database.schema(ImportJobModel.schema).deleteField("replaced").update()
        try await database.schema(ImportJobModel.schema).deleteField("mode").update()
        try await database.schema(ImportChangeModel.schema).delete()
        try await database.schema(ProjectVersionModel.schema).delete()
    }
}
