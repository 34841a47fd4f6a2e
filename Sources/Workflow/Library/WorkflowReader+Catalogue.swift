import Policy

extension WorkflowReader {
    /// `catalogue.yaml`: expert review, the committee's quorum and majority, the listing's periods.
    static func catalogue(_ root: WorkflowNode, policy: PolicyLibrary) -> CatalogueRules? {
        guard let clause = root.string("clause"), let e = root.required("expert_review"), let c = root.required("committee"),
              let l = root.required("listing") else { return nil }
        func share(_ n: WorkflowNode, _ key: String) -> CatalogueRules.Fraction? {
            guard let text = n.string(key) else { return nil }
            guard let f = CatalogueRules.Fraction(text: text) else {
                n.child(key)?.error(zh: "应为 0 至 1 之间的分数，如 \"2/3\"：\(text)", en: "expected a share from 0 to 1, such as \"2/3\": \(text)")
                return nil
            }
            return f
        }
        guard let opinions = e.integer("min_opinions"), let votes = c.integer("quorum_votes"),
              let quorumShare = share(c, "quorum_share"), let majority = share(c, "majority"),
              let validity = l.integer("validity_years"), let renewal = l.integer("renewal_years"),
              let within = l.integer("first_on_market_within_years"), let prefix = l.string("mark_prefix") else { return nil }
        var categories: [CatalogueRules.Category] = []
        for n in root.required("categories")?.elements ?? [] {
            guard let id = n.string("id"), let name = n.text("name") else { continue }
            if categories.contains(where: { $0.id == id }) {
                n.error(zh: "类别重复：\(id)", en: "a category given twice: \(id)")
            }
            categories.append(CatalogueRules.Category(id: id, name: name))
        }
        if categories.isEmpty { root.child("categories")?.error(zh: "至少一个申报类别", en: "at least one category of submission") }
        if validity < 1 { l.child("validity_years")?.error(zh: "有效期至少 1 年", en: "a listing stands at least a year") }
        if renewal < 1 { l.child("renewal_years")?.error(zh: "续期至少 1 年", en: "a renewal adds at least a year") }
        if votes < 1 { c.child("quorum_votes")?.error(zh: "法定人数至少 1 票", en: "the quorum is at least one vote") }
        if majority.numerator * 2 < majority.denominator {
            c.child("majority")?.error(zh: "多数应不少于 1/2", en: "a majority is at least 1/2")
        }
        var rules = CatalogueRules(clause: clause, minExpertOpinions: opinions, quorumVotes: votes, quorumShare: quorumShare, majority: majority,
                                   validityYears: validity, renewalYears: renewal, firstOnMarketWithinYears: within, markPrefix: prefix,
                                   categories: categories)
        if let counts = root.child("counts") {
            guard let target = counts.string("target"), let measure = counts.string("measure") else { return nil }
            if policy.targets.first(where: { $0.id == target })?.measures.contains(where: { $0.id == measure }) != true {
                counts.error(zh: "没有目标 \(target) 的指标“\(measure)”", en: "no measure '\(measure)' of target \(target)")
            } else if policy.targets.contains(where: { $0.measures.contains { $0.id == measure && $0.counted != nil } }) {
                counts.error(zh: "指标“\(measure)”已由项目库统计", en: "the measure '\(measure)' is counted from the projects already")
            }
            rules.countsMeasure = measure
        }
        return rules
    }
}
