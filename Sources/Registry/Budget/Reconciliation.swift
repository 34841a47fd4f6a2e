import FluentKit
import Foundation
import Policy
import SQLKit

/// Per bank (and lessor), each contract's confirmed figure against the subsidies paid on it
/// (issue 11, item 8): a loan's interest confirmed in a year against the ledger's entries on
/// that loan for that year; a lease's confirmed equipment investment (the latest confirmation)
/// against every entry on that lease. A contract paid without a confirmation shows confirmed 0.
public struct ReconciliationLine: Sendable, Hashable {
    public enum Kind: String, Sendable { case loan, lease }
    public var kind: Kind
    public var institution: String
    public var projectID: UUID
    public var contract: String
    /// The interest year of a loan; nil for a lease.
    public var year: Int?
    public var district: String?
    public var confirmed: Money
    public var paid: Money
    /// paid − confirmed is not the subsidy's rule (the engine's); this is the plain difference
    /// the bank and the bureau compare.
    public var difference: Money { confirmed - paid }
}

public enum Reconciliation {
    struct Key: Hashable { var kind: ReconciliationLine.Kind; var project: UUID; var contract: String; var year: Int? }

    public static func lines(institution: String?, district: String?, on db: any Database) async throws -> [ReconciliationLine] {
        let sql = try BudgetLedgerSums.sqlDatabase(db)
        var out: [Key: ReconciliationLine] = [:]
        let interest = try await sql.raw("""
            SELECT c.institution AS institution, c.project_id AS project_id, c.loan_id AS contract, c.year AS year, e.district AS district,
                   CAST(SUM(c.interest_fen) AS BIGINT) AS fen
            FROM interest_confirmations c LEFT JOIN projects p ON p.id = c.project_id LEFT JOIN enterprises e ON e.id = p.enterprise_id
            GROUP BY c.institution, c.project_id, c.loan_id, c.year, e.district
            """).all()
        for r in interest {
            let key = Key(kind: .loan, project: try r.decode(column: "project_id", as: UUID.self), contract: try r.decode(column: "contract", as: String.self),
                          year: try r.decode(column: "year", as: Int.self))
            let start = line(key, institution: try r.decode(column: "institution", as: String.self), district: try r.decode(column: "district", as: String?.self))
            out[key, default: start].confirmed += Money(fen: try r.decode(column: "fen", as: Int64.self))
        }
        let leases = try await sql.raw("""
            SELECT c.institution AS institution, c.project_id AS project_id, c.lease_id AS contract, e.district AS district,
                   c.equipment_investment_fen AS fen, c.created_at AS created_at
            FROM lease_confirmations c LEFT JOIN projects p ON p.id = c.project_id LEFT JOIN enterprises e ON e.id = p.enterprise_id
            ORDER BY c.created_at
            """).all()
        for r in leases {
            let key = Key(kind: .lease, project: try r.decode(column: "project_id", as: UUID.self), contract: try r.decode(column: "contract", as: String.self), year: nil)
            // The latest confirmation of a lease stands.
            let start = line(key, institution: try r.decode(column: "institution", as: String.self), district: try r.decode(column: "district", as: String?.self))
            out[key, default: start].confirmed = Money(fen: try r.decode(column: "fen", as: Int64.self))
        }
        let paid = try await sql.raw("""
            SELECT project_id, contract_id, year, kind, institution, district, CAST(SUM(amount_fen) AS BIGINT) AS fen FROM ledger_entries
            WHERE contract_id IS NOT NULL GROUP BY project_id, contract_id, year, kind, institution, district
            """).all()
        struct Paid { var project: UUID; var contract: String; var year: Int?; var kind: String; var institution: String?; var district: String; var fen: Int64 }
        let rows = try paid.map { r in
            Paid(project: try r.decode(column: "project_id", as: UUID.self), contract: try r.decode(column: "contract_id", as: String.self),
                 year: try r.decode(column: "year", as: Int?.self), kind: try r.decode(column: "kind", as: String.self),
                 institution: try r.decode(column: "institution", as: String?.self), district: try r.decode(column: "district", as: String.self),
                 fen: try r.decode(column: "fen", as: Int64.self))
        }
        // A contract is a lease if it has a lease confirmation or a lease entry; a loan otherwise.
        let leaseContracts = Set(out.keys.filter { $0.kind == .lease }.map { "\($0.project)|\($0.contract)" })
            .union(rows.filter { $0.kind == "lease" }.map { "\($0.project)|\($0.contract)" })
        for p in rows {
            let isLease = leaseContracts.contains("\(p.project)|\(p.contract)")
            let key = Key(kind: isLease ? .lease : .loan, project: p.project, contract: p.contract, year: isLease ? nil : p.year)
            out[key, default: line(key, institution: p.institution ?? "", district: p.district)].paid += Money(fen: p.fen)
        }
        return out.values
            .filter { l in institution.map { l.institution == $0 } ?? true && district.map { l.district == $0 } ?? true }
            .sorted { ($0.institution, $0.kind.rawValue, $0.projectID.uuidString, $0.contract, $0.year ?? 0)
                < ($1.institution, $1.kind.rawValue, $1.projectID.uuidString, $1.contract, $1.year ?? 0) }
    }

    static func line(_ key: Key, institution: String, district: String?) -> ReconciliationLine {
        ReconciliationLine(kind: key.kind, institution: institution, projectID: key.project, contract: key.contract, year: key.year,
                           district: district, confirmed: .zero, paid: .zero)
    }
}
