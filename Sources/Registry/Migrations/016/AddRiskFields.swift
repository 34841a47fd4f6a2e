import FluentKit

/// The project format's fields the risk flags read (issue 11, item 7): an enterprise's legal
/// representative, address and phone, equipment serial and invoice numbers, contract numbers.
/// All nullable: stored projects had none and keep their meaning.
struct AddRiskFields: AsyncMigration {
    static let columns: [(table: String, fields: [String])] = [
        (EnterpriseModel.schema, ["legal_representative", "address", "phone"]),
        (ProjectModel.schema, ["innovative_contract_number", "market_contract_number", "software_sales_number"]),
        (EquipmentItemModel.schema, ["serial_number", "invoice_number"]),
        (LoanModel.schema, ["contract_number"]),
        (LeaseModel.schema, ["contract_number"]),
        (CertificationModel.schema, ["contract_number"]),
    ]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        for (table, fields) in Self.columns {
            for field in fields { try await database.schema(table).field(.string(field), .string).update() }
        }
    }

    func revert(on database: any Database) async throws {
        for (table, fields) in Self.columns {
            for field in fields { try await database.schema(table).deleteField(.string(field)).update() }
        }
    }
}
