/// The policy library: every instrument, parameter, category, district, clause text and target
/// of the plan, loaded from YAML (`Policies/`). Nothing in the engine knows a ratio or a cap;
/// it reads them here.
public struct PolicyLibrary: Sendable {
    public var plan: PlanInfo
    /// Instruments in the library's order, which is also the order that breaks ties (reading 7).
    public var instruments: [InstrumentDefinition] {
        didSet { splitInstruments() }
    }
    public var parameters: [String: Parameter]
    public var vocabulary: Vocabulary
    public var clauses: [String: Clause]
    public var targets: [Target]
    /// How the dashboard judges progress toward the targets (dashboard.yaml).
    public var dashboard: DashboardSettings
    /// The plan's six actions in order, each with its measures (clauses.yaml's `actions`).
    public var actions: [PlanAction] = []
    /// The smart-factory questionnaire of (十二) and the second-hand grading scale of (十五)
    /// (`checks/`); nil in a library without them.
    public var smartFactory: SmartFactoryQuestionnaire? = nil
    public var secondHandScale: SecondHandScale? = nil

    public func instrument(_ id: String) -> InstrumentDefinition? {
        instruments.first { $0.id == id }
    }

    /// City instruments (grants and financing), then national ones: kept split, since every
    /// evaluation walks them (filtering on each call copied every definition).
    public private(set) var cityInstruments: [InstrumentDefinition] = []
    public private(set) var nationalInstruments: [InstrumentDefinition] = []

    public init(plan: PlanInfo, instruments: [InstrumentDefinition], parameters: [String: Parameter], vocabulary: Vocabulary,
                clauses: [String: Clause], targets: [Target],
                dashboard: DashboardSettings = DashboardSettings(status: TargetStatusRule(amberFrom: "0.8", aboutBand: "0.1"), preambleResponsibleUnits: [])) {
        self.plan = plan
        self.instruments = instruments
        self.parameters = parameters
        self.vocabulary = vocabulary
        self.clauses = clauses
        self.targets = targets
        self.dashboard = dashboard
        splitInstruments()
    }

    private mutating func splitInstruments() {
        cityInstruments = instruments.filter { $0.kind != .national }
        nationalInstruments = instruments.filter { $0.kind == .national }
    }
}

public struct PlanInfo: Sendable, Codable {
    public var id: String
    public var notice: LocalizedText
    public var title: LocalizedText
    public var issued: Day
}

/// One of the plan's six actions (专项行动) and the numbered measures (clauses) it groups.
public struct PlanAction: Sendable, Codable {
    public var number: Int
    public var title: LocalizedText
    public var clauses: [String]
}

/// The text of one numbered measure, in both languages, with its responsible units (the first
/// is the lead unit).
public struct Clause: Sendable, Codable {
    public var numeral: String
    public var number: Int
    public var title: LocalizedText
    public var text: LocalizedText
    public var responsibleUnits: [LocalizedText]
}

/// A 2027 target of the plan (the dashboard's rows).
public struct Target: Sendable, Codable {
    public var id: String
    public var clause: String
    public var text: LocalizedText
    public var measures: [TargetMeasure]
    /// Lead unit first: the target's own list, else its clause's, else (the preamble's targets)
    /// dashboard.yaml's `preamble_responsible_units`. Resolved when the library loads.
    public var responsibleUnits: [LocalizedText] = []
}

public struct TargetMeasure: Sendable, Codable {
    public var id: String
    public var label: LocalizedText
    /// The figure to reach, as decimal text, in `unit`.
    public var value: String
    public var unit: LocalizedText
    /// `at_least` (the default), or `about`.
    public var kind: String?
    /// What supported projects contribute to it, where the platform can count it.
    public var counted: TargetCount?
    /// Where the measure started; nil when its first report is its baseline.
    public var baseline: TargetBaseline? = nil
    public var pace: TargetPace = .straight
    /// Milestones set for some quarters, replacing the computed ones there.
    public var milestones: [TargetMilestone] = []
}

/// How supported projects count toward a target's measure (`counted:` in targets.yaml).
public struct TargetCount: Sendable, Codable {
    public enum Figure: Sendable, Codable, Equatable {
        /// Projects whose recommended combination includes the instrument (and that carry the
        /// category), counted per application year.
        case projects(instrument: String, category: String?)
        /// A figure of the supported projects, added up.
        case sum(SummedQuantity)
    }

    /// The figures a sum may add up.
    public enum SummedQuantity: String, Sendable, Codable, CaseIterable {
        case declaredInvestment = "declared-investment"
        case renewalEquipment = "renewal-equipment"
    }

    public var figure: Figure
    public var label: LocalizedText
}
