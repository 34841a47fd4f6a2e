import Policy

/// Compares an evaluation with a case's expectations and lists every difference, so that a
/// failing case says exactly which amount or condition is off.
struct CaseChecker {
    var problems: [String] = []

    mutating func fail(_ s: String) { problems.append(s) }

    static func text(_ v: JSONValue?) -> String? {
        switch v {
        case .string(let s)?: return s
        case .number(let n)?: return n
        case .bool(let b)?: return String(b)
        default: return nil
        }
    }

    /// Money in expectations is written like the output ("1234.50") or without decimals.
    mutating func money(_ expected: JSONValue?, _ actual: Money, _ what: String) {
        guard let e = Self.text(expected), let m = Money(yuanText: e) else { fail("\(what): bad expectation \(String(describing: expected))"); return }
        if m != actual { fail("\(what): expected \(m.decimalString), got \(actual.decimalString)") }
    }

    static let statusWords: Set<String> = ["not_matched", "not_in_force", "amount_unstated", "matched"]

    mutating func check(_ e: JSONValue, _ p: ProjectEvaluation, strict: Bool) {
        let where_ = "project \(p.projectId)"
        if case .object(let members)? = e["instruments"] {
            let listed = Set(members.map(\.key))
            for (id, want) in members {
                guard let r = (p.instruments + p.national).first(where: { $0.id == id }) else { fail("\(where_): no instrument \(id)"); continue }
                instrument(want, r, "\(where_) \(id)")
            }
            if strict {
                for r in p.instruments where !listed.contains(r.id) && r.isEligible {
                    fail("\(where_) \(r.id): expected not matched (not listed), got \(r.status.rawValue) \(r.amount.decimalString)")
                }
            }
        }
        if case .object(let members)? = e["national"] {
            for (id, want) in members {
                guard let r = p.national.first(where: { $0.id == id }) else { fail("\(where_): no national \(id)"); continue }
                instrument(want, r, "\(where_) \(id)")
            }
        }
        if let rec = e["recommended"] { recommended(rec, p.recommendation, where_) }
        if case .object(let members)? = e["years"] {
            for (id, years) in members {
                guard let r = (p.instruments + p.national).first(where: { $0.id == id }) ?? p.recommendation.lines.first(where: { $0.id == id }),
                      case .object(let ys) = years else { fail("\(where_): years of \(id)"); continue }
                for (year, amount) in ys {
                    let got = r.years.first { String($0.year) == year }?.amount ?? .zero
                    money(amount, got, "\(where_) \(id) year \(year)")
                }
            }
        }
        if case .object(let members)? = e["conditions"] {
            for (id, conds) in members {
                guard let r = (p.instruments + p.national).first(where: { $0.id == id }), case .object(let cs) = conds else { continue }
                for (cid, want) in cs {
                    let all = r.conditions + r.units.flatMap(\.conditions)
                    guard let c = all.first(where: { $0.id == cid }) else { fail("\(where_) \(id): no condition \(cid)"); continue }
                    if let held = Self.text(want["held"]), held != String(c.held) { fail("\(where_) \(id).\(cid): held \(c.held), expected \(held)") }
                    if let s = want["shortfall"] { money(s, c.shortfall ?? .zero, "\(where_) \(id).\(cid) shortfall") }
                    if let r = Self.text(want["role"]), r != c.role.rawValue { fail("\(where_) \(id).\(cid): role \(c.role.rawValue), expected \(r)") }
                    // A fragment of the explanation, in either language (the stated checks' "not declared").
                    if let d = Self.text(want["detail"]), !(c.detail.map { $0.en.contains(d) || $0.zh.contains(d) } ?? false) {
                        fail("\(where_) \(id).\(cid): detail \(c.detail.map { "\($0.en)" } ?? "none"), expected to contain \(d)")
                    }
                }
            }
        }
        flags(e["priority"], where_) { id in p.instruments.first { $0.id == id }?.priority.map(String.init) ?? "none" }
        flags(e["provisional"], where_) { id in p.instruments.first { $0.id == id }.map { String($0.provisional) } ?? "none" }
        flags(e["cap_binding"], where_) { id in p.instruments.first { $0.id == id }.map { String($0.capBinding) } ?? "none" }
        // Days counted per contract and year, for a base counted by days (N1).
        if case .object(let members)? = e["days"] {
            for (id, units) in members {
                guard let r = (p.instruments + p.national).first(where: { $0.id == id }), case .object(let us) = units else { continue }
                for (uid, years) in us {
                    guard let u = r.units.first(where: { $0.id == uid }), case .object(let ys) = years else { fail("\(where_) \(id): no unit \(uid)"); continue }
                    for (year, want) in ys {
                        let got = u.years.first { String($0.year) == year }?.days.map(String.init) ?? "none"
                        if Self.text(want) != got { fail("\(where_) \(id) \(uid) \(year): \(got) days, expected \(Self.text(want) ?? "?")") }
                    }
                }
            }
        }
        if case .object(let members)? = e["units"] {
            for (id, units) in members {
                guard let r = (p.instruments + p.national).first(where: { $0.id == id }), case .object(let us) = units else { continue }
                for (uid, amount) in us {
                    guard let u = r.units.first(where: { $0.id == uid }) else { fail("\(where_) \(id): no unit \(uid)"); continue }
                    money(amount, u.amount, "\(where_) \(id) unit \(uid)")
                }
            }
        }
    }

