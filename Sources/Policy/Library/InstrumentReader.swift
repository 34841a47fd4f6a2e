/// Reads one instrument file. The numeric fields (ratio, cap, years) become parameters named
/// `ID.field`, so a reform or an administrator can change them like any other parameter.
struct InstrumentReader {
    let node: LibraryNode
    let order: Int
    let clauses: [String: Clause]
    let defaultFrom: Day?
    /// Parameters defined inline by this instrument.
    var parameters: [Parameter] = []

    init(node: LibraryNode, order: Int, clauses: [String: Clause], defaultFrom: Day?) {
        self.node = node
        self.order = order
        self.clauses = clauses
        self.defaultFrom = defaultFrom
    }

    mutating func read() -> InstrumentDefinition? {
        let n = node
        guard let id = n.string("id"), let clause = n.string("clause"), let name = n.text("name"),
              let text = n.text("text"), let kindText = n.string("kind"), let unitText = n.string("unit"),
              let from = n.required("in_force_from")?.day, let source = n.text("source") else { return nil }
        guard let kind = InstrumentDefinition.Kind(rawValue: kindText) else {
            n.error("unknown kind '\(kindText)' (grant, financing, national)"); return nil
        }
        guard let unit = UnitKind(rawValue: unitText) else {
            n.error("unknown unit '\(unitText)' (\(UnitKind.allCases.map(\.rawValue).joined(separator: ", ")))"); return nil
        }
        let conditions = n.child("conditions")?.elements.compactMap { condition($0, id: id) } ?? []
        let unitConditions = n.child("unit_conditions")?.elements.compactMap { condition($0, id: id) } ?? []
        var base: BaseDefinition?
        if let b = n.child("base"), let q = b.string("quantity").flatMap({ quantity($0, b) }) {
            base = BaseDefinition(quantity: q, label: b.child("label")?.localized ?? q.label)
        }
        guard let ratioNode = n.required("ratio") else { return nil }
        let ratio: RatioSource
        if let q = ratioNode.child("quantity")?.scalar {
            guard let qq = quantity(q, ratioNode) else { return nil }
            ratio = .quantity(qq)
        } else {
            guard let key = parameterField("ratio", ratioNode, id: id, type: .ratio, from: from) else { return nil }
            ratio = .parameter(key)
        }
        let cap = n.child("cap").flatMap { parameterField("cap", $0, id: id, type: .money, from: from) }
        let years = n.child("years").flatMap { parameterField("years", $0, id: id, type: .integer, from: from) }
        var capScope = InstrumentDefinition.CapScope.project
        if let s = n.optionalString("cap_scope") {
            if let c = InstrumentDefinition.CapScope(rawValue: s) { capScope = c } else { n.error("cap_scope must be project or unit") }
        }
        let units = n.child("responsible_units")?.elements.compactMap(\.localized)
            ?? clauses[clause]?.responsibleUnits ?? []
        return InstrumentDefinition(
            id: id, clause: clause, kind: kind, unit: unit, name: name, text: text,
            inForceFrom: from, inForceUntil: n.child("in_force_until")?.day,
            conditions: conditions, unitConditions: unitConditions, base: base, ratio: ratio,
            ratioIsMaximum: n.child("ratio_is_maximum")?.bool ?? false,
            cap: cap, capScope: capScope, capInPrinciple: n.child("cap_in_principle")?.bool ?? false,
            years: years, countedFrom: n.child("counted_from")?.child("param")?.scalar,
            baseLimit: n.optionalString("base_limit").flatMap { quantity($0, n) },
            replaces: n.stringList("replaces"), measure: n.child("measure")?.localized,
            responsibleUnits: units, source: source,
            notes: n.child("notes")?.elements.compactMap(\.localized) ?? [], order: order,
            tiers: n.child("tiers").flatMap(tiers))
    }

    /// `tiers: {basis: {param: KEY}, amounts: [{param: KEY}, …]}`.
    func tiers(_ n: LibraryNode) -> TierDefinition? {
        guard let basis = n.required("basis")?.child("param")?.scalar else { n.error("tiers need basis: {param: KEY}"); return nil }
        let amounts = (n.required("amounts")?.elements ?? []).compactMap { $0.child("param")?.scalar }
        if amounts.isEmpty { n.error("tiers need amounts: [{param: KEY}, …]") }
        return TierDefinition(basis: basis, amounts: amounts)
    }

    func quantity(_ name: String, _ at: LibraryNode) -> Quantity? {
        if let q = Quantity(rawValue: name) { return q }
        at.error("unknown quantity '\(name)' (one of \(Quantity.allCases.map(\.rawValue).joined(separator: ", ")))")
        return nil
    }

    /// `{param: KEY}` refers to a shared parameter; anything else defines `ID.FIELD` here.
    mutating func parameterField(_ field: String, _ n: LibraryNode, id: String, type: ParameterType, from: Day) -> String? {
        if let key = n.child("param")?.scalar { return key }
        let key = "\(id).\(field)"
        let values = ParameterReader.datedValues(n, type: type, options: nil, defaultFrom: from)
        guard !values.isEmpty else { n.error("no value"); return nil }
        parameters.append(Parameter(key: key, type: type, label: nil, values: values,
                                    source: LocalizedText(zh: "第（\(node.optionalString("clause") ?? "")）条", en: "clause (\(node.optionalString("clause") ?? ""))"),
                                    options: nil))
        return key
    }

