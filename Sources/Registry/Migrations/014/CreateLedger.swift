import FluentKit
import SQLKit

/// The disbursement ledger (issue 11): entries (append-only), banks' and lessors' confirmations
/// (append-only), payment proposals, and one lock row per project that puts a project's payments
/// in a line so that a cap is checked against the sums in the transaction that writes.
struct CreateLedger: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LedgerEntryModel.schema)
            .id()
            .field("project_id", .uuid, .required)
            .field("enterprise_code", .string, .required)
            .field("district", .string, .required)
            .field("application_id", .uuid)
            .field("instrument", .string, .required)
            .field("contract_id", .string)
            .field("institution", .string)
            .field("year", .int)
            .field("kind", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("owed_fen", .int64, .required)
            .field("origin", .string, .required)
            .field("proposal_id", .uuid)
            .field("reverses", .uuid)
            .field("reason", .string, .required)
            .field("computation_json", .string, .required)
            .field("recorded_on", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(InterestConfirmationModel.schema)
            .id()
            .field("project_id", .uuid, .required)
            .field("loan_id", .string, .required)
            .field("institution", .string, .required)
            .field("year", .int, .required)
            .field("interest_fen", .int64, .required)
            .field("paid_on", .string, .required)
            .field("reference", .string, .required)
            .field("confirmed_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "project_id", "loan_id", "year")
            .create()
        try await database.schema(LeaseConfirmationModel.schema)
            .id()
            .field("project_id", .uuid, .required)
            .field("lease_id", .string, .required)
            .field("institution", .string, .required)
            .field("equipment_investment_fen", .int64, .required)
            .field("reference", .string, .required)
            .field("confirmed_on", .string, .required)
            .field("confirmed_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "project_id", "lease_id")
            .create()
        try await database.schema(PaymentProposalModel.schema)
            .id()
            .field("project_id", .uuid, .required)
            .field("enterprise_code", .string, .required)
            .field("district", .string, .required)
            .field("application_id", .uuid)
            .field("instrument", .string, .required)
            .field("basis", .string, .required)
            .field("contract_id", .string)
            .field("institution", .string)
            .field("year", .int)
            .field("amount_fen", .int64, .required)
            .field("computation_json", .string, .required)
            .field("origin", .string, .required)
            .field("batch_id", .uuid)
            .field("state", .string, .required)
            .field("proposed_on", .string, .required)
            .field("proposed_by", .string, .required)
            .field("settled_on", .string)
            .field("settled_by", .string)
            .field("entry_id", .uuid)
            .field("note", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(LedgerLock.schema)
            .field("project_id", .uuid, .identifier(auto: false))
            .field("writes", .int64, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            for table in [LedgerEntryModel.schema, InterestConfirmationModel.schema, LeaseConfirmationModel.schema] {
                try await AppendOnlyTable.protect(table, on: sql)
            }
            try await sql.raw("CREATE INDEX ledger_entries_project ON ledger_entries (project_id, instrument)").run()
            try await sql.raw("CREATE INDEX ledger_entries_application ON ledger_entries (application_id)").run()
            try await sql.raw("CREATE INDEX payment_proposals_batch ON payment_proposals (batch_id)").run()
            try await sql.raw("CREATE INDEX payment_proposals_project ON payment_proposals (project_id, state)").run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            for table in [LedgerEntryModel.schema, InterestConfirmationModel.schema, LeaseConfirmationModel.schema] {
                try await AppendOnlyTable.release(table, on: sql)
            }
        }
        for table in [LedgerLock.schema, PaymentProposalModel.schema, LeaseConfirmationModel.schema, InterestConfirmationModel.schema, LedgerEntryModel.schema] {
            try await database.schema(table).delete()
        }
    }
}
