import Foundation
import Policy
import Spreadsheet

/// The catalogue's entries as a table (CSV or XLSX), one listing a row: the format of
/// `renewal match --catalogue`, `renewal catalogue import|export` and the API's list export.
/// A file with a bad row is refused whole, every problem named by row and column.
public enum CatalogueTable {
    /// The columns, in order; the header row names them.
    public static let columns = ["productId", "name", "enterpriseCode", "category", "edition", "publishedOn", "validFrom",
                                 "validUntil", "firstOnMarketDate", "firstOnMarket", "especiallyInnovative", "markCode", "endedOn"]
    /// A catalogue a little past the plan's 1,500 products, with renewals, and a bound.
    public static let maxRows = 100_000

    public static func row(_ e: CatalogueEntry) -> [String] {
        [e.productId, e.name, e.enterpriseCode ?? "", e.category ?? "", String(e.edition), e.publishedOn.iso, e.validFrom.iso,
         e.validUntil.iso, e.firstOnMarketDate?.iso ?? "", e.firstOnMarket ? "true" : "false",
         e.especiallyInnovative ? "true" : "false", e.markCode ?? "", e.endedOn?.iso ?? ""]
    }

    public static func csv(_ entries: [CatalogueEntry]) -> Data {
        var w = CSVWriter()
        w.write(row: columns)
        for e in entries { w.write(row: row(e)) }
        return w.take()
    }

    public static func xlsx(_ entries: [CatalogueEntry]) throws -> Data {
        var w = XLSXWriter(sheetName: "目录 Catalogue")
        w.addRow(columns.map { .text($0) })
        for e in entries { w.addRow(row(e).map { .text($0) }) }
        return try w.data()
    }

