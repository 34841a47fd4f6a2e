import FluentKit
import SQLKit

/// The checks the plan states (issue 14, item 6): a project's `planChecks` kept with it, and
/// the smart-factory assessments (十二) and second-hand gradings (十五) filed for a project,
/// each append-only (a new answer is a new version).
struct CreatePlanCheckRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProjectModel.schema).field("plan_checks", .string).update()
        try await database.schema(SmartFactoryAssessmentModel.schema)
            .id()
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id"))
            .field("version", .int, .required)
            .field("questionnaire", .string, .required)
            .field("answers_before", .string, .required)
            .field("answers_after", .string, .required)
            .field("score_before", .int, .required)
            .field("score_after", .int, .required)
            .field("level_before", .string)
            .field("level_after", .string)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "project_id", "version")
            .create()
        try await database.schema(SecondHandGradingModel.schema)
            .id()
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, "id"))
            .field("version", .int, .required)
            .field("scale", .string, .required)
            .field("items", .string, .required)
            .field("item_count", .int, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "project_id", "version")
            .create()
        if let sql = database as? any SQLDatabase {
            try await AppendOnlyTable.protect(SmartFactoryAssessmentModel.schema, on: sql)
            try await AppendOnlyTable.protect(SecondHandGradingModel.schema, on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await AppendOnlyTable.release(SmartFactoryAssessmentModel.schema, on: sql)
            try await AppendOnlyTable.release(SecondHandGradingModel.schema, on: sql)
        }
        try await database.schema(SecondHandGradingModel.schema).delete()
        try await database.schema(SmartFactoryAssessmentModel.schema).delete()
        try await database.schema(ProjectModel.schema).deleteField("plan_checks").update()
    }
}
