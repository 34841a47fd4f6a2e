import FluentKit
import SQLKit

/// Budget pools and quotas (issue 11, item 4): the pools' versions, append-only; the reason a
/// city officer gave for approving past a quota, kept in the decision.
struct CreateBudgetPools: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BudgetPoolVersionModel.schema)
            .id()
            .field("pool_id", .uuid, .required)
            .field("version", .int, .required)
            .field("instrument", .string, .required)
            .field("year", .int, .required)
            .field("district", .string)
            .field("budget_fen", .int64, .required)
            .field("method", .string, .required)
            .field("note", .string)
            .field("saved_by", .string, .required)
            .field("saved_at", .datetime, .required)
            .unique(on: "pool_id", "version")
            .create()
        try await database.schema(ApplicationDecisionModel.schema)
            .field("quota_override", .string)
            .update()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "budget_pool_versions_scope").on(BudgetPoolVersionModel.schema)
                .column("instrument").column("year").run()
            try await AppendOnlyTable.protect(BudgetPoolVersionModel.schema, on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await AppendOnlyTable.release(BudgetPoolVersionModel.schema, on: sql) }
        try await database.schema(ApplicationDecisionModel.schema).deleteField("quota_override").update()
        try await database.schema(BudgetPoolVersionModel.schema).delete()
    }
}
