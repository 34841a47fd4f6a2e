/// One worker's buffers and the per-project evaluation of the batch engine. It follows
/// `InstrumentEvaluator`, `AmountCalculator` and `CombinationChooser` step by step, on plain
/// numbers; the contract search is the same `AssignmentWorkspace` they use. A struct, owned by
/// its worker: no reference counting or dynamic exclusivity checks in the hot loop.
struct BatchWorkspace {
    let timeline: PolicyTimeline
    var outcome = ProjectOutcome()
    var search = AssignmentWorkspace()

    // Per instrument × unit: eligible, and the value the search uses (after a per-unit cap).
    var unitCapacity = 8
    var unitEligible: [Bool] = []
    var unitValue: [Int64] = []
    var unitCount: [Int] = []
    var eligible: [Bool] = []

    // The best candidate so far and the one being built.
    var sequence: [Int] = []
    var bestSequence: [Int] = []
    var bestLoanChoice: [Int] = []
    var bestLeaseChoice: [Int] = []
    var candidateLoanChoice: [Int] = []
    var candidateLeaseChoice: [Int] = []
    var yearSums: [Int64] = []
    var openScratch: [Int] = []
    var bestGrants: UInt64 = 0

    init(timeline: PolicyTimeline) {
        self.timeline = timeline
        let policy = timeline.policies[0]
        let m = policy.instruments.count
        outcome.instrumentIds = policy.ids
        outcome.cityCount = policy.cityCount
        precondition(m <= ProjectOutcome.capacity, "the batch engine handles up to \(ProjectOutcome.capacity) instruments")
        unitEligible = Array(repeating: false, count: m * unitCapacity)
        unitValue = Array(repeating: 0, count: m * unitCapacity)
        unitCount = Array(repeating: 0, count: m)
        eligible = Array(repeating: false, count: m)
    }

    // MARK: - One project

    mutating func evaluate(_ p: Population, _ i: Int, day: Int32) {
        let policy = timeline.policies[timeline.index(for: day)]
        outcome.project = i
        outcome.year = Int(day / 10000)
        let m = policy.instruments.count
        let maxUnits = max(p.loanCount(of: i), p.leaseCount(of: i), Int(p.productStart[i + 1] - p.productStart[i]),
                           Int(p.itemStart[i + 1] - p.itemStart[i]), 1)
        if maxUnits > unitCapacity {
            unitCapacity = maxUnits
            unitEligible = Array(repeating: false, count: m * unitCapacity)
            unitValue = Array(repeating: 0, count: m * unitCapacity)
        }
        for f in 0..<m { evaluateInstrument(policy, f, p, i) }
        choose(policy, p, i)
    }

    private mutating func evaluateInstrument(_ policy: CompiledPolicy, _ f: Int, _ p: Population, _ i: Int) {
        let inst = policy.instruments[f]
        outcome.status[f] = .notMatched
        outcome.amount[f] = 0
        outcome.priority[f] = -1
        outcome.provisional[f] = false
        unitCount[f] = 0
        eligible[f] = false
        guard inst.inForce else { outcome.status[f] = .notInForce; return }
        var barred = false
        var priority: Int8 = -1
        for k in inst.projectConditions {
            let c = policy.conditions[k]
            let held = Self.check(c.test, policy, p, i, unit: -1)
            if c.priority { priority = (priority != 0 && held) ? 1 : 0 } else if !held { barred = true }
        }
        outcome.priority[f] = priority
        // Most instruments fail on a project condition (a category): nothing more to do.
        if barred { return }
        let (first, count) = units(inst.unit, p, i)
        unitCount[f] = count
        var any = false
        for u in 0..<count {
            var ok = true
            if inst.unit != .project {
                for k in inst.unitConditions where !policy.conditions[k].priority {
                    if !Self.check(policy.conditions[k].test, policy, p, i, unit: first + u) { ok = false; break }
                }
            }
            unitEligible[f * unitCapacity + u] = ok
            unitValue[f * unitCapacity + u] = 0
            any = any || ok
        }
        if inst.unit != .project && !any { barred = true }
        if barred { return }
        eligible[f] = true
        outcome.status[f] = inst.unstated ? .amountUnstated : .matched
        if let t = inst.tiers {
            let tiers = policy.tierTables[t]
            // As InstrumentEvaluator: the assessment's tier pays its amount once it is set.
            if case let .paid(_, amount, _) = tiers.outcome(p.planChecks[i]?.smartFactory) {
                outcome.status[f] = .matched
                outcome.amount[f] = min(amount.fen, inst.cap)
            } else {
                outcome.status[f] = .amountUnstated
            }
            return
        }
        guard let base = inst.base else { return }
        if base == .investmentApprovedOrDeclared && p.approved[i] < 0 && p.declared[i] >= 0 { outcome.provisional[f] = true }
        if inst.unstated { return }
        var total: Int64 = 0
        var limitLeft = Int64.max
        if let limit = inst.baseLimit, Self.money(limit, p, i, unit: i) >= 0 { limitLeft = Self.money(limit, p, i, unit: i) }
        let discount = policy.discounts[f]
        for u in 0..<count where unitEligible[f * unitCapacity + u] {
            var raw = discount.map { Self.discountAmount($0, p, loan: first + u) }
                ?? Self.rawAmount(inst, base, p, i, unit: first + u, limit: &limitLeft)
            if inst.capScope == .unit && raw > inst.cap { raw = inst.cap }
            unitValue[f * unitCapacity + u] = raw
            total += raw
        }
        if inst.capScope == .project && total > inst.cap { total = inst.cap }
        outcome.amount[f] = total
    }

