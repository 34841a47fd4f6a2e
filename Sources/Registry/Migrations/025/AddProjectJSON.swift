import FluentKit

/// Each project's object as the project-file writer writes it, kept with the project whenever it
/// is created, replaced or imported (`ProjectModel.assign`, `BulkRows.addProject`): re-evaluation
/// reads a million stored projects from this one column instead of rebuilding each from about ten
/// child rows. Null for projects stored before this migration (and until they are next saved):
/// those are still read from their child rows.
struct AddProjectJSON: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProjectModel.schema).field("project_json", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProjectModel.schema).deleteField("project_json").update()
    }
}
