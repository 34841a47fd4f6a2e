/// The engine's answers written as JSON bytes in one pass: the same members, names and
/// omissions as their `Codable` encoding (a test holds the two equal on every example, so a
/// member added to an engine type and not here fails it), at a
/// fraction of the cost, since the API writes a plan of some 50 KB for every request.
public enum PlanJSONWriter {
    public static func bytes(_ plan: EnterprisePlan) -> [UInt8] {
        var out = JSONOutput(capacity: 64 * 1024)
        plan.write(to: &out)
        return out.bytes
    }

    public static func bytes(_ evaluation: ProjectEvaluation) -> [UInt8] {
        var out = JSONOutput(capacity: 32 * 1024)
        evaluation.write(to: &out)
        return out.bytes
    }
}

extension JSONOutput {
    public mutating func member(_ name: StaticString, _ value: Money) { key(name); money(value) }
    public mutating func member(_ name: StaticString, _ value: Money?) { if let value { member(name, value) } }
    public mutating func member(_ name: StaticString, _ value: Ratio?) { if let value { key(name); plainString(value.decimalString) } }
    public mutating func member(_ name: StaticString, _ value: Day) { key(name); plainString(value.iso) }
    public mutating func member(_ name: StaticString, _ value: LocalizedText) { key(name); value.write(to: &self) }
    public mutating func member(_ name: StaticString, _ value: LocalizedText?) { if let value { member(name, value) } }

    /// An array member, each element written by `element`.
    public mutating func member<C: Collection>(_ name: StaticString, _ values: C, _ element: (inout JSONOutput, C.Element) -> Void) {
        key(name)
        beginArray()
        for v in values { element(&self, v) }
        endArray()
    }
}

extension LocalizedText {
    public func write(to out: inout JSONOutput) {
        out.beginObject()
        out.member("zh", zh)
        out.member("en", en)
        out.endObject()
    }
}

extension EnterprisePlan {
    public func write(to out: inout JSONOutput) {
        out.beginObject()
        out.key("enterprise")
        out.beginObject()
        out.member("creditCode", enterprise.creditCode)
        out.member("name", enterprise.name)
        out.member("district", enterprise.district)
        out.member("districtName", enterprise.districtName)
        out.member("industryCode", enterprise.industryCode)
        out.endObject()
        out.member("projects", projects) { o, p in p.write(to: &o) }
        out.member("cityTotals", cityTotals) { o, t in t.write(to: &o) }
        out.member("cityTotal", cityTotal)
        out.member("nationalTotals", nationalTotals) { o, t in t.write(to: &o) }
        out.endObject()
    }
}

extension EnterprisePlan.InstrumentTotal {
    func write(to out: inout JSONOutput) {
        out.beginObject()
        out.member("id", id)
        out.member("name", name)
        out.member("amount", amount)
        out.member("projects", projects)
        out.member("includesUnstated", includesUnstated)
        out.member("measure", measure)
        out.endObject()
    }
}

extension ProjectEvaluation {
    public func write(to out: inout JSONOutput) {
        out.beginObject()
        out.member("projectId", projectId)
        out.member("projectName", projectName)
        out.member("evaluationDate", evaluationDate)
        out.member("instruments", instruments) { o, r in r.write(to: &o) }
        out.member("national", national) { o, r in r.write(to: &o) }
        out.key("recommendation")
        recommendation.write(to: &out)
        out.member("missing", missing) { o, m in m.write(to: &o) }
        out.endObject()
    }
}

extension Combination {
    func write(to out: inout JSONOutput) {
        out.beginObject()
        out.member("grant", grant)
        out.member("assignments", assignments) { o, a in a.write(to: &o) }
        out.member("lines", lines) { o, r in r.write(to: &o) }
        out.member("total", total)
        out.member("exhaustive", exhaustive)
        out.member("searched", searched)
        out.member("alternatives", alternatives) { o, a in o.string(a) }
        out.member("excluded", excluded) { o, e in
            o.beginObject()
            o.member("instrument", e.instrument)
            o.member("reason", e.reason)
            o.endObject()
        }
        out.endObject()
    }
}

