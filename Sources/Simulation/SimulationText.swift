import Policy

/// The cost table and the reform comparison as a person reads them in a terminal.
public struct SimulationText {
    let language: Language
    public init(language: Language) { self.language = language }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// Amounts in 万元 (zh) or million yuan (en), rounded down to a whole unit: tables for people.
    func short(_ m: Money) -> String {
        let unit: Int64 = language == .zh ? 1_000_000 : 100_000_000   // fen per 万元 / per million
        let v = m.fen / unit
        return Money(fen: v * 100).grouped.replacingOccurrences(of: ".00", with: "")
    }

    func pad(_ s: String, _ w: Int) -> String {
        let width = s.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
        return width >= w ? s : String(repeating: " ", count: w - width) + s
    }

    func padRight(_ s: String, _ w: Int) -> String {
        let width = s.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
        return width >= w ? s : s + String(repeating: " ", count: w - width)
    }

    public func render(_ r: SimulationResult, reforms: [ReformComparison]) -> String {
        var out = t("财政成本测算：\(r.projects) 个项目，情景 \(r.scenario)（单位：万元，按年度支付）\n",
                    "Fiscal cost: \(r.projects) projects, scenario \(r.scenario) (million yuan, by year of payment)\n")
        out += table(r.instruments.map { ($0.id, $0.byYear, $0.total, $0.beneficiaries) }, years: r.years,
                     totalByYear: r.totalByYear, total: r.total)
        out += t("受支持项目 \(r.supportedProjects) 个", "Supported projects: \(r.supportedProjects)")
        if r.unstatedProjects > 0 {
            out += t("，其中 \(r.unstatedProjects) 个含金额待定的支持（10b、12，未计入）", "; \(r.unstatedProjects) of them with support of unstated amount (10b, 12; not counted)")
        }
        if r.notExhaustive > 0 { out += t("；\(r.notExhaustive) 个项目的组合搜索未穷尽", "; \(r.notExhaustive) combination searches not exhaustive") }
        out += "\n\n" + t("按区（万元）：\n", "By district (million yuan):\n")
        for d in r.districts.sorted(by: { $0.total > $1.total }) {
            out += "  \(padRight(d.name.text(language), 18)) \(pad(short(d.total), 12))\n"
        }
        out += "\n" + t("对2027年目标的贡献：\n", "Contribution to the 2027 targets:\n")
        for target in r.targets {
            var value = target.value
            if target.unit.en == "yuan", let m = Money(yuanText: target.value) { value = short(m) + t(" 万元", " million yuan") }
            var goal = ""
            if let g = target.goal {
                goal = target.unit.en == "yuan" ? (Money(yuanText: g).map { short($0) } ?? g) + t(" 万元", " million yuan") : g
            }
            out += "  \(target.target.padding(toLength: 4, withPad: " ", startingAt: 0)) \(target.label.text(language))：\(value)"
            out += goal.isEmpty ? "\n" : t("（目标 \(goal)）\n", " (target \(goal))\n")
        }
        if !r.pools.isEmpty {
            out += "\n" + t("资金池：\n", "Budget pools:\n")
            for p in r.pools {
                out += t("  \(p.name.zh)：需求 \(short(p.demanded)) 万元，支付 \(short(p.paid)) 万元，缺口 \(short(p.rationed)) 万元，\(p.rationedProjects) 个项目未足额\n",
                         "  \(p.name.en): demand \(short(p.demanded)), paid \(short(p.paid)), short \(short(p.rationed)) million yuan; \(p.rationedProjects) projects rationed\n")
                for y in p.years where y.exhaustedAt != nil || y.exhaustedBefore {
                    if y.exhaustedBefore {
                        out += t("    \(y.year) 年：资金池此前已用完（\(y.rationedProjects) 个项目的支付未安排）\n",
                                 "    \(y.year): the pool was already used up (\(y.rationedProjects) projects' payments unfunded)\n")
                        continue
                    }
                    if (y.budget ?? .zero) == .zero && p.total == nil {
                        out += t("    \(y.year) 年无预算（\(y.rationedProjects) 个项目的支付未安排）\n",
                                 "    \(y.year): no budget (\(y.rationedProjects) projects' payments unfunded)\n")
                        continue
                    }
                    out += t("    \(y.year) 年于 \(y.exhaustedAt!) 用完（之后申报的 \(y.rationedProjects) 个项目未足额）\n",
                             "    \(y.year): ran out at applications of \(y.exhaustedAt!) (\(y.rationedProjects) projects rationed)\n")
                }
            }
        }
        for reform in reforms {
            out += "\n" + t("改革情景 \(reform.name)：\(reform.changes.joined(separator: "；"))\n",
                            "Reform \(reform.name): \(reform.changes.joined(separator: "; "))\n")
            out += t("  与基准之差（万元，正数为增加）：\n", "  Difference from the baseline (million yuan; positive = more):\n")
            let rows = reform.result.instruments.compactMap { cost -> (String, [Money], Money, Int)? in
                guard let diff = reform.differenceByInstrument[cost.id], diff.contains(where: { $0 != .zero }) else { return nil }
                return (cost.id, diff, diff.sum(), reform.beneficiaryDifference[cost.id] ?? 0)
            }
            out += table(rows, years: r.years, totalByYear: reform.differenceByYear, total: reform.difference, signed: true)
            out += t("  基准合计 \(short(r.total)) 万元 → 改革后 \(short(reform.result.total)) 万元\n",
                     "  Baseline \(short(r.total)) → reform \(short(reform.result.total)) million yuan\n")
        }
        return out
    }

    func signedShort(_ m: Money) -> String { m < .zero ? "-" + short(Money(fen: -m.fen)) : (m == .zero ? "0" : "+" + short(m)) }

    func table(_ rows: [(String, [Money], Money, Int)], years: [String], totalByYear: [Money], total: Money, signed: Bool = false) -> String {
        let fmt: (Money) -> String = signed ? signedShort : short
        var out = padRight(t("政策", "instr."), 6) + years.map { pad($0 == "later" ? t("以后", "later") : $0, 11) }.joined()
        out += pad(t("合计", "total"), 13) + pad(t("受益项目", "projects"), 10) + "\n"
        for (id, byYear, sum, beneficiaries) in rows {
            out += padRight(id, 6) + byYear.map { pad(fmt($0), 11) }.joined() + pad(fmt(sum), 13)
            out += pad(signed ? (beneficiaries >= 0 ? "+\(beneficiaries)" : "\(beneficiaries)") : String(beneficiaries), 10) + "\n"
        }
        out += padRight(t("合计", "all"), 6) + totalByYear.map { pad(fmt($0), 11) }.joined() + pad(fmt(total), 13) + "\n"
        return out
    }
}
