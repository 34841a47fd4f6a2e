/// The policy in force over one interval of dates, reduced to plain numbers and bit masks for
/// the batch engine: what `ResolvedPolicy` and `InstrumentEvaluator` decide by looking things up,
/// decided here once.
struct CompiledPolicy: Sendable {
    /// Plain values only (no strings or arrays), so reading one copies no references.
    struct Instrument: Sendable {
        var kind: InstrumentDefinition.Kind
        var unit: UnitKind
        var order: Int
        var inForce: Bool
        /// Positions in `conditions`.
        var projectConditions: Range<Int>
        var unitConditions: Range<Int>
        var base: Quantity?
        /// Ratio as numerator / 10^scale; `unstated` when the text sets none.
        var ratioNumerator: Int64
        var ratioScale: Int
        var ratioFromQuantity: Bool
        var unstated: Bool
        /// Int64.max when there is no cap (or it is advisory).
        var cap: Int64
        var capScope: InstrumentDefinition.CapScope
        var capAdvisory: Bool
        /// Int.max when paid once or without a limit of years.
        var windowYears: Int
        /// Years of a yearly base before this one are not counted.
        var countedFromYear: Int
        var baseLimit: Quantity?
        /// Bit mask over city instrument positions that this instrument replaces.
        var replaces: UInt64
        /// A grant paid by the smart-factory assessment's tiers (十二): its position in
        /// `tierTables`; nil for the rest.
        var tiers: Int?
    }

    struct Condition: Sendable {
        var test: Test
        var priority: Bool
    }

    enum Test: Sendable {
        case categories(UInt64, all: Bool)
        case flag(Flag, expected: Bool)
        case compare(Quantity, ConditionTest.Comparison, threshold: Int64?)
        case dateWithin(DateField, from: Int32?, to: Int32?)
        case present(Quantity)
        /// The position in `purposeTables` of the packed days from which each purpose (in
        /// `LoanPurpose.allCases` order) is covered.
        case purposeFrom(Int)
        /// A check the plan states, resolved on the day: its position in `planChecks`.
        case planCheck(Int)
        /// A waived condition: always holds.
        case always
    }

    /// City instruments first (the positions the combination uses), then national ones.
    var instruments: [Instrument]
    var ids: [String]
    /// Plain values only, like `Instrument`: the batch engine copies a condition per project and
    /// instrument, so what holds references (a questionnaire, a scale, a table of days) is kept
    /// beside them in the tables below and named by position (copying a questionnaire's
    /// references cost more than a third of the evaluation).
    var conditions: [Condition] = []
    /// Per `purposeFrom` condition: the packed day from which each purpose is covered;
    /// Int32.max for a purpose not covered.
    var purposeTables: [[Int32]] = []
    /// Per `planCheck` condition, the check resolved on the day (see `ResolvedPlanCheck`).
    var planChecks: [ResolvedPlanCheck] = []
    /// Per instrument paid by tiers, the tiers resolved on the day.
    var tierTables: [ResolvedTiers] = []
    var cityCount: Int
    var oneGrantPerProject: Bool
    var oneInstrumentPerContract: Bool
    var replacementsApply: Bool
    var day: Day
    /// For each instrument whose base is counted by days (N1), its discount; nil for the others.
    var discounts: [DailyDiscount?] = []

