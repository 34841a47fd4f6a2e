import FluentKit

struct CreateRollingLists: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RollingListModel.schema)
            .id()
            .field("number", .string, .required)
            .field("title", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("note", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "number")
            .create()
        try await database.schema(RollingListEntryModel.schema)
            .id()
            .field("list_id", .uuid, .required, .references(RollingListModel.schema, .id, onDelete: .cascade))
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, .id, onDelete: .restrict))
            .field("added_in_version", .int, .required)
            .field("removed_in_version", .int)
            .create()
        try await database.schema(RollingListVersionModel.schema)
            .id()
            .field("list_id", .uuid, .required, .references(RollingListModel.schema, .id, onDelete: .cascade))
            .field("version", .int, .required)
            .field("note", .string)
            .field("added", .int, .required)
            .field("removed", .int, .required)
            .field("published_at", .datetime)
            .field("sent_to", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "list_id", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RollingListVersionModel.schema).delete()
        try await database.schema(RollingListEntryModel.schema).delete()
        try await database.schema(RollingListModel.schema).delete()
    }
}
