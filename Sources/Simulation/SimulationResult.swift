import Policy

/// The fiscal picture of one scenario (the baseline, or a reform) over a population.
public struct SimulationResult: Sendable, Codable {
    public var scenario: String
    public var projects: Int
    /// Column labels of `byYear` arrays: 2024 … 2030, then "later".
    public var years: [String]
    public var instruments: [InstrumentCost]
    public var totalByYear: [Money]
    public var total: Money
    public var districts: [GroupCost]
    public var industries: [GroupCost]
    /// Projects whose recommended combination pays something (or lists an unstated grant).
    public var supportedProjects: Int
    /// Of those, projects with an eligible grant whose amount the text leaves unstated (10b, 12):
    /// their cost is not in the figures.
    public var unstatedProjects: Int
    /// Projects whose combination search stopped before proving the optimum.
    public var notExhaustive: Int
    public var targets: [TargetContribution]
    public var pools: [PoolOutcome]

    public struct InstrumentCost: Sendable, Codable {
        public var id: String
        public var clause: String
        public var name: LocalizedText
        public var byYear: [Money]
        public var total: Money
        public var beneficiaries: Int
    }

    public struct GroupCost: Sendable, Codable {
        public var id: String
        public var name: LocalizedText
        public var byInstrument: [String: Money]
        public var total: Money
    }

    public struct TargetContribution: Sendable, Codable {
        public var target: String
        public var label: LocalizedText
        /// The population's contribution, as decimal text in `unit`.
        public var value: String
        public var goal: String?
        public var unit: LocalizedText
    }
}

/// A reform beside the baseline: the same population under changed parameters.
public struct ReformComparison: Sendable, Codable {
    public var name: String
    public var changes: [String]
    public var result: SimulationResult
    /// reform − baseline, per instrument and year (same columns as the results).
    public var differenceByInstrument: [String: [Money]]
    public var differenceByYear: [Money]
    public var difference: Money
    /// Beneficiaries: reform − baseline per instrument.
    public var beneficiaryDifference: [String: Int]
}
