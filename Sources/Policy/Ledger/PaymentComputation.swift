/// The engine's answer to a `PaymentQuestion`: the amount payable now and every figure it came
/// from — the clause, the base, the ratio, what the ratio gives, the cap and its room, the award
/// and its room — so that the ledger entry can show where each fen came from.
public struct PaymentComputation: Sendable, Equatable, Codable {
    public var instrument: String
    public var clause: String
    public var name: LocalizedText
    public var contractId: String?
    public var year: Int?
    /// The year's confirmed interest, the lease's confirmed investment, or the grant's base.
    public var base: Money
    public var ratio: Ratio?
    /// What the ratio gives on the base (for a grant: the engine's amount for the project).
    public var uncapped: Money
    /// Already paid for this contract and year (or lease, or grant).
    public var paidForUnit: Money
    public var cap: Money?
    /// The ledger's net paid under the cap, and what is left of the cap.
    public var paidUnderCap: Money
    public var capRoom: Money?
    public var award: Money?
    public var awardRoom: Money?
    /// What was left of the budget pool, when one applies.
    public var poolRoom: Money? = nil
    /// The payable amount: the least of what is left of the ratio's amount, the cap and the award.
    public var amount: Money
    /// Which limit set the amount: `ratio`, `cap`, `award`, `pool`; nil when nothing is payable.
    public var limitedBy: String?
    /// For interest: where the year stands against the counting day and the window (reading 2).
    public var place: YearLine.Place?
    /// Why nothing is payable, when nothing is.
    public var refusal: LocalizedText?
    /// The values of the library's version in force on this day were used.
    public var evaluationDate: Day
    /// The cap is per unit (5: per product), not per project.
    public var capPerUnit: Bool = false
    /// False for a basis not yet settled against the ledger's sums (`Engine.settle`).
    public var settled: Bool = true

    public var isPayable: Bool { settled && refusal == nil && amount > .zero }
}
