/// Cross-file checks of a loaded library: every reference resolves and has the right type.
enum LibraryChecks {
    static func check(instruments: [InstrumentDefinition], parameters: [String: Parameter],
                      vocabulary: Vocabulary, log: LibraryNode.ErrorLog) {
        func fail(_ file: String, _ message: String) {
            log.errors.append(PolicyLibraryError(file: file, path: "$", message: message))
        }
        func expect(_ key: String, _ type: ParameterType, in file: String) {
            guard let p = parameters[key] else { fail(file, "parameter '\(key)' is not defined"); return }
            if p.type != type { fail(file, "parameter '\(key)' is a \(p.type.rawValue), expected \(type.rawValue)") }
        }
        for reading in ReadingKey.allCases {
            expect(reading.rawValue, reading.type, in: "parameters.yaml")
        }
        // The batch engine keeps per-instrument figures inline and grants in a 64-bit mask.
        if instruments.count > 32 { fail("library.yaml", "at most 32 instruments (the batch engine's limit); the library has \(instruments.count)") }
        var ids: Set<String> = []
        for instrument in instruments {
            let file = "instruments/\(instrument.id).yaml"
            if !ids.insert(instrument.id).inserted { fail(file, "instrument id '\(instrument.id)' is used twice") }
            if case .parameter(let key) = instrument.ratio { expect(key, .ratio, in: file) }
            if let cap = instrument.cap { expect(cap, .money, in: file) }
            if let years = instrument.years { expect(years, .integer, in: file) }
            if let from = instrument.countedFrom { expect(from, .day, in: file) }
            if let limit = instrument.baseLimit {
                if limit.unit != .project { fail(file, "base_limit must be a figure of the project") }
                if instrument.kind == .financing { fail(file, "base_limit is not supported on financing instruments (the limit would depend on the contract assignment)") }
                if instrument.base?.quantity.isYearly ?? false { fail(file, "base_limit goes with a base paid once") }
            }
            if (instrument.years != nil) != (instrument.base?.quantity.isYearly ?? false) {
                fail(file, "'years' goes with a yearly base (loan.interest_paid, loan.principal_by_day) and only with one")
            }
            if instrument.base == nil, case .quantity = instrument.ratio { fail(file, "a ratio taken from a quantity needs a base") }
            if let base = instrument.base, base.quantity.unit != .project, base.quantity.unit != instrument.unit {
                fail(file, "base \(base.quantity.rawValue) is not a figure of a \(instrument.unit.rawValue)")
            }
            if instrument.kind == .financing, instrument.unit != .loan, instrument.unit != .lease {
                fail(file, "a financing instrument is evaluated per loan or per lease")
            }
            for condition in instrument.conditions + instrument.unitConditions {
                if case .parameter(let key) = condition.role { expect(key, .word, in: file) }
                switch condition.test {
                case .category(let c): if vocabulary.categories[c] == nil { fail(file, "unknown category '\(c)'") }
                case .anyCategory(let cs): for c in cs where vocabulary.categories[c] == nil { fail(file, "unknown category '\(c)'") }
                case .compare(_, _, .parameter(let key)): expect(key, .money, in: file)
                case .dateWithin(_, let from, let to):
                    if let from { expect(from, .day, in: file) }
                    if let to { expect(to, .day, in: file) }
                case .purposeFrom(let days):
                    if instrument.unit != .loan { fail(file, "purpose_from is a condition of a loan") }
                    for key in days.values { expect(key, .day, in: file) }
                case .planCheck(_, let thresholds):
                    if instrument.unit != .project && instrument.unitConditions.contains(where: { $0.id == condition.id }) {
                        fail(file, "a plan_check is a condition of the project")
                    }
                    for key in thresholds.values { expect(key, .ratio, in: file) }
                default: break
                }
            }
            if let tiers = instrument.tiers {
                expect(tiers.basis, .word, in: file)
                for key in tiers.amounts { expect(key, .money, in: file) }
                if instrument.kind != .grant || instrument.unit != .project { fail(file, "tiers go with a grant of the project") }
                if instrument.base != nil { fail(file, "an instrument paid by tiers has no base") }
            }
            for r in instrument.replaces where !instruments.contains(where: { $0.id == r }) {
                fail(file, "replaces unknown instrument '\(r)'")
            }
        }
    }
}

/// The parameters that carry the readings (docs/policy-reading.md) of what the text leaves open. The engine reads
/// them by these names; their values live in parameters.yaml.
public enum ReadingKey: String, CaseIterable, Sendable {
    /// Reading 3: a loan or lease is subsidised under one instrument only.
    case oneInstrumentPerContract = "reading.one_instrument_per_contract"
    /// Reading 4: at most one grant per project.
    case oneGrantPerProject = "reading.one_grant_per_project"
    /// Reading 5: an instrument's `replaces` list applies (7c replaces 7a and 7b).
    case replacementsApply = "reading.replacements_apply"
    /// Reading 10: "in principle" caps are `hard` or `advisory`.
    case inPrincipleCaps = "reading.in_principle_caps"
    /// Reading 12: interest paid from this day on is counted.
    case interestCountedFrom = "reading.interest_counted_from"

    var type: ParameterType {
        switch self {
        case .oneInstrumentPerContract, .oneGrantPerProject, .replacementsApply: return .flag
        case .inPrincipleCaps: return .word
        case .interestCountedFrom: return .day
        }
    }
}