    /// The first index and count of the units an instrument is evaluated per.
    @inline(__always) private func units(_ kind: UnitKind, _ p: Population, _ i: Int) -> (Int, Int) {
        switch kind {
        case .project: return (i, 1)
        case .loan: return (Int(p.loanStart[i]), Int(p.loanStart[i + 1] - p.loanStart[i]))
        case .lease: return (Int(p.leaseStart[i]), Int(p.leaseStart[i + 1] - p.leaseStart[i]))
        case .product: return (Int(p.productStart[i]), Int(p.productStart[i + 1] - p.productStart[i]))
        case .equipment: return (Int(p.itemStart[i]), Int(p.itemStart[i + 1] - p.itemStart[i]))
        }
    }

    /// base × ratio rounded down, summed over the window's years for a yearly base.
    private static func rawAmount(_ inst: CompiledPolicy.Instrument, _ base: Quantity,
                                  _ p: Population, _ i: Int, unit k: Int, limit: inout Int64) -> Int64 {
        var ratio = Ratio(numerator: inst.ratioNumerator, scale: inst.ratioScale)
        if inst.ratioFromQuantity {
            // An item without its own rate pays nothing, but its base still uses up the limit.
            ratio = p.itemTariffScale[k] >= 0 ? Ratio(numerator: p.itemTariffNumerator[k], scale: Int(p.itemTariffScale[k])) : .zero
        }
        if base.isYearly {
            var sum: Int64 = 0
            forEachWindowYear(inst, base, p, loan: k) { _, amount in sum += ratio.apply(to: Money(fen: amount)).fen }
            return sum
        }
        var value = max(money(base, p, i, unit: k), 0)
        if value > limit { value = limit }
        limit -= value
        return value > 0 ? ratio.apply(to: Money(fen: value)).fen : 0
    }

    /// N1: the discount of loan k over its period, each calendar year rounded down (DailyDiscount).
    static func discountAmount(_ discount: DailyDiscount, _ p: Population, loan k: Int) -> Int64 {
        guard p.loanStartDate[k] != 0 else { return 0 }
        var sum: Int64 = 0
        forEachDiscountYear(discount, p, loan: k) { _, amount in sum += amount }
        return sum
    }

    /// Calls `body(year, amount)` for each calendar year of loan k's discount period.
    static func forEachDiscountYear(_ discount: DailyDiscount, _ p: Population, loan k: Int, _ body: (Int, Int64) -> Void) {
        guard p.loanStartDate[k] != 0 else { return }
        let end = p.loanEndDate[k] == 0 ? nil : Day(packed: p.loanEndDate[k])
        discount.parts(principalFen: p.loanPrincipal[k], start: Day(packed: p.loanStartDate[k]), end: end) { body($0.year, $0.amount) }
    }

