import FluentKit
import SQLKit

/// Categories, loans with their interest per year, leases, equipment and certifications: the
/// parts of a project, deleted with it.
struct CreateProjectChildren: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let project = DatabaseSchema.FieldConstraint.references(ProjectModel.schema, .id, onDelete: .cascade)
        try await database.schema(ProjectCategoryModel.schema)
            .id()
            .field("project_id", .uuid, .required, project)
            .field("category", .string, .required)
            .unique(on: "project_id", "category")
            .create()
        try await database.schema(LoanModel.schema)
            .id()
            .field("project_id", .uuid, .required, project)
            .field("position", .int, .required)
            .field("code", .string, .required)
            .field("lender", .string, .required)
            .field("principal_fen", .int64, .required)
            .field("rate", .string)
            .field("start_date", .string)
            .field("end_date", .string)
            .field("catalogue_product_id", .string)
            .field("first_on_market", .bool, .required)
            .field("relending_eligible", .bool, .required)
            .create()
        try await database.schema(LoanInterestModel.schema)
            .id()
            .field("loan_id", .uuid, .required, .references(LoanModel.schema, .id, onDelete: .cascade))
            .field("year", .int, .required)
            .field("amount_fen", .int64, .required)
            .unique(on: "loan_id", "year")
            .create()
        try await database.schema(LeaseModel.schema)
            .id()
            .field("project_id", .uuid, .required, project)
            .field("position", .int, .required)
            .field("code", .string, .required)
            .field("lessor", .string, .required)
            .field("equipment_investment_fen", .int64, .required)
            .field("start_date", .string)
            .field("end_date", .string)
            .field("innovative_product", .bool, .required)
            .field("catalogue_product_id", .string)
            .create()
        try await database.schema(EquipmentItemModel.schema)
            .id()
            .field("project_id", .uuid, .required, project)
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("quantity", .int, .required)
            .field("unit_price_fen", .int64, .required)
            .field("purchased", .string)
            .field("put_into_use", .string)
            .field("replaces_old", .bool, .required)
            .field("imported", .bool, .required)
            .field("tariff_rate", .string)
            .field("non_exempt_catalogue", .bool, .required)
            .field("catalogue_product_id", .string)
            .create()
        try await database.schema(CertificationModel.schema)
            .id()
            .field("project_id", .uuid, .required, project)
            .field("position", .int, .required)
            .field("product_id", .string, .required)
            .field("kind", .string, .required)
            .field("amount_fen", .int64, .required)
            .create()
        try await database.schema(StatusEventModel.schema)
            .id()
            .field("project_id", .uuid, .required, project)
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("note", .string)
            .field("at", .datetime, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            for (table, name) in [(ProjectCategoryModel.schema, "categories"), (LoanModel.schema, "loans"), (LeaseModel.schema, "leases"),
                                  (EquipmentItemModel.schema, "equipment"), (CertificationModel.schema, "certifications"),
                                  (StatusEventModel.schema, "status_events")] {
                try await sql.create(index: "\(name)_project").on(table).column("project_id").run()
            }
            try await sql.create(index: "categories_category").on(ProjectCategoryModel.schema).column("category").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [StatusEventModel.schema, CertificationModel.schema, EquipmentItemModel.schema, LeaseModel.schema,
                       LoanInterestModel.schema, LoanModel.schema, ProjectCategoryModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
