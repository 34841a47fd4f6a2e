import FluentKit
import SQLKit

/// The plan's own progress (issue 14, item 5): quarterly reports of the units' tasks and the
/// files of evidence they cite, both append-only.
struct CreatePlanProgressReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlanProgressEvidenceModel.schema)
            .id()
            .field("task", .string, .required)
            .field("file_name", .string, .required)
            .field("content_kind", .string, .required)
            .field("size", .int64, .required)
            .field("sha256", .string, .required)
            .field("data", .data, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
        try await database.schema(PlanProgressReportModel.schema)
            .id()
            .field("task", .string, .required)
            .field("clause", .string, .required)
            .field("unit", .string, .required)
            .field("quarter", .string, .required)
            .field("version", .int, .required)
            .field("status", .string, .required)
            .field("text", .string, .required)
            .field("evidence_link", .string)
            .field("evidence_file_id", .uuid, .references(PlanProgressEvidenceModel.schema, "id"))
            .field("reported_by", .string, .required)
            .field("reported_on", .string, .required)
            .field("reported_at", .datetime, .required)
            .unique(on: "task", "quarter", "version")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "plan_progress_by_quarter").on(PlanProgressReportModel.schema).column("quarter").column("task").run()
            try await AppendOnlyTable.protect(PlanProgressReportModel.schema, on: sql)
            try await AppendOnlyTable.protect(PlanProgressEvidenceModel.schema, on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await AppendOnlyTable.release(PlanProgressReportModel.schema, on: sql)
            try await AppendOnlyTable.release(PlanProgressEvidenceModel.schema, on: sql)
        }
        try await database.schema(PlanProgressReportModel.schema).delete()
        try await database.schema(PlanProgressEvidenceModel.schema).delete()
    }
}
