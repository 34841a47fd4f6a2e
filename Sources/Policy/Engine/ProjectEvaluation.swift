/// The engine's answer for one project: every city and national instrument, and the recommended
/// combination.
public struct ProjectEvaluation: Sendable, Codable, Equatable {
    public var projectId: String
    public var projectName: String
    /// The policy in force on this day was applied.
    public var evaluationDate: Day
    public var instruments: [InstrumentResult]
    public var national: [InstrumentResult]
    public var recommendation: Combination
    /// What the project still lacks for a definite answer (approved investment, interest
    /// records, …), for the enterprise to supply.
    public var missing: [LocalizedText]
}

/// The recommended admissible set of instruments (readings 3–5, 7): which grant, and which
/// instrument for each loan and lease.
public struct Combination: Sendable, Codable, Equatable {
    /// The chosen grant, if any.
    public var grant: String?
    /// For each loan and lease that can be subsidised: the instrument chosen.
    public var assignments: [Assignment]
    /// The instruments in the combination, with amounts recomputed for the contracts assigned
    /// to them (caps shared within the combination).
    public var lines: [InstrumentResult]
    public var total: Money
    /// False only when the search was cut off before it could prove optimality.
    public var exhaustive: Bool
    /// Combinations examined (nodes of the search).
    public var searched: Int
    /// Eligible grants not chosen (including those of unstated amount), shown as alternatives.
    public var alternatives: [String]
    /// Instruments eligible on their own but left out of the combination, and why.
    public var excluded: [Exclusion]

    public struct Assignment: Sendable, Codable, Equatable {
        public var unit: UnitKind
        public var unitId: String
        public var instrument: String
    }

    public struct Exclusion: Sendable, Codable, Equatable {
        public var instrument: String
        public var reason: LocalizedText
    }
}
