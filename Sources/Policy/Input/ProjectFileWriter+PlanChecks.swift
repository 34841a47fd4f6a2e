/// The `planChecks` object written back, the inverse of `ProjectFileReader+PlanChecks`.
extension ProjectFileWriter {
    public static func planChecks(_ c: PlanChecks) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = []
        if let d = c.dataCentre {
            m.append(("dataCentre", .object([("kind", .string(d.kind.rawValue)), ("pue", .string(d.pue.decimalString))])))
        }
        if let it = c.itEquipment {
            var o: [(key: String, value: JSONValue)] = []
            if let k = it.capacityKW { o.append(("capacityKW", .number(String(k)))) }
            o.append(("efficiencyGain", .string(it.efficiencyGain.decimalString)))
            m.append(("itEquipment", .object(o)))
        }
        if let s = c.smartFactory {
            func answers(_ a: [String: String]) -> JSONValue { .object(a.keys.sorted().map { ($0, .string(a[$0]!)) }) }
            m.append(("smartFactory", .object([("before", answers(s.before)), ("after", answers(s.after))])))
        }
        if !c.secondHand.isEmpty {
            m.append(("secondHand", .array(c.secondHand.map { g in
                var o: [(key: String, value: JSONValue)] = [("item", .number(String(g.item))), ("grade", .string(g.grade))]
                if let v = g.evaluatedValue { o.append(("evaluatedValue", money(v))) }
                if let v = g.identifiedBy { o.append(("identifiedBy", .string(v))) }
                if let v = g.reportNumber { o.append(("reportNumber", .string(v))) }
                if let v = g.identifiedOn { o.append(("identifiedOn", .string(v.iso))) }
                return .object(o)
            })))
        }
        return .object(m)
    }
}
