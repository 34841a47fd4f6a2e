import FluentKit
import SQLKit

/// The 2027 targets dashboard (issue 12, item 4): reports of the measures the registry cannot
/// count, append-only.
struct CreateTargetReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TargetReportModel.schema)
            .id()
            .field("target", .string, .required)
            .field("measure", .string, .required)
            .field("quarter", .string, .required)
            .field("scope", .string, .required)
            .field("version", .int, .required)
            .field("value", .string, .required)
            .field("evidence", .string, .required)
            .field("reported_by", .string, .required)
            .field("reported_at", .datetime, .required)
            .unique(on: "measure", "quarter", "scope", "version")
            .create()
        if let sql = database as? any SQLDatabase {
            try await AppendOnlyTable.protect(TargetReportModel.schema, on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await AppendOnlyTable.release(TargetReportModel.schema, on: sql) }
        try await database.schema(TargetReportModel.schema).delete()
    }
}
