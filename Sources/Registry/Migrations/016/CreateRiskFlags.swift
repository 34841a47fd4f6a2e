import FluentKit
import SQLKit

/// The risk flags raised on submission, append-only (triggers refuse UPDATE and DELETE).
struct CreateRiskFlags: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RiskFlagModel.schema)
            .id()
            .field("application_id", .uuid, .required, .references(ApplicationModel.schema, "id"))
            .field("project_id", .uuid, .required)
            .field("credit_code", .string, .required)
            .field("project_code", .string, .required)
            .field("district", .string, .required)
            .field("kind", .string, .required)
            .field("reason_zh", .string, .required)
            .field("reason_en", .string, .required)
            .field("evidence", .string, .required)
            .field("library_version", .string, .required)
            .field("raised_on", .string, .required)
            .field("raised_at", .datetime, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "risk_flags_application").on(RiskFlagModel.schema).column("application_id").run()
            try await sql.create(index: "risk_flags_kind_district").on(RiskFlagModel.schema).column("kind").column("district").run()
            try await AppendOnlyTable.protect(RiskFlagModel.schema, on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await AppendOnlyTable.release(RiskFlagModel.schema, on: sql) }
        try await database.schema(RiskFlagModel.schema).delete()
    }
}
