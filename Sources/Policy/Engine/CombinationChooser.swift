/// Finds the recommended combination (readings 3, 4, 5, 7): over every admissible choice of
/// grant, the best assignment of loans and leases to financing instruments, and the largest
/// total of all.
///
/// Loans and leases are searched separately (no instrument takes both), and each grant choice
/// only changes which financing instruments are open (7c closes 7a and 7b), so the cost is the
/// number of grant choices times the two contract searches.
struct CombinationChooser {
    let policy: ResolvedPolicy
    let facts: ProjectFacts
    let definitions: [InstrumentDefinition]
    /// The standalone results, parallel to `definitions`.
    let results: [InstrumentResult]

    /// A candidate's rank: larger total, then more instruments, then lower instruments for
    /// earlier contracts, then the lower grant (reading 7).
    private struct Candidate {
        var grants: [Int]
        var choices: [UnitKind: ContractAssignmentSearch.Outcome]
        var total: Money
        var count: Int
        var sequence: [Int]
        var nodes: Int
        var exhaustive: Bool

        func beats(_ other: Candidate) -> Bool {
            if total != other.total { return total > other.total }
            if count != other.count { return count > other.count }
            return sequence.lexicographicallyPrecedes(other.sequence)
        }
    }

    func choose() -> Combination {
        let eligible = results.indices.filter { results[$0].isEligible }
        let grants = eligible.filter { definitions[$0].kind == .grant }
        let financing = eligible.filter { definitions[$0].kind == .financing }
        let grantOptions: [[Int]] = policy.oneGrantPerProject ? [[]] + grants.map { [$0] } : [grants]
        let contractKinds = UnitKind.allCases.filter { kind in financing.contains { definitions[$0].unit == kind } }

        var best: Candidate?
        for option in grantOptions {
            let closed = policy.replacementsApply ? Set(option.flatMap { definitions[$0].replaces }) : []
            let open = financing.filter { !closed.contains(definitions[$0].id) }
            var candidate = Candidate(grants: option, choices: [:], total: option.map { results[$0].amount }.sum(),
                                      count: option.count, sequence: [], nodes: 0, exhaustive: true)
            for kind in contractKinds {
                let outcome = search(kind: kind, open: open.filter { definitions[$0].unit == kind })
                candidate.choices[kind] = outcome
                candidate.total += outcome.total
                candidate.count += outcome.instrumentCount
                candidate.sequence += outcome.choice.map { $0.map { definitions[$0].order } ?? Int.max }
                candidate.nodes += outcome.nodes
                candidate.exhaustive = candidate.exhaustive && outcome.exhaustive
            }
            candidate.sequence += option.map { definitions[$0].order }
            if best.map({ candidate.beats($0) }) ?? true { best = candidate }
        }
        return combination(best!, eligible: eligible, searchedNodes: 0)
    }

    /// The best assignment of this kind's contracts among the open instruments (positions into
    /// `definitions`); the outcome's choices are positions into `definitions` too.
    private func search(kind: UnitKind, open: [Int]) -> ContractAssignmentSearch.Outcome {
        let instruments = open.map { f -> ContractAssignmentSearch.Instrument in
            let r = results[f]
            return .init(cap: r.capScope == .project && !r.capAdvisory ? r.cap : nil)
        }
        let count = facts.unitCount(kind)
        let options: [[ContractAssignmentSearch.Option]] = (0..<count).map { u in
            open.enumerated().compactMap { (position, f) in
                let unit = results[f].units[u]
                guard unit.eligible else { return nil }
                let value = results[f].capScope == .unit ? Money.min(unit.uncapped, results[f].cap ?? unit.uncapped) : unit.uncapped
                return .init(instrument: position, value: value)
            }
        }
        if !policy.oneInstrumentPerContract {
            // Contracts may stack instruments: each instrument takes all its contracts.
            let total = open.map { results[$0].amount }.sum()
            return .init(choice: Array(repeating: nil, count: count), total: total,
                         instrumentCount: open.filter { results[$0].units.contains(where: \.eligible) }.count,
                         nodes: 1, exhaustive: true)
        }
        var outcome = ContractAssignmentSearch(instruments: instruments, options: options).run()
        outcome.choice = outcome.choice.map { $0.map { open[$0] } }
        return outcome
    }

    private func combination(_ c: Candidate, eligible: [Int], searchedNodes: Int) -> Combination {
        let evaluator = InstrumentEvaluator(policy: policy, facts: facts)
        var assignments: [Combination.Assignment] = []
        var lines: [Int: InstrumentResult] = [:]
        for g in c.grants { lines[g] = results[g] }
        for (kind, outcome) in c.choices.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            if !policy.oneInstrumentPerContract {
                for f in eligible where definitions[f].kind == .financing && definitions[f].unit == kind {
                    let closed = policy.replacementsApply && c.grants.contains { definitions[$0].replaces.contains(definitions[f].id) }
                    if closed { continue }
                    lines[f] = results[f]
                    for unit in results[f].units where unit.eligible {
                        assignments.append(.init(unit: kind, unitId: unit.id, instrument: definitions[f].id))
                    }
                }
                continue
            }
            var subsets: [Int: Set<Int>] = [:]
            for (u, f) in outcome.choice.enumerated() {
                guard let f else { continue }
                subsets[f, default: []].insert(u)
                assignments.append(.init(unit: kind, unitId: facts.unitId(kind, u), instrument: definitions[f].id))
            }
            for (f, subset) in subsets { lines[f] = evaluator.evaluate(definitions[f], subset: subset) }
        }
        let ordered = lines.keys.sorted().map { lines[$0]! }
        let chosenIds = Set(ordered.map(\.id))
        var excluded: [Combination.Exclusion] = []
        var alternatives: [String] = []
        for e in eligible where !chosenIds.contains(definitions[e].id) {
            let def = definitions[e]
            if let replacer = c.grants.first(where: { definitions[$0].replaces.contains(def.id) }), policy.replacementsApply {
                excluded.append(.init(instrument: def.id, reason: LocalizedText(
                    zh: "选择（\(definitions[replacer].id)）时不再享受本项（\(definitions[replacer].name.zh)替代\(def.id)）",
                    en: "replaced by \(definitions[replacer].id) (\(definitions[replacer].name.en)), which the combination takes")))
            } else if def.kind == .grant {
                alternatives.append(def.id)
                let chosen = c.grants.first.map { definitions[$0].id }
                excluded.append(.init(instrument: def.id, reason: LocalizedText(
                    zh: chosen.map { "每个项目只享受一项补助，推荐组合选择了（\($0)）" } ?? "每个项目只享受一项补助，不选本项时总额更高",
                    en: chosen.map { "one grant per project: the combination takes \($0)" } ?? "one grant per project: the combination is larger without it")))
            } else {
                excluded.append(.init(instrument: def.id, reason: LocalizedText(
                    zh: "每笔合同只享受一项支持，其合同在其他政策下合计更高",
                    en: "one instrument per contract: its contracts pay more in total under another instrument")))
            }
        }
        return Combination(grant: c.grants.first.map { definitions[$0].id }, assignments: assignments, lines: ordered,
                           total: ordered.map(\.amount).sum(), exhaustive: c.exhaustive, searched: c.nodes,
                           alternatives: alternatives, excluded: excluded)
    }
}