    /// Calls `body(year, base)` for each year of the loan inside the instrument's window
    /// (AmountCalculator.window: counted from the reading's year, N consecutive years from the
    /// first with an amount).
    @inline(__always) static func forEachWindowYear(_ inst: CompiledPolicy.Instrument, _ base: Quantity,
                                                    _ p: Population, loan k: Int, _ body: (Int, Int64) -> Void) {
        let lo = Int(p.interestStart[k]), hi = Int(p.interestStart[k + 1])
        let counted = inst.countedFromYear
        var first = Int.min
        for j in lo..<hi {
            let year = Int(p.interestYear[j])
            let amount = p.interestAmount[j]
            if year < counted { continue }
            if first == Int.min {
                guard amount > 0 else { continue }
                first = year
            }
            guard year - first < inst.windowYears else { continue }
            body(year, amount)
        }
    }

    private static func money(_ q: Quantity, _ p: Population, _ i: Int, unit k: Int) -> Int64 {
        switch q {
        case .investmentDeclared: return p.declared[i]
        case .investmentApproved: return p.approved[i]
        case .investmentApprovedOrDeclared: return p.approved[i] >= 0 ? p.approved[i] : p.declared[i]
        case .investmentNew: return p.newInvestment[i]
        case .innovativeProductContract: return p.innovativeContract[i]
        case .marketContract: return p.marketContract[i]
        case .softwareSales: return p.softwareSales[i]
        case .equipmentTotal:
            let lo = Int(p.itemStart[i]), hi = Int(p.itemStart[i + 1])
            if lo == hi { return -1 }
            var v: Int64 = 0
            for j in lo..<hi { v += p.itemUnitPrice[j] * p.itemQuantity[j] }
            return v
        case .loanPrincipal: return p.loanPrincipal[k]
        case .loanInterestPaid:
            var v: Int64 = 0
            for j in Int(p.interestStart[k])..<Int(p.interestStart[k + 1]) { v += p.interestAmount[j] }
            return v
        case .loanPrincipalByDay: return p.loanPrincipal[k]
        case .leaseEquipmentInvestment: return p.leaseInvestment[k]
        case .productCertificationTesting: return p.productAmount[k]
        case .itemValue: return p.itemUnitPrice[k] * p.itemQuantity[k]
        case .itemUnitPrice: return p.itemUnitPrice[k]
        case .itemTariffRate: return -1
        }
    }

    private static func check(_ test: CompiledPolicy.Test, _ policy: CompiledPolicy, _ p: Population, _ i: Int, unit k: Int) -> Bool {
        switch test {
        case let .categories(mask, all):
            return all ? (mask != 0 && p.categories[i] & mask == mask) : p.categories[i] & mask != 0
        case let .flag(flag, expected):
            let value: Bool
            switch flag {
            case .zeroLand: value = p.projectFlags[i] & 1 != 0
            case .importConfirmation: value = p.projectFlags[i] & 2 != 0
            case .loanCatalogueFirstOnMarket: value = p.loanFlags[k] & 1 != 0
            case .loanRelendingEligible: value = p.loanFlags[k] & 2 != 0
            case .leaseInnovativeProduct: value = p.leaseFlags[k] & 1 != 0
            case .itemImported: value = p.itemFlags[k] & 1 != 0
            case .itemReplacesOld: value = p.itemFlags[k] & 2 != 0
            case .itemNonExemptCatalogue: value = p.itemFlags[k] & 4 != 0
            }
            return value == expected
        case let .compare(q, comparison, threshold):
            guard let threshold else { return false }
            let figure = money(q, p, i, unit: k)
            guard figure >= 0 else { return false }
            switch comparison {
            case .atLeast: return figure >= threshold
            case .above: return figure > threshold
            case .atMost: return figure <= threshold
            case .below: return figure < threshold
            }
        case let .dateWithin(field, from, to):
            let date: Int32
            switch field {
            case .itemPurchased: date = p.itemPurchased[k]
            case .itemPutIntoUse: date = p.itemInUse[k]
            case .loanStart: date = p.loanStartDate[k]
            }
            guard date != 0 else { return false }
            return (from.map { $0 <= date } ?? true) && (to.map { date <= $0 } ?? true)
        case .present(let q):
            return money(q, p, i, unit: k) > 0
        case .purposeFrom(let t):
            let from = policy.purposeTables[t][Int(p.loanPurpose[k])]
            return from != Int32.max && p.loanStartDate[k] != 0 && from <= p.loanStartDate[k]
        case .planCheck(let c):
            // Only a project that states checks can fail one (most state none).
            guard let stated = p.planChecks[i] else { return true }
            if case .failed = policy.planChecks[c].outcome(stated, equipment: []) { return false }
            return true
        case .always:
            return true
        }
    }
}