    func condition(_ c: LibraryNode, id: String) -> ConditionDefinition? {
        guard let cid = c.string("id"), let label = c.text("label") else { return nil }
        var role = ConditionDefinition.RoleSource.fixed(.required)
        if let r = c.child("role") {
            if let key = r.child("param")?.scalar { role = .parameter(key) }
            else if let word = r.scalar {
                guard let fixed = ConditionRole(rawValue: word) else { r.error("role must be required, priority or waived"); return nil }
                role = .fixed(fixed)
            }
        }
        guard let test = test(c) else { return nil }
        var definition = ConditionDefinition(id: cid, label: label, test: test, role: role)
        if let node = c.child("catalogue") {
            guard let check = catalogueCheck(node) else { return nil }
            definition.catalogue = check
        }
        if let node = c.child("recognition") {
            guard let check = recognitionCheck(node) else { return nil }
            definition.recognition = check
        }
        if let word = c.optionalString("designation") {
            guard let check = DesignationCheck(rawValue: word) else {
                c.error("unknown designation check '\(word)' (one of \(DesignationCheck.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
            definition.designation = check
        }
        return definition
    }

    /// `catalogue: {product: loan | lease | contract.market, needs: [listed, first_on_market, especially_innovative]}`.
    func catalogueCheck(_ n: LibraryNode) -> CatalogueCheck? {
        guard let p = n.string("product") else { return nil }
        guard let product = CatalogueCheck.ProductSource(rawValue: p) else {
            n.error("unknown catalogue product '\(p)' (one of \(CatalogueCheck.ProductSource.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        var needs: Set<CatalogueCheck.Need> = []
        for word in n.stringList("needs") {
            guard let need = CatalogueCheck.Need(rawValue: word) else {
                n.error("unknown catalogue need '\(word)' (one of \(CatalogueCheck.Need.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
            needs.insert(need)
        }
        return CatalogueCheck(product: product, needs: needs)
    }

    /// `recognition: {product: contract.innovative_product, kinds: [KIND, …], valid_years: N}`.
    func recognitionCheck(_ n: LibraryNode) -> RecognitionCheck? {
        guard let p = n.string("product") else { return nil }
        guard let product = RecognitionCheck.ProductSource(rawValue: p) else {
            n.error("unknown recognition product '\(p)' (one of \(RecognitionCheck.ProductSource.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        let kinds = n.stringList("kinds")
        guard !kinds.isEmpty else { n.error("a recognition check names the kinds of list that decide it"); return nil }
        var years: Int?
        if let y = n.optionalString("valid_years") {
            guard let v = Int(y), (1...50).contains(v) else { n.error("valid_years must be a whole number from 1 to 50"); return nil }
            years = v
        }
        return RecognitionCheck(product: product, kinds: kinds, validYears: years)
    }

    func test(_ c: LibraryNode) -> ConditionTest? {
        if let cat = c.optionalString("category") { return .category(cat) }
        if let any = c.child("any_category") { return .anyCategory(any.elements.compactMap(\.scalar)) }
        if let f = c.optionalString("flag") {
            guard let flag = Flag(rawValue: f) else {
                c.error("unknown flag '\(f)' (one of \(Flag.allCases.map(\.rawValue).joined(separator: ", ")))"); return nil
            }
            return .flag(flag, expected: c.child("equals")?.bool ?? true)
        }
        if let d = c.optionalString("date") {
            guard let field = DateField(rawValue: d) else { c.error("unknown date '\(d)'"); return nil }
            return .dateWithin(field, from: c.child("from")?.child("param")?.scalar, to: c.child("to")?.child("param")?.scalar)
        }
        if let p = c.optionalString("present") { return quantity(p, c).map { .present($0) } }
        if let map = c.child("purpose_from") {
            var days: [LoanPurpose: String] = [:]
            for purpose in LoanPurpose.allCases {
                guard let entry = map.child(purpose.rawValue) else { continue }
                guard let key = entry.child("param")?.scalar else { entry.error("expected {param: KEY}"); return nil }
                days[purpose] = key
            }
            if days.isEmpty { map.error("purpose_from lists none of \(LoanPurpose.allCases.map(\.rawValue).joined(separator: ", "))") }
            return .purposeFrom(days)
        }
        if let k = c.optionalString("plan_check") {
            guard let kind = PlanCheckKind(rawValue: k) else {
                c.error("unknown plan_check '\(k)' (one of \(PlanCheckKind.allCases.map(\.rawValue).joined(separator: ", ")))"); return nil
            }
            var thresholds: [String: String] = [:]
            for role in kind.thresholdRoles {
                guard let key = c.child(role)?.child("param")?.scalar else { c.error("plan_check \(k) needs \(role): {param: KEY}"); return nil }
                thresholds[role] = key
            }
            return .planCheck(kind, thresholds: thresholds)
        }
        if let q = c.optionalString("quantity") {
            guard let qq = quantity(q, c) else { return nil }
            for comparison in [ConditionTest.Comparison.atLeast, .above, .atMost, .below] {
                guard let t = c.child(comparison.rawValue) else { continue }
                if let key = t.child("param")?.scalar { return .compare(qq, comparison, threshold: .parameter(key)) }
                if let s = t.scalar, let m = Money(yuanText: s) { return .compare(qq, comparison, threshold: .literal(m)) }
                t.error("expected {param: KEY} or an amount")
                return nil
            }
            c.error("a quantity condition needs at_least, above, at_most or below")
            return nil
        }
        c.error("a condition needs one of: category, any_category, flag, date, present, purpose_from, plan_check, quantity")
        return nil
    }
}
