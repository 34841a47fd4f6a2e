import Policy

/// Which resources fit a project, by the rules of `resources.yaml`, with the reason of each.
/// Pure: the project's facts and the resources' are given.
public enum ResourceFit {
    public struct ProjectFacts: Sendable {
        public var categories: Set<String>
        public var hasLoan: Bool
        public var hasLease: Bool
        /// GB/T 4754, e.g. `C2651`.
        public var industryCode: String
        public var district: String
        public init(categories: Set<String>, hasLoan: Bool, hasLease: Bool, industryCode: String, district: String) {
            self.categories = categories
            self.hasLoan = hasLoan
            self.hasLease = hasLease
            self.industryCode = industryCode
            self.district = district
        }
    }

    public struct ResourceFacts: Sendable {
        public var id: String
        public var kind: ResourceKind
        public var productType: String?
        /// Industry code prefixes served; empty: every industry.
        public var industries: [String]
        public var district: String?
        public init(id: String, kind: ResourceKind, productType: String?, industries: [String], district: String?) {
            self.id = id
            self.kind = kind
            self.productType = productType
            self.industries = industries
            self.district = district
        }
    }

    public struct Offer: Sendable, Equatable {
        public var resource: String
        public var rule: String
        public var reason: LocalizedText
    }

    static func holds(_ c: ResourceRules.Condition, _ p: ProjectFacts) -> Bool {
        if let v = c.hasLoan, v != p.hasLoan { return false }
        if let v = c.hasLease, v != p.hasLease { return false }
        if let v = c.noFinancing, v != (!p.hasLoan && !p.hasLease) { return false }
        if let cats = c.categoriesAny, p.categories.isDisjoint(with: cats) { return false }
        return true
    }

    /// Each fitting resource once per rule, in the rules' order and then the resources'.
    public static func offers(project p: ProjectFacts, resources: [ResourceFacts], rules: ResourceRules) -> [Offer] {
        var out: [Offer] = []
        for rule in rules.fits where rule.whenAny.contains(where: { holds($0, p) }) {
            for r in resources where r.kind == rule.resource {
                if let types = rule.productTypes, !types.contains(r.productType ?? "") { continue }
                if rule.industry, !r.industries.isEmpty, !r.industries.contains(where: { p.industryCode.hasPrefix($0) }) { continue }
                if rule.sameDistrict, r.district != p.district { continue }
                var reason = rule.reason
                if rule.industry, let prefix = r.industries.first(where: { p.industryCode.hasPrefix($0) }) {
                    reason = LocalizedText(zh: reason.zh + "（服务行业 \(prefix)）", en: reason.en + " (serves industry \(prefix))")
                }
                out.append(Offer(resource: r.id, rule: rule.id, reason: reason))
            }
        }
        return out
    }
}
