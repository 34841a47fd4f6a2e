/// The figures a project declares for the checks the plan states outside its money clauses
/// (issue 14, item 6): a data centre's PUE and an IT-equipment renewal's efficiency gain (十四),
/// the smart-factory evaluation and diagnosis before and after (十二), and the identification,
/// evaluation and grade of second-hand equipment (十五). One optional object of the project
/// format (`planChecks`); a project without it declares none of them, and each check then says
/// "not declared" rather than failing.
public struct PlanChecks: Sendable, Equatable {
    public var dataCentre: DataCentre?
    public var itEquipment: ITEquipmentRenewal?
    public var smartFactory: SmartFactoryAnswers?
    public var secondHand: [SecondHandGrading]

    public init(dataCentre: DataCentre? = nil, itEquipment: ITEquipmentRenewal? = nil,
                smartFactory: SmartFactoryAnswers? = nil, secondHand: [SecondHandGrading] = []) {
        self.dataCentre = dataCentre
        self.itEquipment = itEquipment
        self.smartFactory = smartFactory
        self.secondHand = secondHand
    }

    public var isEmpty: Bool { dataCentre == nil && itEquipment == nil && smartFactory == nil && secondHand.isEmpty }
}

/// A data centre the project builds or renovates, with its power usage effectiveness
/// (total facility energy ÷ IT-equipment energy: a dimensionless ratio, kept exact).
public struct DataCentre: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// 新建数据中心: PUE not above the new-build threshold (1.25).
        case new
        /// 改造后: a renovated (small, scattered or old) data centre, threshold 1.4.
        case renovated
    }
    public var kind: Kind
    public var pue: Ratio

    public init(kind: Kind, pue: Ratio) {
        self.kind = kind
        self.pue = pue
    }
}

/// IT equipment and supporting systems renewed (推动IT设备及配套系统…的更新), with the
/// efficiency gain the renewal achieves, e.g. 0.25 for 25%.
public struct ITEquipmentRenewal: Sendable, Equatable {
    /// The renewed capacity in kilowatts, when given (the target counts 100,000 kW).
    public var capacityKW: Int?
    public var efficiencyGain: Ratio

    public init(capacityKW: Int? = nil, efficiencyGain: Ratio) {
        self.capacityKW = capacityKW
        self.efficiencyGain = efficiencyGain
    }
}

/// The enterprise's answers to the smart-factory questionnaire (十二), before the project and
/// after it: question id → option id, both from the policy library's questionnaire.
public struct SmartFactoryAnswers: Sendable, Equatable {
    public var before: [String: String]
    public var after: [String: String]

    public init(before: [String: String], after: [String: String]) {
        self.before = before
        self.after = after
    }
}

/// A second-hand equipment item of the project (十五): its grade on the library's scale, the
/// evaluated value, and who identified it, under which report, on which day.
public struct SecondHandGrading: Sendable, Equatable {
    /// 1-based position of the item in the project's `equipment` list.
    public var item: Int
    public var grade: String
    public var evaluatedValue: Money?
    public var identifiedBy: String?
    public var reportNumber: String?
    public var identifiedOn: Day?

    public init(item: Int, grade: String, evaluatedValue: Money? = nil, identifiedBy: String? = nil,
                reportNumber: String? = nil, identifiedOn: Day? = nil) {
        self.item = item
        self.grade = grade
        self.evaluatedValue = evaluatedValue
        self.identifiedBy = identifiedBy
        self.reportNumber = reportNumber
        self.identifiedOn = identifiedOn
    }

    /// Identification is complete when all three of who, report and day are given.
    public var isIdentified: Bool { identifiedBy != nil && reportNumber != nil && identifiedOn != nil }
}
