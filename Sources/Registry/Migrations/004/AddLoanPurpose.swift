import FluentKit

/// What a loan finances (N1's 2026 extension covers fixed-asset and technology-innovation loans).
/// Null for an equipment loan, the only kind before the column existed, so stored loans keep
/// their meaning.
struct AddLoanPurpose: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LoanModel.schema).field("purpose", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoanModel.schema).deleteField("purpose").update()
    }
}
