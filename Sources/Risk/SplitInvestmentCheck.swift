import Policy

/// (b) One investment split into several projects that each stay under a threshold of the
/// library while together they reach it: projects of one enterprise, or of enterprises sharing
/// a legal representative, whose periods overlap and whose applications are close in time.
struct SplitInvestmentCheck {
    let scanner: RiskScanner

    func flags(_ population: RiskPopulation, focus: Set<RiskProjectRef>?) -> [RiskFlag] {
        // Groups: one enterprise, joined with those sharing its (normalised) representative.
        var groupOf: [String: String] = [:]
        var byRepresentative: [String: String] = [:]
        for entry in population.entries {
            let code = entry.enterprise.creditCode
            guard groupOf[code] == nil else { continue }
            if let rep = RiskNormal.words(entry.enterprise.legalRepresentative) {
                if let group = byRepresentative[rep] { groupOf[code] = group } else { byRepresentative[rep] = code; groupOf[code] = code }
            } else { groupOf[code] = code }
        }
        var members: [String: [RiskPopulation.Entry]] = [:]
        for entry in population.entries { members[groupOf[entry.enterprise.creditCode]!, default: []].append(entry) }

        var out: [RiskFlag] = []
        for entry in population.entries where focus?.contains(entry.ref) ?? true {
            guard let mine = entry.project.investment.declared, let period = Self.period(entry.project) else { continue }
            let group = members[groupOf[entry.enterprise.creditCode]!] ?? []
            guard group.count > 1 else { continue }
            let day = entry.project.applicationDate ?? scanner.day
            for key in scanner.settings.splitThresholds {
                guard let threshold = scanner.money(key, on: day), mine < threshold else { continue }
                let parts = group.filter { other in
                    guard other.ref != entry.ref, let d = other.project.investment.declared, d < threshold,
                          let p = Self.period(other.project), p.lowerBound <= period.upperBound, period.lowerBound <= p.upperBound
                    else { return false }
                    return close(entry.project.applicationDate, other.project.applicationDate)
                }
                let total = parts.compactMap(\.project.investment.declared).sum() + mine
                guard !parts.isEmpty, total >= threshold else { continue }
                let label = scanner.library.parameters[key]?.label ?? LocalizedText(zh: key, en: key)
                out.append(RiskFlag(
                    kind: .splitInvestment, project: entry.ref,
                    reason: LocalizedText(
                        zh: "本项目申报投资 \(mine.grouped) 元低于“\(label.zh)”\(threshold.grouped) 元，与同期的 \(parts.count) 个关联项目合计 \(total.grouped) 元，达到该门槛",
                        en: "declared investment \(mine.grouped) yuan is under \(threshold.grouped) yuan (\(label.en)); with \(parts.count) related project(s) of the same period it totals \(total.grouped) yuan, at or above it"),
                    partners: parts.map(\.ref),
                    enterprises: Array(Set(parts.map(\.enterprise.creditCode)).subtracting([entry.enterprise.creditCode])),
                    facts: [RiskFact("threshold", key), RiskFact("thresholdAmount", threshold.decimalString),
                            RiskFact("declared", mine.decimalString), RiskFact("total", total.decimalString)]))
            }
        }
        return out
    }

    /// The project's period: start to end, a single day when it has no end; nil without a start.
    static func period(_ p: Project) -> ClosedRange<Day>? {
        guard let start = p.startDate else { return nil }
        return start...max(start, p.endDate ?? start)
    }

    func close(_ a: Day?, _ b: Day?) -> Bool {
        guard let a, let b else { return true }
        return abs(a.daysSince1970 - b.daysSince1970) <= scanner.settings.splitMaxDaysApart
    }
}
