import Policy
import Spreadsheet

/// The simulation's tables as CSV files for Excel: cost by instrument and year, by district, by
/// industry, targets, pools and reform differences. Money in yuan with two decimals. Written by
/// the spreadsheet module's `CSVWriter` (RFC 4180 quoting, CRLF, a UTF-8 byte-order mark that lets
/// Excel read the Chinese names), so a name holding a separator, quote or line break stays one field.
public enum SimulationCSV {
    /// File name → contents.
    public static func files(_ r: SimulationResult, reforms: [ReformComparison]) -> [String: String] {
        var files: [String: String] = [:]
        func file(_ name: String, _ rows: [[String]]) {
            files[name] = String(decoding: CSVWriter.data(rows), as: UTF8.self)
        }
        var cost = [["instrument", "clause", "name_zh", "name_en"] + r.years + ["total", "beneficiaries"]]
        for i in r.instruments {
            cost.append([i.id, i.clause, i.name.zh, i.name.en] + i.byYear.map(\.decimalString) + [i.total.decimalString, String(i.beneficiaries)])
        }
        cost.append(["total", "", "合计", "total"] + r.totalByYear.map(\.decimalString) + [r.total.decimalString, String(r.supportedProjects)])
        file("cost-by-year.csv", cost)
        let ids = r.instruments.map(\.id)
        for (name, groups) in [("cost-by-district.csv", r.districts), ("cost-by-industry.csv", r.industries)] {
            var rows = [["group", "name_zh", "name_en"] + ids + ["total"]]
            for g in groups {
                rows.append([g.id, g.name.zh, g.name.en] + ids.map { g.byInstrument[$0]?.decimalString ?? "0.00" } + [g.total.decimalString])
            }
            file(name, rows)
        }
        var targets = [["target", "label_zh", "label_en", "value", "goal", "unit"]]
        for t in r.targets { targets.append([t.target, t.label.zh, t.label.en, t.value, t.goal ?? "", t.unit.en]) }
        file("targets.csv", targets)
        if !r.pools.isEmpty {
            var pools = [["pool", "year", "budget", "demanded", "paid", "exhausted_at", "rationed_projects"]]
            for p in r.pools {
                for y in p.years {
                    pools.append([p.id, String(y.year), y.budget?.decimalString ?? "", y.demanded.decimalString, y.paid.decimalString,
                                  y.exhaustedAt ?? "", String(y.rationedProjects)])
                }
            }
            file("pools.csv", pools)
        }
        for reform in reforms {
            var diff = [["instrument"] + r.years + ["total", "beneficiaries_change"]]
            for id in ids {
                let d = reform.differenceByInstrument[id] ?? []
                diff.append([id] + d.map(\.decimalString) + [d.sum().decimalString, String(reform.beneficiaryDifference[id] ?? 0)])
            }
            diff.append(["total"] + reform.differenceByYear.map(\.decimalString) + [reform.difference.decimalString, ""])
            file("reform-\(reform.name).csv", diff)
        }
        return files
    }
}
