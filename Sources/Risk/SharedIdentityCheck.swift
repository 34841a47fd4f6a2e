import Policy

/// (d) Enterprises sharing a legal representative, an address or a phone, compared after
/// normalisation (`RiskNormal`). Every project of each enterprise concerned is flagged, naming
/// the other enterprises and their projects.
struct SharedIdentityCheck {
    let settings: RiskSettings

    func flags(_ population: RiskPopulation, focus: Set<RiskProjectRef>?) -> [RiskFlag] {
        var enterprises: [String: Enterprise] = [:]
        var projects: [String: [RiskProjectRef]] = [:]
        for entry in population.entries {
            if enterprises[entry.enterprise.creditCode] == nil { enterprises[entry.enterprise.creditCode] = entry.enterprise }
            projects[entry.enterprise.creditCode, default: []].append(entry.ref)
        }
        let fields: [(name: String, label: LocalizedText, value: (Enterprise) -> String?)] = [
            ("legalRepresentative", LocalizedText(zh: "法定代表人", en: "legal representative"), { RiskNormal.words($0.legalRepresentative) }),
            ("address", LocalizedText(zh: "地址", en: "address"), { e in
                RiskNormal.words(e.address).flatMap { $0.count >= settings.identityMinAddressCharacters ? $0 : nil } }),
            ("phone", LocalizedText(zh: "电话", en: "phone"), { e in
                RiskNormal.phone(e.phone).flatMap { $0.count >= settings.identityMinPhoneDigits ? $0 : nil } }),
        ]
        var out: [RiskFlag] = []
        for field in fields {
            var holders: [String: [String]] = [:]
            for (code, e) in enterprises { if let v = field.value(e) { holders[v, default: []].append(code) } }
            for (value, codes) in holders where codes.count > 1 {
                for code in codes {
                    let others = codes.filter { $0 != code }
                    let partnerProjects = others.flatMap { projects[$0] ?? [] }
                    for ref in projects[code] ?? [] where focus?.contains(ref) ?? true {
                        out.append(RiskFlag(
                            kind: .sharedIdentity, project: ref,
                            reason: LocalizedText(zh: "企业\(field.label.zh)与其他 \(others.count) 家企业相同：\(value)",
                                                  en: "the enterprise's \(field.label.en) is shared with \(others.count) other enterprise(s): \(value)"),
                            partners: partnerProjects, enterprises: others,
                            facts: [RiskFact("field", field.name), RiskFact("value", value)]))
                    }
                }
            }
        }
        return out
    }
}
