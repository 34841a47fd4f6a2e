import Policy

/// The kinds of resource the library keeps (measure 九's 资源库).
public enum ResourceKind: String, Sendable, CaseIterable {
    case pilotBase = "pilot-base"
    case financialProduct = "financial-product"
    case serviceProvider = "service-provider"
}

/// `workflow/resources.yaml`: the financial products' types and the rules by which resources are
/// offered to a project.
public struct ResourceRules: Sendable, Equatable {
    public struct ProductType: Sendable, Equatable {
        public var id: String
        public var name: LocalizedText
    }

    /// One condition on a project: every key given must hold.
    public struct Condition: Sendable, Equatable {
        public var hasLoan: Bool?
        public var hasLease: Bool?
        public var noFinancing: Bool?
        public var categoriesAny: [String]?
    }

    public struct Fit: Sendable, Equatable {
        public var id: String
        public var resource: ResourceKind
        /// Any of these holding makes the rule apply.
        public var whenAny: [Condition]
        public var productTypes: [String]?
        public var industry: Bool
        public var sameDistrict: Bool
        public var reason: LocalizedText
    }

    public var productTypes: [ProductType]
    public var fits: [Fit]

    public init(productTypes: [ProductType] = [], fits: [Fit] = []) {
        self.productTypes = productTypes
        self.fits = fits
    }

    public func productType(_ id: String) -> ProductType? { productTypes.first { $0.id == id } }
}

enum ResourceRulesReader {
    static func read(_ n: WorkflowNode, policy: PolicyLibrary) -> ResourceRules {
        var types: [ResourceRules.ProductType] = []
        for t in n.required("product_types")?.elements ?? [] {
            guard let id = t.string("id"), let name = t.text("name") else { continue }
            if types.contains(where: { $0.id == id }) { t.error(zh: "产品类型重复：\(id)", en: "product type repeated: \(id)") }
            types.append(.init(id: id, name: name))
        }
        let categories = Set(policy.vocabulary.categories.keys)
        var fits: [ResourceRules.Fit] = []
        for f in n.required("fits")?.elements ?? [] {
            guard let id = f.string("id"), let kindText = f.string("resource"), let reason = f.text("reason") else { continue }
            guard let kind = ResourceKind(rawValue: kindText) else {
                f.error(zh: "未知的资源种类：\(kindText)", en: "unknown resource kind: \(kindText)")
                continue
            }
            var conditions: [ResourceRules.Condition] = []
            for c in f.required("when_any")?.elements ?? [] {
                func flag(_ key: String) -> Bool? { c.child(key)?.scalar.map { $0 == "true" } }
                var cats: [String]?
                if c.child("categories_any") != nil {
                    cats = c.stringList("categories_any")
                    for cat in cats ?? [] where !categories.contains(cat) { c.error(zh: "没有类别“\(cat)”", en: "no category '\(cat)'") }
                }
                let condition = ResourceRules.Condition(hasLoan: flag("has_loan"), hasLease: flag("has_lease"), noFinancing: flag("no_financing"), categoriesAny: cats)
                if condition == ResourceRules.Condition() { c.error(zh: "条件为空", en: "an empty condition") }
                conditions.append(condition)
            }
            if conditions.isEmpty { f.error(zh: "至少一个条件", en: "at least one condition") }
            let offer = f.child("offer")
            var productTypes: [String]?
            if offer?.child("product_types") != nil {
                productTypes = offer?.stringList("product_types")
                if kind != .financialProduct { f.error(zh: "只有金融产品有产品类型", en: "only financial products have product types") }
                for p in productTypes ?? [] where !types.contains(where: { $0.id == p }) { f.error(zh: "没有产品类型“\(p)”", en: "no product type '\(p)'") }
            }
            fits.append(.init(id: id, resource: kind, whenAny: conditions, productTypes: productTypes,
                              industry: offer?.child("industry")?.scalar == "true", sameDistrict: offer?.child("same_district")?.scalar == "true",
                              reason: reason))
        }
        return ResourceRules(productTypes: types, fits: fits)
    }
}
