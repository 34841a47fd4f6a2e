/// The compact form of a plan, for callers that need less than the full explanation: per
/// project the recommended combination and its amounts, and per instrument whether it matched,
/// its amount, and for one that did not, the conditions that failed (with the shortfall of a
/// threshold). A few kilobytes where the full plan is tens.
public enum PlanSummaryWriter {
    public static func bytes(_ plan: EnterprisePlan) -> [UInt8] {
        var out = JSONOutput(capacity: 8 * 1024)
        out.beginObject()
        out.member("detail", "summary")
        out.key("enterprise")
        out.beginObject()
        out.member("creditCode", plan.enterprise.creditCode)
        out.member("name", plan.enterprise.name)
        out.member("district", plan.enterprise.district)
        out.endObject()
        out.member("projects", plan.projects) { o, p in project(p, to: &o) }
        out.member("cityTotals", plan.cityTotals) { o, t in total(t, to: &o) }
        out.member("cityTotal", plan.cityTotal)
        out.member("nationalTotals", plan.nationalTotals) { o, t in total(t, to: &o) }
        out.endObject()
        return out.bytes
    }

    static func project(_ p: ProjectEvaluation, to out: inout JSONOutput) {
        out.beginObject()
        out.member("projectId", p.projectId)
        out.member("projectName", p.projectName)
        out.member("evaluationDate", p.evaluationDate)
        let r = p.recommendation
        out.key("recommendation")
        out.beginObject()
        out.member("grant", r.grant)
        out.member("total", r.total)
        out.member("lines", r.lines) { o, line in
            o.beginObject()
            o.member("id", line.id)
            o.member("clause", line.clause)
            o.member("status", line.status.rawValue)
            o.member("amount", line.amount)
            o.member("years", line.years.filter { $0.place == .inWindow }) { o, y in
                o.beginObject()
                o.member("year", y.year)
                o.member("amount", y.amount)
                o.endObject()
            }
            o.endObject()
        }
        out.member("assignments", r.assignments) { o, a in a.write(to: &o) }
        out.member("alternatives", r.alternatives) { o, a in o.string(a) }
        out.endObject()
        out.member("instruments", p.instruments) { o, i in instrument(i, to: &o) }
        out.member("national", p.national) { o, i in instrument(i, to: &o) }
        out.member("missing", p.missing) { o, m in m.write(to: &o) }
        out.endObject()
    }

    static func instrument(_ i: InstrumentResult, to out: inout JSONOutput) {
        out.beginObject()
        out.member("id", i.id)
        out.member("status", i.status.rawValue)
        out.member("amount", i.amount)
        if i.provisional { out.member("provisional", true) }
        if !i.isEligible {
            out.member("failed", i.failedConditions) { o, c in
                o.beginObject()
                o.member("id", c.id)
                o.member("label", c.label)
                o.member("shortfall", c.shortfall)
                o.member("detail", c.detail)
                o.endObject()
            }
        }
        out.endObject()
    }

    static func total(_ t: EnterprisePlan.InstrumentTotal, to out: inout JSONOutput) {
        out.beginObject()
        out.member("id", t.id)
        out.member("amount", t.amount)
        out.member("projects", t.projects)
        out.member("includesUnstated", t.includesUnstated)
        out.endObject()
    }
}