    mutating func flags(_ e: JSONValue?, _ where_: String, _ actual: (String) -> String) {
        guard case .object(let members)? = e else { return }
        for (id, want) in members {
            let a = actual(id)
            if Self.text(want) != a { fail("\(where_) \(id): expected \(Self.text(want) ?? "?"), got \(a)") }
        }
    }

    mutating func instrument(_ want: JSONValue, _ r: InstrumentResult, _ what: String) {
        if let w = Self.text(want), Self.statusWords.contains(w) {
            if w != r.status.rawValue { fail("\(what): expected \(w), got \(r.status.rawValue) \(r.amount.decimalString)") }
            return
        }
        if r.status != .matched { fail("\(what): expected matched, got \(r.status.rawValue)"); return }
        money(want, r.amount, what)
    }

    mutating func recommended(_ e: JSONValue, _ c: Combination, _ where_: String) {
        if let t = e["total"] { money(t, c.total, "\(where_) recommended total") }
        if let x = Self.text(e["exhaustive"]), x != String(c.exhaustive) { fail("\(where_) exhaustive: expected \(x), got \(c.exhaustive)") }
        if let t = Self.text(e["total_at_least"]), let m = Money(yuanText: t), c.total < m {
            fail("\(where_) recommended total \(c.total) below \(m)")
        }
        if case .object(let caps)? = e["lines_at_most"] {
            for (id, amount) in caps {
                if let m = Self.text(amount).flatMap(Money.init(yuanText:)), let line = c.lines.first(where: { $0.id == id }), line.amount > m {
                    fail("\(where_) recommended \(id) \(line.amount) above \(m)")
                }
            }
        }
        if let g = e["grant"] {
            let want = Self.text(g)
            let got = c.grant ?? "none"
            if want != got { fail("\(where_) recommended grant: expected \(want ?? "?"), got \(got)") }
        }
        if case .object(let members)? = e["lines"] {
            for (id, amount) in members {
                guard let line = c.lines.first(where: { $0.id == id }) else {
                    fail("\(where_) recommended: \(id) missing (lines: \(c.lines.map(\.id)))"); continue
                }
                if Self.text(amount) == "amount_unstated" {
                    if line.status != .amountUnstated { fail("\(where_) recommended \(id): expected amount_unstated") }
                } else { money(amount, line.amount, "\(where_) recommended \(id)") }
            }
            let extra = c.lines.map(\.id).filter { id in !members.contains { $0.key == id } }
            if !extra.isEmpty { fail("\(where_) recommended: unexpected lines \(extra)") }
        }
        if case .object(let members)? = e["assignments"] {
            for (unit, instrument) in members {
                let got = c.assignments.first { $0.unitId == unit }?.instrument ?? "none"
                if Self.text(instrument) != got { fail("\(where_) assignment \(unit): expected \(Self.text(instrument) ?? "?"), got \(got)") }
            }
        }
        if case .array(let alts)? = e["alternatives"] {
            let want = alts.compactMap { Self.text($0) }
            if want != c.alternatives { fail("\(where_) alternatives: expected \(want), got \(c.alternatives)") }
        }
    }
}
