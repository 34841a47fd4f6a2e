/// Everything the engine found about one instrument for one project: whether it matched, every
/// condition with its outcome, the base, ratio and cap used, the amount (per year for yearly
/// instruments, per contract / product / item where it is evaluated per unit), and the clause.
public struct InstrumentResult: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// All required conditions hold and the amount is known.
        case matched
        /// All required conditions hold, but the text sets no amount (reading 6).
        case amountUnstated = "amount_unstated"
        /// A required condition failed.
        case notMatched = "not_matched"
        /// The instrument is not in force on the evaluation date.
        case notInForce = "not_in_force"
    }

    public var id: String
    public var clause: String
    public var name: LocalizedText
    public var kind: InstrumentDefinition.Kind
    public var unit: UnitKind
    public var status: Status
    /// The project-level conditions.
    public var conditions: [ConditionResult]
    /// One entry per contract, product or item (empty for instruments evaluated per project).
    public var units: [UnitResult]
    public var base: BaseLine?
    public var ratio: Ratio?
    /// True for "不超过X%": the amount is the maximum; the amount granted is set at review.
    public var ratioIsMaximum: Bool
    public var cap: Money?
    public var capScope: InstrumentDefinition.CapScope
    /// The cap is "in principle" and applied as advisory (reading 10); the amount ignores it.
    public var capAdvisory: Bool
    public var capBinding: Bool
    /// The amount before the cap, and after it.
    public var uncapped: Money
    public var amount: Money
    /// For yearly instruments: the amounts per calendar year, after the cap.
    public var years: [YearLine]
    /// For yearly instruments: how many consecutive years are subsidised.
    public var windowYears: Int?
    /// The ratio is each unit's own (N4's tariff rate), shown per unit.
    public var ratioPerUnit: Bool
    /// Computed on the declared investment standing in for an approved one (reading 8).
    public var provisional: Bool
    /// For instruments with a priority condition: whether the project has priority.
    public var priority: Bool?
    public var measure: LocalizedText?
    public var notes: [LocalizedText]

    public var isEligible: Bool { status == .matched || status == .amountUnstated }

    /// The conditions that failed and bar the instrument, project and unit level.
    public var failedConditions: [ConditionResult] {
        var failed = conditions.filter { !$0.held && $0.role == .required }
        if !units.isEmpty && !units.contains(where: \.eligible) {
            failed += units.flatMap { $0.conditions.filter { !$0.held && $0.role == .required } }
        }
        return failed
    }
}

public struct ConditionResult: Sendable, Codable, Equatable {
    public var id: String
    public var label: LocalizedText
    public var role: ConditionRole
    public var held: Bool
    /// For a numeric condition: the figure, the threshold and by how much it falls short.
    public var figure: Money?
    public var threshold: Money?
    public var shortfall: Money?
    /// Plain explanation of the outcome ("not given", the date tested, …).
    public var detail: LocalizedText?
    /// The catalogue entry a catalogue condition relied on (十七).
    public var catalogueEntry: CatalogueCitation? = nil
    /// The recognition (list entry and edition) a recognition condition relied on (十六).
    public var listEntry: RecognitionCitation? = nil
    /// The scenario task whose designation a designation condition relied on (十八).
    public var scenarioTask: DesignationCitation? = nil
}

public struct UnitResult: Sendable, Codable, Equatable {
    public var kind: UnitKind
    public var id: String
    public var label: String
    public var eligible: Bool
    public var conditions: [ConditionResult]
    /// The base of this unit (the sum over its years for a yearly base).
    public var base: Money
    /// For a ratio taken from the unit (N4's tariff rate).
    public var ratio: Ratio?
    public var uncapped: Money
    public var amount: Money
    public var years: [YearLine]
}

public struct BaseLine: Sendable, Codable, Equatable {
    public var quantity: String
    public var label: LocalizedText
    /// The base summed over eligible units and counted years.
    public var amount: Money
}

/// One calendar year of a yearly instrument.
public struct YearLine: Sendable, Codable, Equatable {
    public enum Place: String, Sendable, Codable {
        /// Inside the window of consecutive years: subsidised.
        case inWindow = "in_window"
        /// Before the day from which interest is counted (reading 12).
        case beforeCounting = "before_counting"
        /// A counted year with no interest, before the first subsidised year opens the window.
        case beforeWindow = "before_window"
        /// After the window (reading 2).
        case afterWindow = "after_window"
    }
    public var year: Int
    public var base: Money
    public var uncapped: Money
    public var amount: Money
    public var place: Place
    /// For a base counted by days (N1): the days of the year inside the discount period.
    public var days: Int?

    public init(year: Int, base: Money, uncapped: Money, amount: Money, place: Place, days: Int? = nil) {
        self.year = year
        self.base = base
        self.uncapped = uncapped
        self.amount = amount
        self.place = place
        self.days = days
    }
}