    /// Reads rows (the first is the header) into entries, or every problem found.
    public static func entries(rows: [(number: Int, cells: [String])]) -> Result<[CatalogueEntry], ValidationFailure> {
        var issues: [ValidationIssue] = []
        guard let header = rows.first else {
            return .failure(ValidationFailure(issues: [ValidationIssue(path: "row 1", zh: "文件为空：第 1 行应为表头", en: "the file is empty: row 1 must be the header")]))
        }
        var index: [String: Int] = [:]
        for (i, name) in header.cells.enumerated() { index[name.trimmingCharacters(in: .whitespaces)] = i }
        for required in ["productId", "name", "publishedOn", "validFrom", "validUntil"] where index[required] == nil {
            issues.append(ValidationIssue(path: "row \(header.number), column \(required)", zh: "表头缺少列 \(required)", en: "the header lacks the column \(required)"))
        }
        if rows.count - 1 > maxRows {
            issues.append(ValidationIssue(path: "row \(maxRows + 2)", zh: "最多 \(maxRows) 行", en: "at most \(maxRows) rows"))
        }
        guard issues.isEmpty else { return .failure(ValidationFailure(issues: issues)) }
        var out: [CatalogueEntry] = []
        var seen: Set<String> = []
        for row in rows.dropFirst() {
            func cell(_ c: String) -> String {
                guard let i = index[c], i < row.cells.count else { return "" }
                return row.cells[i].trimmingCharacters(in: .whitespaces)
            }
            if row.cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func at(_ c: String) -> String { "row \(row.number), column \(c)" }
            func text(_ c: String, max: Int, required: Bool) -> String? {
                let v = cell(c)
                if v.isEmpty {
                    if required { issues.append(ValidationIssue(path: at(c), zh: "必填", en: "required")) }
                    return nil
                }
                if v.count > max { issues.append(ValidationIssue(path: at(c), zh: "最多 \(max) 个字符", en: "at most \(max) characters")); return nil }
                if v.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
                    issues.append(ValidationIssue(path: at(c), zh: "含控制字符", en: "contains control characters")); return nil
                }
                return v
            }
            func day(_ c: String, required: Bool) -> Day? {
                let v = cell(c)
                if v.isEmpty {
                    if required { issues.append(ValidationIssue(path: at(c), zh: "必填，日期 YYYY-MM-DD", en: "required, a date YYYY-MM-DD")) }
                    return nil
                }
                guard let d = Day(iso: v) else { issues.append(ValidationIssue(path: at(c), zh: "应为日期 YYYY-MM-DD：\(v)", en: "must be a date YYYY-MM-DD: \(v)")); return nil }
                return d
            }
            func flag(_ c: String) -> Bool {
                switch cell(c).lowercased() {
                case "", "false", "no", "0", "否": return false
                case "true", "yes", "1", "是": return true
                default:
                    issues.append(ValidationIssue(path: at(c), zh: "应为 true 或 false：\(cell(c))", en: "must be true or false: \(cell(c))"))
                    return false
                }
            }
            let before = issues.count
            let id = text("productId", max: 64, required: true)
            let name = text("name", max: 200, required: true)
            let code = text("enterpriseCode", max: 18, required: false)
            let category = text("category", max: 64, required: false)
            var edition = 1
            if !cell("edition").isEmpty {
                if let n = Int(cell("edition")), (1...999).contains(n) { edition = n }
                else { issues.append(ValidationIssue(path: at("edition"), zh: "应为 1 至 999 的整数", en: "must be a whole number from 1 to 999")) }
            }
            let published = day("publishedOn", required: true), from = day("validFrom", required: true), until = day("validUntil", required: true)
            let firstDate = day("firstOnMarketDate", required: false), ended = day("endedOn", required: false)
            let first = flag("firstOnMarket"), special = flag("especiallyInnovative")
            let mark = text("markCode", max: 64, required: false)
            if let from, let until, until < from {
                issues.append(ValidationIssue(path: at("validUntil"), zh: "有效期止日早于起日 \(from)", en: "the window ends before it starts (\(from))"))
            }
            if let id, !seen.insert("\(id)#\(edition)").inserted {
                issues.append(ValidationIssue(path: at("edition"), zh: "产品 \(id) 第\(edition)版重复", en: "product \(id), edition \(edition) appears twice"))
            }
            guard issues.count == before, let id, let name, let published, let from, let until else { continue }
            out.append(CatalogueEntry(productId: id, name: name, enterpriseCode: code, category: category, edition: edition,
                                      publishedOn: published, validFrom: from, validUntil: until, firstOnMarketDate: firstDate,
                                      firstOnMarket: first, especiallyInnovative: special, markCode: mark, endedOn: ended))
        }
        return issues.isEmpty ? .success(out) : .failure(ValidationFailure(issues: issues))
    }

    /// A CSV or XLSX file (judged by its first bytes: an XLSX is a ZIP), or JSON (an array of
    /// entries, or `{"entries": [...]}`).
    public static func read(_ data: Data) -> Result<[CatalogueEntry], ValidationFailure> {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            do {
                let rows = try XLSXReader(data: data).rows().map { (number: $0.number, cells: $0.cells) }
                return entries(rows: rows)
            } catch {
                return .failure(ValidationFailure(issues: [ValidationIssue(path: "file", zh: "无法读取 XLSX 文件：\(error)", en: "cannot read the XLSX file: \(error)")]))
            }
        }
        let first = data.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }).first
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") { return json(data) }
        do {
            var rows: [(number: Int, cells: [String])] = []
            var chunk: Data? = data
            let reader = try CSVReader { defer { chunk = nil }; return chunk }
            try reader.forEachRow { row in
                rows.append((row.number, (0..<row.count).map { row[$0] }))
            }
            return entries(rows: rows)
        } catch {
            return .failure(ValidationFailure(issues: [ValidationIssue(path: "file", zh: "无法读取 CSV 文件：\(error)", en: "cannot read the CSV file: \(error)")]))
        }
    }

    struct Wrapped: Decodable { var entries: [CatalogueEntry] }

    static func json(_ data: Data) -> Result<[CatalogueEntry], ValidationFailure> {
        let decoder = JSONDecoder()
        do {
            if let list = try? decoder.decode([CatalogueEntry].self, from: data) { return .success(list) }
            return .success(try decoder.decode(Wrapped.self, from: data).entries)
        } catch {
            return .failure(ValidationFailure(issues: [ValidationIssue(path: "$", zh: "目录 JSON 无法读取：\(error)", en: "the catalogue JSON cannot be read: \(error)")]))
        }
    }
}