    init(_ policy: ResolvedPolicy, categoryIds: [String]) {
        let library = policy.library
        let bit = Dictionary(uniqueKeysWithValues: categoryIds.enumerated().map { ($1, UInt64(1) << UInt64($0)) })
        let city = library.cityInstruments
        let definitions = city + library.nationalInstruments
        day = policy.day
        cityCount = city.count
        oneGrantPerProject = policy.oneGrantPerProject
        oneInstrumentPerContract = policy.oneInstrumentPerContract
        replacementsApply = policy.replacementsApply
        let evaluator = ConditionEvaluator(policy: policy, facts: ProjectFacts(Project(id: "")))
        var purposeTables: [[Int32]] = [], planChecks: [ResolvedPlanCheck] = [], tierTables: [ResolvedTiers] = []

        func compile(_ c: ConditionDefinition) -> Condition {
            let role = evaluator.role(c)
            let priority = role == .priority
            if role == .waived { return Condition(test: .always, priority: false) }
            switch c.test {
            case .category(let id): return Condition(test: .categories(bit[id] ?? 0, all: true), priority: priority)
            case .anyCategory(let ids): return Condition(test: .categories(ids.reduce(0) { $0 | (bit[$1] ?? 0) }, all: false), priority: priority)
            case .flag(let f, let expected): return Condition(test: .flag(f, expected: expected), priority: priority)
            case .present(let q): return Condition(test: .present(q), priority: priority)
            case let .compare(q, comparison, threshold):
                return Condition(test: .compare(q, comparison, threshold: evaluator.thresholdValue(threshold)?.fen), priority: priority)
            case let .dateWithin(field, from, to):
                return Condition(test: .dateWithin(field, from: from.flatMap(evaluator.day)?.packed, to: to.flatMap(evaluator.day)?.packed), priority: priority)
            case .purposeFrom(let days):
                let packed = LoanPurpose.allCases.map { days[$0].flatMap(evaluator.day)?.packed ?? Int32.max }
                purposeTables.append(packed)
                return Condition(test: .purposeFrom(purposeTables.count - 1), priority: priority)
            case let .planCheck(kind, thresholds):
                planChecks.append(evaluator.resolved(kind, thresholds: thresholds))
                return Condition(test: .planCheck(planChecks.count - 1), priority: priority)
            }
        }

        ids = definitions.map(\.id)
        var flat: [Condition] = []
        instruments = definitions.map { def in
            var numerator: Int64 = 0, scale = 0, unstated = false, fromQuantity = false
            switch def.ratio {
            case .parameter(let key):
                if case .ratio(let r)? = policy.value(key) { numerator = r.numerator; scale = r.scale } else { unstated = true }
            case .quantity: fromQuantity = true
            }
            var cap = Int64.max
            if let key = def.cap, case .money(let m)? = policy.value(key) { cap = m.fen }
            let advisory = def.capInPrinciple && !policy.inPrincipleCapsAreHard
            if advisory { cap = Int64.max }
            var window = Int.max
            if let key = def.years, case .integer(let n)? = policy.value(key) { window = n }
            var countedFrom = Int.min
            if let key = def.countedFrom, case .day(let d)? = policy.value(key) { countedFrom = d.year }
            let replaces = def.replaces.reduce(UInt64(0)) { mask, id in
                city.firstIndex { $0.id == id }.map { mask | (1 << UInt64($0)) } ?? mask
            }
            let projectStart = flat.count
            flat += def.conditions.map(compile)
            let unitStart = flat.count
            flat += def.unitConditions.map(compile)
            var tiers: Int?
            if let t = def.tiers {
                tierTables.append(ResolvedTiers(t, policy))
                tiers = tierTables.count - 1
            }
            return Instrument(kind: def.kind, unit: def.unit, order: def.order, inForce: policy.isInForce(def),
                              projectConditions: projectStart..<unitStart, unitConditions: unitStart..<flat.count,
                              base: def.base?.quantity, ratioNumerator: numerator, ratioScale: scale,
                              ratioFromQuantity: fromQuantity, unstated: unstated, cap: cap, capScope: def.capScope,
                              capAdvisory: advisory, windowYears: window, countedFromYear: countedFrom,
                              baseLimit: def.baseLimit, replaces: replaces,
                              tiers: tiers)
        }
        conditions = flat
        self.purposeTables = purposeTables
        self.planChecks = planChecks
        self.tierTables = tierTables
        discounts = definitions.map { DailyDiscount($0, policy) }
    }
}

/// The dates at which anything in the library changes, so that one compiled policy serves every
/// project whose date falls between two of them.
struct PolicyTimeline: Sendable {
    /// Sorted change dates; policy k holds from breakpoints[k-1] (inclusive) to breakpoints[k].
    let breakpoints: [Int32]
    let policies: [CompiledPolicy]

    init(library: PolicyLibrary, categoryIds: [String]) {
        var dates = Set<Int32>()
        for p in library.parameters.values { for v in p.values { dates.insert(v.from.packed) } }
        for i in library.instruments {
            dates.insert(i.inForceFrom.packed)
            // In force through `until`: the change happens the day after.
            if let until = i.inForceUntil { dates.insert(Day.packedDayAfter(until)) }
        }
        breakpoints = dates.sorted()
        // Policy 0 holds before the first date; policy k from breakpoints[k-1].
        let representatives = [Day(year: 1900, month: 1, day: 1)!] + breakpoints.map { Day(packed: $0) }
        policies = representatives.map { CompiledPolicy(ResolvedPolicy(library: library, on: $0), categoryIds: categoryIds) }
    }

    func index(for day: Int32) -> Int {
        var lo = 0, hi = breakpoints.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if breakpoints[mid] <= day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension Day {
    init(packed: Int32) {
        self.init(year: Int(packed / 10000), month: Int(packed / 100 % 100), day: Int(packed % 100))!
    }

    static func packedDayAfter(_ d: Day) -> Int32 {
        if let next = Day(year: d.year, month: d.month, day: d.day + 1) { return next.packed }
        if let next = Day(year: d.year, month: d.month + 1, day: 1) { return next.packed }
        return Day(year: d.year + 1, month: 1, day: 1)!.packed
    }
}
