/// Evaluates one instrument for one project: conditions, base, ratio, cap and amount, with
/// every figure kept for the explanation.
struct InstrumentEvaluator {
    let policy: ResolvedPolicy
    let facts: ProjectFacts

    /// The instrument on its own, or with only the units in `subset` (a combination's share).
    func evaluate(_ def: InstrumentDefinition, subset: Set<Int>? = nil) -> InstrumentResult {
        var result = InstrumentResult(
            id: def.id, clause: def.clause, name: def.name, kind: def.kind, unit: def.unit, status: .notMatched,
            conditions: [], units: [], base: nil, ratio: nil, ratioIsMaximum: def.ratioIsMaximum, cap: nil,
            capScope: def.capScope, capAdvisory: false, capBinding: false, uncapped: .zero, amount: .zero,
            years: [], windowYears: nil, ratioPerUnit: false, provisional: false, priority: nil,
            measure: def.measure, notes: def.notes)
        if case .quantity = def.ratio { result.ratioPerUnit = true }
        if let key = def.years, case .integer(let n)? = policy.value(key) { result.windowYears = n }
        guard policy.isInForce(def) else {
            result.status = .notInForce
            result.notes.insert(LocalizedText(
                zh: "评估日 \(policy.day) 不在本政策施行期内（自 \(def.inForceFrom) 起\(def.inForceUntil.map { "至 \($0)" } ?? "")）",
                en: "not in force on \(policy.day) (in force from \(def.inForceFrom)\(def.inForceUntil.map { " to \($0)" } ?? ""))"), at: 0)
            return result
        }
        let conditions = ConditionEvaluator(policy: policy, facts: facts)
        result.conditions = def.conditions.map { conditions.evaluate($0, unit: 0) }
        let priorityConditions = result.conditions.filter { $0.role == .priority }
        if !priorityConditions.isEmpty { result.priority = priorityConditions.allSatisfy(\.held) }

        // Ratio and cap as in force on the day.
        var unstated = false
        var ratio: Ratio?
        if case .parameter(let key) = def.ratio {
            if case .ratio(let r)? = policy.value(key) { ratio = r } else { unstated = true }
        }
        result.ratio = ratio
        var cap: Money?
        if let key = def.cap {
            switch policy.value(key) {
            case .money(let m)?: cap = m
            default: result.notes.append(LocalizedText(zh: "上限未设定", en: "the cap is not set"))
            }
        }
        result.cap = cap
        if def.capInPrinciple && !policy.inPrincipleCapsAreHard {
            result.capAdvisory = true
            cap = nil
        }

        // Units: the project itself, or each contract / product / item with its own conditions.
        let count = facts.unitCount(def.unit)
        var eligible: [Int] = []
        for i in 0..<count {
            let unitConditions = def.unit == .project ? [] : def.unitConditions.map { conditions.evaluate($0, unit: i) }
            let ok = unitConditions.allSatisfy { $0.held || $0.role != .required }
            if ok { eligible.append(i) }
            if def.unit != .project {
                result.units.append(UnitResult(kind: def.unit, id: facts.unitId(def.unit, i), label: facts.unitLabel(def.unit, i),
                                               eligible: ok, conditions: unitConditions, base: .zero, ratio: nil,
                                               uncapped: .zero, amount: .zero, years: []))
            }
        }
        if def.unit != .project && eligible.isEmpty {
            result.conditions.append(ConditionResult(
                id: "has-eligible-\(def.unit.rawValue)",
                label: LocalizedText(zh: "至少有一项符合条件的\(def.unit.label.zh)", en: "at least one eligible \(def.unit.label.en)"),
                role: .required, held: false,
                detail: count == 0 ? LocalizedText(zh: "项目未填写\(def.unit.label.zh)", en: "the project lists no \(def.unit.label.en)") : nil))
        }
        let barred = result.conditions.contains { !$0.held && $0.role == .required }
        if barred { return result }
        result.status = unstated ? .amountUnstated : .matched
        if let tiers = def.tiers {
            // (十二): the tier the assessment reaches pays its amount, once the amount is set.
            switch ResolvedTiers(tiers, policy).outcome(facts.project.planChecks?.smartFactory) {
            case let .paid(_, amount, explanation):
                result.status = .matched
                result.uncapped = amount
                result.amount = cap.map { Money.min(amount, $0) } ?? amount
                result.capBinding = result.amount < amount
                result.notes.append(explanation)
            case .unstated(let explanation):
                result.status = .amountUnstated
                result.notes.append(explanation)
            }
            return result
        }
        guard let base = def.base else { return result }
        result.provisional = facts.isProvisional(base.quantity)
        let chosen = eligible.filter { subset?.contains($0) ?? true }
        if let subset {
            // A combination's line lists only the contracts assigned to it.
            let kept = Set(subset.map { facts.unitId(def.unit, $0) })
            result.units.removeAll { !kept.contains($0.id) }
        }
        AmountCalculator(policy: policy, facts: facts, def: def, ratio: ratio, cap: cap, unstated: unstated)
            .compute(base: base, units: chosen, into: &result)
        return result
    }
}
