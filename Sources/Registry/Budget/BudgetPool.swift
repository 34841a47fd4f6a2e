import Foundation
import Policy
import Workflow

/// A budget pool as it stands: its latest version, with the history of versions.
public struct BudgetPool: Sendable {
    public var id: UUID
    public var current: BudgetPoolVersionModel
    /// Oldest first; the last is `current`.
    public var versions: [BudgetPoolVersionModel]

    public var instrument: String { current.instrument }
    public var year: Int { current.year }
    public var district: String? { current.district }
    public var budget: Money { Money(fen: current.budgetFen) }
    public var method: RationingMethod { RationingMethod(rawValue: current.method) ?? .priority }
}

/// A pool's money at a moment: committed (approved, not yet paid) and paid (the ledger's sums).
public struct PoolFigures: Sendable, Hashable {
    public var budget: Money
    public var committed: Money
    public var paid: Money
    /// budget − paid. Commitments do not reserve the pool (budget.md): every payment is of a
    /// committed case, so reserving would count a payment's own commitment against it.
    public var room: Money { budget - paid }
    /// budget − paid − committed: what is left once every approval is paid.
    public var uncommitted: Money { budget - paid - committed }
}