extension Combination.Assignment {
    func write(to out: inout JSONOutput) {
        out.beginObject()
        out.member("unit", unit.rawValue)
        out.member("unitId", unitId)
        out.member("instrument", instrument)
        out.endObject()
    }
}

extension InstrumentResult {
    func write(to out: inout JSONOutput) {
        out.beginObject()
        out.member("id", id)
        out.member("clause", clause)
        out.member("name", name)
        out.member("kind", kind.rawValue)
        out.member("unit", unit.rawValue)
        out.member("status", status.rawValue)
        out.member("conditions", conditions) { o, c in c.write(to: &o) }
        out.member("units", units) { o, u in u.write(to: &o) }
        if let base {
            out.key("base")
            out.beginObject()
            out.member("quantity", base.quantity)
            out.member("label", base.label)
            out.member("amount", base.amount)
            out.endObject()
        }
        out.member("ratio", ratio)
        out.member("ratioIsMaximum", ratioIsMaximum)
        out.member("cap", cap)
        out.member("capScope", capScope.rawValue)
        out.member("capAdvisory", capAdvisory)
        out.member("capBinding", capBinding)
        out.member("uncapped", uncapped)
        out.member("amount", amount)
        out.member("years", years) { o, y in y.write(to: &o) }
        out.member("windowYears", windowYears)
        out.member("ratioPerUnit", ratioPerUnit)
        out.member("provisional", provisional)
        out.member("priority", priority)
        out.member("measure", measure)
        out.member("notes", notes) { o, n in n.write(to: &o) }
        out.endObject()
    }
}

extension ConditionResult {
    func write(to out: inout JSONOutput) {
        out.beginObject()
        out.member("id", id)
        out.member("label", label)
        out.member("role", role.rawValue)
        out.member("held", held)
        out.member("figure", figure)
        out.member("threshold", threshold)
        out.member("shortfall", shortfall)
        out.member("detail", detail)
        if let e = catalogueEntry {
            out.key("catalogueEntry")
            e.write(to: &out)
        }
        if let e = listEntry {
            out.key("listEntry")
            out.beginObject()
            out.member("key", e.key)
            out.member("name", e.name)
            out.member("kind", e.kind)
            out.member("year", e.year)
            out.member("edition", e.edition)
            out.member("editionTitle", e.editionTitle)
            out.member("publishedOn", e.publishedOn.iso)
            out.member("checkedOn", e.checkedOn.iso)
            out.endObject()
        }
        if let t = scenarioTask {
            out.key("scenarioTask")
            out.beginObject()
            out.member("taskId", t.taskId)
            out.member("taskTitle", t.taskTitle)
            out.member("batch", t.batch)
            out.member("field", t.field)
            out.member("designatedOn", t.designatedOn.iso)
            out.member("namesProject", t.namesProject)
            out.endObject()
        }
        out.endObject()
    }
}

extension CatalogueCitation {
    func write(to out: inout JSONOutput) {
        out.beginObject()
        out.member("productId", productId)
        out.member("name", name)
        out.member("edition", edition)
        out.member("publishedOn", publishedOn.iso)
        out.member("validFrom", validFrom.iso)
        out.member("validUntil", validUntil.iso)
        out.member("endedOn", endedOn?.iso)
        out.member("markCode", markCode)
        out.member("checkedOn", checkedOn.iso)
        out.endObject()
    }
}

extension UnitResult {
    func write(to out: inout JSONOutput) {
        out.beginObject()
        out.member("kind", kind.rawValue)
        out.member("id", id)
        out.member("label", label)
        out.member("eligible", eligible)
        out.member("conditions", conditions) { o, c in c.write(to: &o) }
        out.member("base", base)
        out.member("ratio", ratio)
        out.member("uncapped", uncapped)
        out.member("amount", amount)
        out.member("years", years) { o, y in y.write(to: &o) }
        out.endObject()
    }
}

extension YearLine {
    func write(to out: inout JSONOutput) {
        out.beginObject()
        out.member("year", year)
        out.member("base", base)
        out.member("uncapped", uncapped)
        out.member("amount", amount)
        out.member("place", place.rawValue)
        out.member("days", days)
        out.endObject()
    }
}
