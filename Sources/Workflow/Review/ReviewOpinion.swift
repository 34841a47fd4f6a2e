import Policy

/// A department's opinion on a case (审查意见).
public struct ReviewOpinion: Sendable, Hashable, Codable {
    public enum Verdict: Sendable, Hashable, Codable {
        /// 同意.
        case approve
        /// 不同意, with the department's reasons.
        case reject(reasons: String)
        /// 需补充材料: the enterprise must supply more, as the department says.
        case askSupplement(reasons: String)
    }

    /// The department's code.
    public var department: String
    public var verdict: Verdict
    public var givenOn: Day

    public init(department: String, verdict: Verdict, givenOn: Day) {
        self.department = department
        self.verdict = verdict
        self.givenOn = givenOn
    }
}
