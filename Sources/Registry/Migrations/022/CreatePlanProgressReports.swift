import FluentKit
import SQLKit

/// The plan's own progress (issue 14, item 5): quarterly reports of the units' tasks, append-only.
struct CreatePlanProgressReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
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
            .field("reported_by", .string, .required)
            .field("reported_on", .string, .required)
            .field("reported_at", .datetime, .required)
            .unique(on: "task", "quarter", "version")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "plan_progress_by_quarter").on(PlanProgressReportModel.schema).column("quarter").column("task").run()
            try await AppendOnlyTable.protect(PlanProgressReportModel.schema, on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await AppendOnlyTable.release(PlanProgressReportModel.schema, on: sql) }
        try await database.schema(PlanProgressReportModel.schema).delete()
    }
}
