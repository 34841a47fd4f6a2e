/// One support instrument of the policy library, as written in its YAML file.
public struct InstrumentDefinition: Sendable {
    public enum Kind: String, Sendable, Codable {
        /// Pays once; at most one grant per project (reading 4).
        case grant
        /// Tied to a loan or lease contract; one instrument per contract (reading 3).
        case financing
        /// A national instrument shown beside the city's support, never in the city's total.
        case national
    }

    public enum CapScope: String, Sendable, Codable {
        /// One cap shared by all of a project's units under this instrument.
        case project
        /// A cap for each unit (e.g. per product in (五)).
        case unit
    }

    public var id: String
    public var clause: String
    public var kind: Kind
    public var unit: UnitKind
    public var name: LocalizedText
    /// The sentence of the clause that creates the instrument.
    public var text: LocalizedText
    public var inForceFrom: Day
    public var inForceUntil: Day?
    public var conditions: [ConditionDefinition]
    public var unitConditions: [ConditionDefinition]
    public var base: BaseDefinition?
    /// Key of the ratio parameter, or a unit quantity that is itself the ratio (N4's tariff rate).
    public var ratio: RatioSource
    /// "不超过X%": X% is the maximum; the engine computes at X% (reading 11).
    public var ratioIsMaximum: Bool
    /// Key of the cap parameter; nil for an uncapped instrument.
    public var cap: String?
    public var capScope: CapScope
    /// "原则上" (in principle): applied as hard cap unless reading parameter says otherwise.
    public var capInPrinciple: Bool
    /// Key of the parameter holding the number of consecutive years; nil when paid once.
    public var years: String?
    /// Key of a day parameter: amounts of a yearly base before its year are not counted
    /// (reading 12 for the city's interest subsidies); nil counts every year.
    public var countedFrom: String?
    /// A project figure that limits the base summed over units, taken in input order (N4: only
    /// equipment within the total investment is exempt). A figure not given limits nothing.
    public var baseLimit: Quantity?
    /// Instruments this one replaces when chosen (7c replaces 7a and 7b, reading 5).
    public var replaces: [String]
    /// For national instruments: what the amount is (deduction, tariff saved, …).
    public var measure: LocalizedText?
    public var responsibleUnits: [LocalizedText]
    public var source: LocalizedText
    public var notes: [LocalizedText]
    /// Position in the library's order of instruments, the order used to break ties (reading 7).
    public var order: Int
    /// For a grant paid by tiers of the smart-factory assessment (十二); nil for the rest.
    public var tiers: TierDefinition? = nil
}

public enum RatioSource: Sendable, Hashable {
    case parameter(String)
    case quantity(Quantity)
}

public struct BaseDefinition: Sendable {
    public var quantity: Quantity
    public var label: LocalizedText
}

/// What an instrument is evaluated per: the project itself or each of its contracts, products or
/// equipment items.
public enum UnitKind: String, Sendable, Codable, CaseIterable {
    case project, loan, lease, product, equipment

    public var label: LocalizedText {
        switch self {
        case .project: return LocalizedText(zh: "项目", en: "project")
        case .loan: return LocalizedText(zh: "贷款", en: "loan")
        case .lease: return LocalizedText(zh: "融资租赁", en: "lease")
        case .product: return LocalizedText(zh: "产品", en: "product")
        case .equipment: return LocalizedText(zh: "设备", en: "equipment item")
        }
    }
}
