/// A condition of an instrument, as data: what is tested, on what, and whether failing it bars
/// the instrument or only lowers the project's priority.
public struct ConditionDefinition: Sendable {
    public var id: String
    public var label: LocalizedText
    public var test: ConditionTest
    /// `required`, `priority`, or the key of a `word` parameter that says which (reading 1).
    public var role: RoleSource
    /// Checked against the catalogue when the engine has a snapshot (十七); nil for the rest.
    public var catalogue: CatalogueCheck? = nil
    /// Checked against the recognitions of the list library when the engine has them (十六).
    public var recognition: RecognitionCheck? = nil
    /// Checked against the scenario tasks' designations when the engine has them (十八).
    public var designation: DesignationCheck? = nil

    /// Whether a library (catalogue, recognitions, designations) decides the condition when given.
    public var isLibraryChecked: Bool { catalogue != nil || recognition != nil || designation != nil }

    public enum RoleSource: Sendable, Hashable {
        case fixed(ConditionRole)
        case parameter(String)
    }
}

public enum ConditionRole: String, Sendable, Codable {
    /// Failing it means the instrument does not match.
    case required
    /// Failing it leaves the instrument matched but ranks the project after those that pass
    /// when a budget runs short.
    case priority
    /// Tested and shown, but it neither bars the instrument nor sets its priority: the library
    /// has switched the condition off (e.g. reading 13's technical-renovation condition of 7c).
    case waived
}

public enum ConditionTest: Sendable {
    /// The project carries this category or designation.
    case category(String)
    /// The project carries at least one of these.
    case anyCategory([String])
    /// A yes/no fact of the project or unit equals `expected`.
    case flag(Flag, expected: Bool)
    /// A quantity compared with a parameter (or a literal amount).
    case compare(Quantity, Comparison, threshold: ThresholdSource)
    /// A date of the unit lies within [from, to] (either end optional), given by parameters.
    case dateWithin(DateField, from: String?, to: String?)
    /// The quantity is given and above zero.
    case present(Quantity)
    /// The loan's purpose is one of these, and its start date is on or after the day given for
    /// that purpose by the parameter (N1: equipment loans from 2024, fixed-asset and
    /// technology-innovation loans from 2026-01-20).
    case purposeFrom([LoanPurpose: String])
    /// One of the checks the plan states (十二)(十四)(十五), read from the project's
    /// `planChecks`, with its ratio thresholds by role (`new`, `renovated`, `gain`) given by
    /// parameters; "not declared" holds.
    case planCheck(PlanCheckKind, thresholds: [String: String])

    public enum Comparison: String, Sendable {
        case atLeast = "at_least", above, atMost = "at_most", below
    }
}

public enum ThresholdSource: Sendable, Hashable {
    case parameter(String)
    case literal(Money)
}
