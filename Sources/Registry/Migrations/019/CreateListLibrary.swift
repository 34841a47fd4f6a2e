import FluentKit
import SQLKit

/// The list library, the resource library and the scenario tasks (issue 14, items 2, 3 and 4). A list's editions and
/// their entries are append-only: an edition is written whole when it is published, and a new
/// edition is the only change. Resources are edited in place, each version kept append-only.
struct CreateListLibrary: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ListEditionModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("published_on", .string, .required)
            .field("note", .string)
            .field("entry_count", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "kind", "number")
            .create()
        try await database.schema(ListEditionEntryModel.schema)
            .id()
            .field("edition_id", .uuid, .required, .references(ListEditionModel.schema, "id"))
            .field("kind", .string, .required)
            .field("row", .int, .required)
            .field("entry_key", .string, .required)
            .field("name", .string, .required)
            .field("enterprise", .string)
            .field("credit_code", .string)
            .field("district", .string)
            .field("year", .int)
            .field("fields", .string, .required)
            .field("search", .string, .required)
            .unique(on: "edition_id", "entry_key")
            .create()
        try await database.schema(ResourceModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("institution", .string)
            .field("district", .string)
            .field("product_type", .string)
            .field("industries", .string, .required)
            .field("details", .string, .required)
            .field("search", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(ResourceVersionModel.schema)
            .id()
            .field("resource_id", .uuid, .required, .references(ResourceModel.schema, "id"))
            .field("version", .int, .required)
            .field("details", .string, .required)
            .field("changed_by", .string, .required)
            .field("changed_at", .datetime, .required)
            .unique(on: "resource_id", "version")
            .create()
        try await database.schema(ScenarioTaskModel.schema)
            .id()
            .field("batch", .string, .required)
            .field("field", .string, .required)
            .field("title", .string, .required)
            .field("description", .string)
            .field("owner", .string, .required)
            .field("released_on", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(ScenarioTakerModel.schema)
            .id()
            .field("task_id", .uuid, .required, .references(ScenarioTaskModel.schema, "id"))
            .field("credit_code", .string, .required)
            .field("enterprise_name", .string, .required)
            .field("note", .string)
            .field("taken_on", .string, .required)
            .field("created_by", .string, .required)
            .unique(on: "task_id", "credit_code")
            .create()
        try await database.schema(ScenarioDesignationModel.schema)
            .id()
            .field("task_id", .uuid, .required, .references(ScenarioTaskModel.schema, "id"))
            .field("credit_code", .string, .required)
            .field("project_id", .uuid)
            .field("designated_on", .string, .required)
            .field("created_by", .string, .required)
            .unique(on: "task_id", "credit_code")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "list_entries_by_kind").on(ListEditionEntryModel.schema).column("kind").column("edition_id").run()
            try await sql.create(index: "list_entries_by_code").on(ListEditionEntryModel.schema).column("credit_code").run()
            try await sql.create(index: "resources_by_kind").on(ResourceModel.schema).column("kind").run()
            for table in Self.appendOnly {
                try await AppendOnlyTable.protect(table, on: sql)
            }
        }
    }

    static let appendOnly = [ListEditionModel.schema, ListEditionEntryModel.schema, ResourceVersionModel.schema,
                             ScenarioTaskModel.schema, ScenarioTakerModel.schema, ScenarioDesignationModel.schema]

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            for table in Self.appendOnly {
                try await AppendOnlyTable.release(table, on: sql)
            }
        }
        try await database.schema(ScenarioDesignationModel.schema).delete()
        try await database.schema(ScenarioTakerModel.schema).delete()
        try await database.schema(ScenarioTaskModel.schema).delete()
        try await database.schema(ResourceVersionModel.schema).delete()
        try await database.schema(ResourceModel.schema).delete()
        try await database.schema(ListEditionEntryModel.schema).delete()
        try await database.schema(ListEditionModel.schema).delete()
    }
}
