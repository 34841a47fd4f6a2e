import FluentKit
import SQLKit

struct CreateProjects: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProjectModel.schema)
            .id()
            .field("enterprise_id", .uuid, .required, .references(EnterpriseModel.schema, .id, onDelete: .restrict))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("national_code", .string)
            .field("status", .string, .required)
            .field("start_date", .string)
            .field("end_date", .string)
            .field("application_date", .string)
            .field("declared_fen", .int64)
            .field("approved_fen", .int64)
            .field("new_fen", .int64)
            .field("zero_land", .bool, .required)
            .field("import_confirmation", .bool, .required)
            .field("innovative_contract_fen", .int64)
            .field("innovative_contract_product", .string)
            .field("market_contract_fen", .int64)
            .field("market_contract_product", .string)
            .field("software_sales_fen", .int64)
            .field("software_sales_product", .string)
            .field("recommended_fen", .int64, .required)
            .field("recommended_instruments", .string, .required)
            .field("search_text", .string, .required)
            .field("district", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "enterprise_id", "code")
            .create()
        // Lists filter by district and status and page in a stable order.
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "projects_district_status").on(ProjectModel.schema).column("district").column("status").run()
            try await sql.create(index: "projects_updated").on(ProjectModel.schema).column("updated_at").column("id").run()
            try await sql.create(index: "projects_recommended").on(ProjectModel.schema).column("recommended_fen").column("id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProjectModel.schema).delete()
    }
}
