import Policy

/// The city officer's approval (核准): the approved investment (核定项目投资) and the amount
/// granted per instrument. The amounts are at most what the engine computes under the values in
/// force on the approval day ("up to X%": the maximum the policy allows; the grant may be lower).
public struct ApprovalDecision: Sendable, Hashable, Codable {
    public var approvedInvestment: Money
    /// Instrument id → amount granted.
    public var granted: [String: Money]
    public var decidedOn: Day

    public init(approvedInvestment: Money, granted: [String: Money], decidedOn: Day) {
        self.approvedInvestment = approvedInvestment
        self.granted = granted
        self.decidedOn = decidedOn
    }

    public var total: Money { granted.values.reduce(.zero, +) }
}
