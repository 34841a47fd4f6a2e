import Policy

/// (f) The same contract supported twice: one contract number with the same counterparty (the
/// lender of a loan, the lessor of a lease) in two places — two projects, or twice in one. A
/// certification or product contract names no counterparty in the format, so its number is
/// compared within its own kind of contract.
enum SameContractCheck {
    struct Key: Hashable {
        var family: String
        var counterparty: String
        var number: String
    }

    static func flags(_ population: RiskPopulation, focus: Set<RiskProjectRef>?) -> [RiskFlag] {
        var items: [(key: Key, ref: RiskProjectRef, where: String)] = []
        for entry in population.entries {
            let p = entry.project
            func add(_ family: String, _ counterparty: String?, _ number: String?, _ at: String) {
                guard let n = RiskNormal.identifier(number) else { return }
                items.append((Key(family: family, counterparty: RiskNormal.words(counterparty) ?? "", number: n), entry.ref, at))
            }
            for (i, l) in p.loans.enumerated() { add("loan", l.lender, l.contractNumber, "loans[\(i)]") }
            for (i, l) in p.leases.enumerated() { add("lease", l.lessor, l.contractNumber, "leases[\(i)]") }
            for (i, c) in p.certifications.enumerated() { add("certification", nil, c.contractNumber, "certifications[\(i)]") }
            for (slot, c) in [("innovativeProductContract", p.innovativeProductContract), ("marketContract", p.marketContract),
                              ("softwareSales", p.softwareSales)] {
                add("product", nil, c?.contractNumber, slot)
            }
        }
        var out: [RiskFlag] = []
        for (key, occurrences) in RiskScanner.shared(items, acrossProjects: false) {
            for ref in Set(occurrences.map(\.ref)) where focus?.contains(ref) ?? true {
                let mine = occurrences.filter { $0.ref == ref }
                let elsewhere = occurrences.filter { $0.ref != ref }
                // Twice within this project alone: the project is its own partner.
                let partners = elsewhere.isEmpty ? [ref] : Array(Set(elsewhere.map(\.ref)))
                let counterparty = key.counterparty.isEmpty ? "" : "（\(key.counterparty)）"
                out.append(RiskFlag(
                    kind: .sameContract, project: ref,
                    reason: LocalizedText(zh: "合同编号 \(key.number)\(counterparty) 已在 \(occurrences.count - 1) 处另行申报支持",
                                          en: "contract \(key.number)\(key.counterparty.isEmpty ? "" : " with \(key.counterparty)") is claimed in \(occurrences.count - 1) other place(s)"),
                    partners: partners, enterprises: Array(Set(partners.map(\.creditCode)).subtracting([ref.creditCode])),
                    facts: [RiskFact("contractNumber", key.number), RiskFact("contractKind", key.family),
                            RiskFact("counterparty", key.counterparty),
                            RiskFact("places", occurrences.map { "\($0.ref)#\($0.where)" }.joined(separator: ", "))]
                        .filter { !$0.value.isEmpty }
                        + [RiskFact("in", mine.map(\.where).joined(separator: ", "))]))
            }
        }
        return out
    }
}
