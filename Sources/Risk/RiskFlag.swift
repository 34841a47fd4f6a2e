import Policy

/// A project of the population, by its enterprise's credit code and its own id.
public struct RiskProjectRef: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var creditCode: String
    public var projectId: String

    public init(creditCode: String, projectId: String) {
        self.creditCode = creditCode
        self.projectId = projectId
    }

    public static func < (a: Self, b: Self) -> Bool { (a.creditCode, a.projectId) < (b.creditCode, b.projectId) }
    public var description: String { "\(creditCode)/\(projectId)" }
}

/// One named value of a flag's evidence: the serial number found twice, the median of the peers,
/// the count in the window. Values are text, as they are shown and stored.
public struct RiskFact: Sendable, Hashable, Codable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A risk flag on one project: its kind, why in both languages, and the evidence — the other
/// projects and enterprises involved and the values or statistic that raised it. A flag is shown
/// to officers; it refuses nothing.
public struct RiskFlag: Sendable, Hashable, Codable {
    public var kind: RiskKind
    public var project: RiskProjectRef
    public var reason: LocalizedText
    /// The other projects of the pattern (the partner claiming the same serial number, the other
    /// parts of a split), sorted.
    public var partners: [RiskProjectRef]
    /// The other enterprises involved, by credit code, sorted.
    public var enterprises: [String]
    public var facts: [RiskFact]

    public init(kind: RiskKind, project: RiskProjectRef, reason: LocalizedText, partners: [RiskProjectRef] = [],
                enterprises: [String] = [], facts: [RiskFact] = []) {
        self.kind = kind
        self.project = project
        self.reason = reason
        self.partners = partners.sorted()
        self.enterprises = enterprises.sorted()
        self.facts = facts
    }

    public func fact(_ name: String) -> String? { facts.first { $0.name == name }?.value }
}
