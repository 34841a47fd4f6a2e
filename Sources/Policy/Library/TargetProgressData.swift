/// What the dashboard needs beside a measure's 2027 value (targets.yaml, dashboard.yaml): where
/// the measure started, how its milestones run, and how a status is judged. Data, not code:
/// the engine's progress (`Workflow/Targets`) reads these.

/// Where a measure stood on a day. A measure without one takes its first report as its baseline.
public struct TargetBaseline: Sendable, Codable, Equatable {
    /// Decimal text in the measure's unit.
    public var value: String
    public var day: Day

    public init(value: String, day: Day) {
        self.value = value
        self.day = day
    }
}

/// How a measure's quarterly milestones run (`pace:` in targets.yaml).
public enum TargetPace: String, Sendable, Codable, CaseIterable {
    /// A straight line from the baseline to the 2027 value at the end of 2027Q4.
    case straight
    /// The value is due every year: a quarter's milestone is value × quarters gone by in its year / 4.
    case yearly
    /// A rate to hold: every milestone is the value.
    case level
}

/// A milestone set in the library for one quarter, replacing the computed one.
public struct TargetMilestone: Sendable, Codable, Equatable {
    /// `2025Q4`.
    public var quarter: String
    public var value: String

    public init(quarter: String, value: String) {
        self.quarter = quarter
        self.value = value
    }
}

/// How a status is judged (dashboard.yaml `status:`).
public struct TargetStatusRule: Sendable, Codable, Equatable {
    /// at_least: amber from this share of the milestone, red below (decimal text, 0 < x ≤ 1).
    public var amberFrom: String
    /// about: green within this share of the milestone either side.
    public var aboutBand: String

    public init(amberFrom: String, aboutBand: String) {
        self.amberFrom = amberFrom
        self.aboutBand = aboutBand
    }
}

/// dashboard.yaml.
public struct DashboardSettings: Sendable, Codable, Equatable {
    public var status: TargetStatusRule
    /// Lead first: the units of the preamble's targets, which the text names none for.
    public var preambleResponsibleUnits: [LocalizedText]

    public init(status: TargetStatusRule, preambleResponsibleUnits: [LocalizedText]) {
        self.status = status
        self.preambleResponsibleUnits = preambleResponsibleUnits
    }
}
