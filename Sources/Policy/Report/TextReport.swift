/// The readable report of a plan, Chinese by default: for each project the recommended
/// combination with its arithmetic, then every instrument with each condition and, where one
/// failed, by how much; the national instruments beside; what is missing; the totals.
public struct TextReport {
    let library: PolicyLibrary
    let language: Language

    public init(library: PolicyLibrary, language: Language) {
        self.library = library
        self.language = language
    }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
    func t(_ text: LocalizedText) -> String { text.text(language) }
    func yuan(_ m: Money) -> String { t("\(m.grouped) 元", "\(m.grouped) yuan") }
    var comma: String { t("，", ", ") }
    var colon: String { t("：", ": ") }
    func clause(_ numeral: String) -> String { t("第（\(numeral)）条", "measure (\(numeral))") }

    public func render(_ plan: EnterprisePlan) -> String {
        var out = ""
        let e = plan.enterprise
        out += t("一企一策支持方案：\(e.name)\n", "One enterprise, one policy: \(e.name)\n")
        out += t("统一社会信用代码 \(e.creditCode)　\(e.districtName?.zh ?? e.district)　行业代码 \(e.industryCode)\n",
                 "Credit code \(e.creditCode) · \(e.districtName?.en ?? e.district) · industry \(e.industryCode)\n")
        out += t("依据：\(library.plan.notice.zh)《\(library.plan.title.zh)》\n",
                 "Under: \(library.plan.notice.en), \(library.plan.title.en)\n")
        for project in plan.projects { out += "\n" + render(project) }
        out += "\n" + t("合计", "Totals") + "\n"
        for total in plan.cityTotals {
            out += "  \(total.id.padding(4)) \(t(total.name))  "
            if total.includesUnstated {
                out += total.amount == .zero ? t("金额待实施细则确定", "amount to be set by the implementing rules")
                    : t("\(yuan(total.amount))，另有金额待定部分", "\(yuan(total.amount)) plus amounts still to be set")
            } else { out += yuan(total.amount) }
            out += t("（\(total.projects) 个项目）\n", " (\(total.projects) project\(total.projects == 1 ? "" : "s"))\n")
        }
        out += t("  本市支持合计：\(yuan(plan.cityTotal))\n", "  City support in total: \(yuan(plan.cityTotal))\n")
        if !plan.nationalTotals.isEmpty {
            out += t("  国家政策（另计，不计入本市合计）：\n", "  National instruments (separate, not added to the city's):\n")
            for total in plan.nationalTotals {
                out += "    \(total.id.padding(4)) \(t(total.measure ?? total.name))  \(yuan(total.amount))\n"
            }
        }
        return out
    }

    func render(_ p: ProjectEvaluation) -> String {
        var out = t("项目 \(p.projectId) \(p.projectName)（按 \(p.evaluationDate) 施行的政策评估）\n",
                    "Project \(p.projectId) \(p.projectName) (policy in force on \(p.evaluationDate))\n")
        let r = p.recommendation
        out += t("  推荐组合，合计 \(yuan(r.total))", "  Recommended combination: \(yuan(r.total)) in total")
        out += r.exhaustive ? "\n" : t("（搜索在 \(r.searched) 步后截止，未能证明最优）\n", " (search stopped after \(r.searched) steps; not proven optimal)\n")
        if r.lines.isEmpty { out += t("    暂无符合条件的本市支持\n", "    no city instrument applies\n") }
        for line in r.lines {
            out += "    \(line.id.padding(4)) \(t(line.name))\(comma)\(clause(line.clause))\(colon)\(amountText(line))\n"
            out += arithmetic(line, indent: "        ")
        }
        if !r.assignments.isEmpty {
            let pairs = r.assignments.map { "\($0.unitId)→\($0.instrument)" }.joined(separator: t("，", ", "))
            out += t("    合同安排：\(pairs)\n", "    Contracts: \(pairs)\n")
        }
        for x in r.excluded { out += "    · \(x.instrument)\(colon)\(t(x.reason))\n" }
        out += t("  逐项政策：\n", "  Every instrument:\n")
        for result in p.instruments { out += instrument(result) }
        let national = p.national.filter { $0.status != .notInForce }
        if !national.isEmpty {
            out += t("  国家政策（并列展示，不计入本市合计）：\n", "  National instruments (shown beside, not in the city's total):\n")
            for result in national { out += instrument(result) }
        }
        if !p.missing.isEmpty {
            out += t("  尚需补充或注意：\n", "  Still missing or to note:\n")
            for m in p.missing { out += "    - \(t(m))\n" }
        }
        return out
    }

    func amountText(_ r: InstrumentResult) -> String {
        if r.status == .amountUnstated { return t("符合条件，金额待实施细则确定", "eligible; amount to be set by the implementing rules") }
        var s = yuan(r.amount)
        if r.ratioIsMaximum { s += t("（最高额，以评审核定为准）", " (the maximum; the amount granted is set at review)") }
        if r.provisional { s += t("（预估：尚无核定投资）", " (provisional: no approved investment yet)") }
        return s
    }

