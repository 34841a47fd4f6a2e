import FluentKit
import SQLKit

/// Commitment filing (承诺备案, issue 10 item 5): the filings, the verification samples and the
/// verifications. Samples and verifications are history, append-only in the database itself.
struct CreateCommitmentFilings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommitmentSampleModel.schema)
            .id()
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("seed", .string, .required)
            .field("rate", .string, .required)
            .field("population", .int, .required)
            .field("population_json", .string, .required)
            .field("selected_json", .string, .required)
            .field("drawn_on", .string, .required)
            .field("drawn_by", .string, .required)
            .field("drawn_at", .datetime, .required)
            .create()
        try await database.schema(CommitmentFilingModel.schema)
            .id()
            .field("number", .string, .required)
            .field("year", .int, .required)
            .field("seq", .int, .required)
            .field("filed_on", .string, .required)
            .field("application_id", .uuid, .required, .references(ApplicationModel.schema, .id, onDelete: .restrict))
            .field("project_id", .uuid, .required, .references(ProjectModel.schema, .id, onDelete: .restrict))
            .field("credit_code", .string, .required)
            .field("district", .string, .required)
            .field("status", .string, .required)
            .field("commitment_material_id", .uuid, .required, .references(ApplicationMaterialModel.schema, .id, onDelete: .restrict))
            .field("commitment_sha256", .string, .required)
            .field("project_status_before", .string, .required)
            .field("moved_project", .bool, .required)
            .field("sample_id", .uuid, .references(CommitmentSampleModel.schema, .id, onDelete: .restrict))
            .field("revoked_on", .string)
            .field("revocation_reasons", .string)
            .field("revision", .int, .required)
            .field("filed_by", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "number")
            .unique(on: "year", "seq")
            .unique(on: "application_id")
            .create()
        try await database.schema(CommitmentVerificationModel.schema)
            .id()
            .field("filing_id", .uuid, .required, .references(CommitmentFilingModel.schema, .id, onDelete: .restrict))
            .field("sample_id", .uuid)
            .field("application_id", .uuid, .required)
            .field("project_id", .uuid, .required)
            .field("credit_code", .string, .required)
            .field("outcome", .string, .required)
            .field("reasons", .string)
            .field("status_before", .string, .required)
            .field("status_after", .string, .required)
            .field("project_status_before", .string)
            .field("project_status_after", .string)
            .field("verified_on", .string, .required)
            .field("verified_by", .string, .required)
            .field("verified_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "commitment_filings_period").on(CommitmentFilingModel.schema).column("filed_on").column("status").run()
        try await sql.create(index: "commitment_filings_enterprise").on(CommitmentFilingModel.schema).column("credit_code").run()
        try await sql.create(index: "commitment_filings_district").on(CommitmentFilingModel.schema).column("district").run()
        try await sql.create(index: "commitment_filings_project").on(CommitmentFilingModel.schema).column("project_id").run()
        try await sql.create(index: "commitment_verifications_filing").on(CommitmentVerificationModel.schema).column("filing_id").run()
        for table in [CommitmentSampleModel.schema, CommitmentVerificationModel.schema] {
            try await AppendOnlyTable.protect(table, on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [CommitmentVerificationModel.schema, CommitmentFilingModel.schema, CommitmentSampleModel.schema] {
            if let sql = database as? any SQLDatabase, schema != CommitmentFilingModel.schema { try await AppendOnlyTable.release(schema, on: sql) }
            try await database.schema(schema).delete()
        }
    }
}
