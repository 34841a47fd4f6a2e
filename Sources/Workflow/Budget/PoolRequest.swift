import Policy

/// One case asking a pool for money: its amount (the granted amount once approved, the engine's
/// amount before), its declared investment (for the priority threshold) and the day it applied.
public struct PoolRequest: Sendable, Hashable {
    /// The case's id, the last tie-breaker (so that a ranking never depends on the input order).
    public var id: String
    public var amount: Money
    public var investment: Money
    public var appliedOn: Day

    public init(id: String, amount: Money, investment: Money, appliedOn: Day) {
        self.id = id
        self.amount = amount
        self.investment = investment
        self.appliedOn = appliedOn
    }
}
