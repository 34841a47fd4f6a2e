import FluentKit
import Foundation
import Policy

/// Paid and committed by instrument, year and district (issue 11, item 8): paid is the
/// ledger's sum in the entry's year; committed what approvals granted and the ledger has not
/// paid yet, in the decision's year.
public struct MoneyReportLine: Sendable, Hashable {
    public var key: MoneyKey
    public var committed: Money
    public var paid: Money
}

public enum MoneyReport {
    /// The lines in year, instrument, district order; `district` (a district officer's) and
    /// `year` narrow it.
    public static func lines(district: String?, year: Int?, on db: any Database) async throws -> [MoneyReportLine] {
        let paid = try await BudgetLedgerSums.paid(on: db)
        let committed = try await Commitments.committed(on: db)
        return Set(paid.keys).union(committed.keys)
            .filter { key in district.map { key.district == $0 } ?? true && year.map { key.year == $0 } ?? true }
            .sorted()
            .map { MoneyReportLine(key: $0, committed: committed[$0] ?? .zero, paid: paid[$0] ?? .zero) }
    }
}