    func instrument(_ r: InstrumentResult) -> String {
        let mark: String
        switch r.status {
        case .matched, .amountUnstated: mark = "✓"
        case .notMatched: mark = "✗"
        case .notInForce: mark = "–"
        }
        var out = "    \(mark) \(r.id.padding(4)) \(t(r.name))\(comma)\(clause(r.clause))"
        switch r.status {
        case .notInForce:
            return out + colon + (r.notes.first.map(t) ?? t("未施行", "not in force")) + "\n"
        case .notMatched:
            // Only what failed: the reason the instrument does not apply.
            out += t("：不符合\n", ": not matched\n")
            for c in r.conditions where !c.held && c.role == .required { out += condition(c, indent: "        ") }
            if !r.units.contains(where: \.eligible) {
                for u in r.units {
                    for c in u.conditions where !c.held && c.role == .required {
                        out += "        \(u.kind.label.text(language)) \(u.id)\(colon)" + condition(c, indent: "")
                    }
                }
            }
            return out
        case .matched, .amountUnstated:
            out += "\(colon)\(amountText(r))\n"
        }
        for c in r.conditions { out += condition(c, indent: "        ") }
        for u in r.units where !u.eligible {
            for c in u.conditions where !c.held {
                out += "        \(u.kind.label.text(language)) \(u.id)\(colon)" + condition(c, indent: "")
            }
        }
        out += arithmetic(r, indent: "        ")
        if r.isEligible, let priority = r.priority {
            out += priority ? t("        优先支持：是\n", "        Priority: yes\n")
                : t("        优先支持：否（资金不足时排在达到门槛的项目之后）\n", "        Priority: no (ranked after projects above the threshold when the budget runs short)\n")
        }
        return out
    }

    /// Whether a condition id names one of the checks the plan states (十二)(十四)(十五).
    func isPlanCheck(_ id: String) -> Bool {
        library.instruments.contains { i in
            i.conditions.contains { c in
                guard c.id == id, case .planCheck = c.test else { return false }
                return true
            }
        }
    }

    func condition(_ c: ConditionResult, indent: String) -> String {
        var s = "\(indent)\(c.held ? "✓" : "✗") \(t(c.label))"
        if c.role == .priority { s += t("［优先条件］", " [priority]") }
        if c.role == .waived { s += t("［已按政策库设置免除］", " [waived by the library's setting]") }
        if let figure = c.figure, let threshold = c.threshold, !c.held {
            s += t("：实为 \(figure.grouped)，门槛 \(threshold.grouped)", ": \(figure.grouped); threshold \(threshold.grouped)")
            if let short = c.shortfall { s += t("，差 \(short.grouped)", "; \(short.grouped) short") }
        } else if let detail = c.detail, !c.held || isPlanCheck(c.id) {
            // A stated check says why it held too: the figure against its threshold, or "not declared".
            s += "\(colon)\(t(detail))"
        }
        return s + "\n"
    }

    /// base × ratio = amount, the cap, and the years, for an eligible instrument.
    func arithmetic(_ r: InstrumentResult, indent: String) -> String {
        guard let base = r.base, r.isEligible else { return "" }
        var out = indent + t("基数：\(t(base.label)) \(base.amount.grouped)", "Base: \(t(base.label)) \(base.amount.grouped)")
        guard r.status == .matched else {
            return out + t("；比例和金额待实施细则确定\n", "; ratio and amount to be set by the implementing rules\n")
        }
        // N1: the ratio of the evaluation date is not what each day was discounted at.
        let byDay = base.quantity == Quantity.loanPrincipalByDay.rawValue
        if byDay {
            out += t("，每日适用当日贴息率", ", each day at the rate in force on it")
            if let ratio = r.ratio { out += t("（评估日 \(ratio.percent)）", " (\(ratio.percent) on the evaluation date)") }
        } else if let ratio = r.ratio { out += " × \(ratio.percent)" }
        if r.ratioPerUnit { out += t(" × 各项税率", " × each item's rate") }
        out += " = \(r.uncapped.grouped)"
        // The project format has no repayment schedule: the whole principal is counted.
        if byDay { out += t("（还款未知，按全额本金计，为上限估计）", " (repayments unknown: the full principal, an upper estimate)") }
        if let cap = r.cap {
            let scope = r.capScope == .unit ? t("（每个\(r.unit.label.zh)）", " per \(r.unit.label.en)") : ""
            out += t("；上限 \(cap.grouped)\(scope)", "; cap \(cap.grouped)\(scope)")
            if r.capAdvisory { out += t("（原则上，不作硬上限）", " (in principle; advisory)") }
            else { out += r.capBinding ? t("，已触及", ", binding") : t("，未触及", ", not reached") }
        }
        out += "\n"
        for u in r.units where byDay && u.eligible {
            for y in u.years {
                out += indent + t("  \(u.id) \(y.year) 年：\(y.days ?? 0) 天，计 \(y.uncapped.grouped)\n",
                                  "  \(u.id) \(y.year): \(y.days ?? 0) days, computed \(y.uncapped.grouped)\n")
            }
        }
        for y in r.years where !byDay {
            out += indent + t("  \(y.year) 年：基数 \(y.base.grouped)，计 \(y.uncapped.grouped)，支付 \(y.amount.grouped)\n",
                              "  \(y.year): base \(y.base.grouped), computed \(y.uncapped.grouped), paid \(y.amount.grouped)\n")
        }
        for u in r.units where u.eligible && r.units.count > 1 {
            out += indent + "  \(u.kind.label.text(language)) \(u.id)\(colon)\(u.amount.grouped)"
            if let ratio = u.ratio { out += " (\(ratio.percent))" }
            out += "\n"
        }
        for y in r.units.flatMap({ u in u.years.filter { $0.place != .inWindow }.map { (u.id, $0) } }) {
            let why = y.1.place == .beforeCounting ? t("早于利息起算日", "before interest is counted")
                : y.1.place == .afterWindow ? t("超出连续 \(r.windowYears ?? 0) 年", "after the \(r.windowYears ?? 0) consecutive years")
                : t("首个贴息年度之前", "before the first subsidised year")
            out += indent + "  \(y.0) \(y.1.year)\(colon)\(why)\n"
        }
        return out
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    var trimmingPrefixSpaces: String { String(drop { $0 == " " }) }
}
