import FluentKit

struct CreateEnterprises: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EnterpriseModel.schema)
            .id()
            .field("credit_code", .string, .required)
            .field("name", .string, .required)
            .field("district", .string, .required)
            .field("industry_code", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "credit_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EnterpriseModel.schema).delete()
    }
}
