import FluentKit

struct CreateImportJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportJobModel.schema)
            .id()
            .field("format", .string, .required)
            .field("file_name", .string, .required)
            .field("file_digest", .string, .required)
            .field("chunk_size", .int, .required)
            .field("status", .string, .required)
            .field("rows", .int, .required)
            .field("imported", .int, .required)
            .field("failed", .int, .required)
            .field("chunks", .int, .required)
            .field("committed_chunks", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(ImportErrorModel.schema)
            .id()
            .field("job_id", .uuid, .required, .references(ImportJobModel.schema, .id, onDelete: .cascade))
            .field("row", .int, .required)
            .field("column", .string)
            .field("message_zh", .string, .required)
            .field("message_en", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportErrorModel.schema).delete()
        try await database.schema(ImportJobModel.schema).delete()
    }
}
