/// A `planChecks` object as the store keeps it: the writer's JSON, read back without the
/// vocabulary (it was validated when it was written; a question the library has since dropped
/// stays in the stored answers and simply scores nothing).
extension PlanChecks {
    public static func stored(_ text: String) -> PlanChecks? {
        guard let v = try? JSONParser.parse(text) else { return nil }
        func s(_ x: JSONValue?) -> String? {
            switch x {
            case .string(let t)?: return t
            case .number(let n)?: return n
            default: return nil
            }
        }
        var c = PlanChecks()
        if let d = v["dataCentre"], let kind = s(d["kind"]).flatMap(DataCentre.Kind.init(rawValue:)), let pue = s(d["pue"]).flatMap(Ratio.init(text:)) {
            c.dataCentre = DataCentre(kind: kind, pue: pue)
        }
        if let it = v["itEquipment"], let gain = s(it["efficiencyGain"]).flatMap(Ratio.init(text:)) {
            c.itEquipment = ITEquipmentRenewal(capacityKW: s(it["capacityKW"]).flatMap { Int($0) }, efficiencyGain: gain)
        }
        func answers(_ x: JSONValue?) -> [String: String]? {
            guard case .object(let members)? = x else { return nil }
            var out: [String: String] = [:]
            for (k, a) in members { if let t = s(a) { out[k] = t } }
            return out
        }
        if let sf = v["smartFactory"], let before = answers(sf["before"]), let after = answers(sf["after"]) {
            c.smartFactory = SmartFactoryAnswers(before: before, after: after)
        }
        if case .array(let items)? = v["secondHand"] {
            c.secondHand = items.compactMap { g in
                guard let item = s(g["item"]).flatMap({ Int($0) }), let grade = s(g["grade"]) else { return nil }
                return SecondHandGrading(item: item, grade: grade, evaluatedValue: s(g["evaluatedValue"]).flatMap(Money.init(yuanText:)),
                                         identifiedBy: s(g["identifiedBy"]), reportNumber: s(g["reportNumber"]),
                                         identifiedOn: s(g["identifiedOn"]).flatMap(Day.init(iso:)))
            }
        }
        return c.isEmpty ? nil : c
    }

    /// The text the store keeps.
    public var storedText: String { ProjectFileWriter.planChecks(self).serialized() }
}
