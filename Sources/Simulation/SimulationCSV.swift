import Policy

/// The simulation's tables as CSV files for Excel: cost by instrument and year, by district, by
/// industry, targets, pools and reform differences. Money in yuan with two decimals.
public enum SimulationCSV {
    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func row(_ cells: [String]) -> String { cells.map(field).joined(separator: ",") + "\r\n" }

    /// File name → contents. A UTF-8 byte-order mark lets Excel read the Chinese names.
    public static func files(_ r: SimulationResult, reforms: [ReformComparison]) -> [String: String] {
        let bom = "\u{FEFF}"
        var files: [String: String] = [:]
        var cost = row(["instrument", "clause", "name_zh", "name_en"] + r.years + ["total", "beneficiaries"])
        for i in r.instruments {
            cost += row([i.id, i.clause, i.name.zh, i.name.en] + i.byYear.map(\.decimalString) + [i.total.decimalString, String(i.beneficiaries)])
        }
        cost += row(["total", "", "合计", "total"] + r.totalByYear.map(\.decimalString) + [r.total.decimalString, String(r.supportedProjects)])
        files["cost-by-year.csv"] = bom + cost
        let ids = r.instruments.map(\.id)
        for (name, groups) in [("cost-by-district.csv", r.districts), ("cost-by-industry.csv", r.industries)] {
            var text = row(["group", "name_zh", "name_en"] + ids + ["total"])
            for g in groups {
                text += row([g.id, g.name.zh, g.name.en] + ids.map { g.byInstrument[$0]?.decimalString ?? "0.00" } + [g.total.decimalString])
            }
            files[name] = bom + text
        }
        var targets = row(["target", "label_zh", "label_en", "value", "goal", "unit"])
        for t in r.targets { targets += row([t.target, t.label.zh, t.label.en, t.value, t.goal ?? "", t.unit.en]) }
        files["targets.csv"] = bom + targets
        if !r.pools.isEmpty {
            var pools = row(["pool", "year", "budget", "demanded", "paid", "exhausted_at", "rationed_projects"])
            for p in r.pools {
                for y in p.years {
                    pools += row([p.id, String(y.year), y.budget?.decimalString ?? "", y.demanded.decimalString, y.paid.decimalString,
                                  y.exhaustedAt ?? "", String(y.rationedProjects)])
                }
            }
            files["pools.csv"] = bom + pools
        }
        for reform in reforms {
            var diff = row(["instrument"] + r.years + ["total", "beneficiaries_change"])
            for id in ids {
                let d = reform.differenceByInstrument[id] ?? []
                diff += row([id] + d.map(\.decimalString) + [d.sum().decimalString, String(reform.beneficiaryDifference[id] ?? 0)])
            }
            diff += row(["total"] + reform.differenceByYear.map(\.decimalString) + [reform.difference.decimalString, ""])
            files["reform-\(reform.name).csv"] = bom + diff
        }
        return files
    }
}
