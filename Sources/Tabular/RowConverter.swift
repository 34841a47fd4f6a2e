import Foundation
import Policy
import Spreadsheet

/// A row as a source gives it: its number and its cells' text.
struct RawRow: Sendable {
    var number: Int
    var cells: [String]
    /// The first column whose bytes were not UTF-8 (CSV only).
    var badEncodingColumn: Int?
}

struct GroupLayout<F: TabularGroupField>: Sendable {
    var number: Int
    var columns: [(field: F, index: Int)] = []
    /// Loans only: interest columns in year order.
    var interest: [(year: Int, index: Int)] = []
    /// The cells to read, made from the above when the header is complete.
    var slots: [Slot] = []
    var interestSlots: [Slot] = []
}

/// A column's place in the project file built for a row: its cell, how to read it, its key.
struct Slot: Sendable {
    let index: Int
    let kind: TabularValueKind
    let key: String
    let column: TabularColumn
}

/// Turns rows into projects: the header's layout, then per row a project file of one enterprise
/// and one project for `ProjectFileReader`, whose issues are mapped back to columns.
struct RowConverter: Sendable {
    let header: TabularHeader
    let vocabulary: Vocabulary
    var fixed: [(field: TabularField, index: Int)] = []
    var enterpriseSlots: [Slot] = [], projectSlots: [Slot] = [], investmentSlots: [Slot] = []
    /// innovativeProductContract, marketContract, softwareSales.
    var contractSlots: [[Slot]] = [[], [], []]
    static let contractKeys = ["innovativeProductContract", "marketContract", "softwareSales"]
    var projectIdIndex: Int?
    /// Columns without a header.
    var unnamed: [Int] = []
    var loans: [GroupLayout<LoanField>] = []
    var leases: [GroupLayout<LeaseField>] = []
    var items: [GroupLayout<ItemField>] = []
    var certs: [GroupLayout<CertificationField>] = []
    /// Category ids, and their Chinese and English names, normalized → id.
    let categoryIds: [String: String]

    // MARK: - The header

    static func make(headerRow: RawRow, vocabulary: Vocabulary) -> Result<RowConverter, TabularError> {
        var names = headerRow.cells
        while let last = names.last, last.trimmingCharacters(in: .tabularWhitespace).isEmpty { names.removeLast() }
        if headerRow.badEncodingColumn != nil {
            return .failure(TabularError(row: headerRow.number, zh: "文件不是 UTF-8 编码（Excel 的“CSV（逗号分隔）”保存为 GBK）；请另存为“CSV UTF-8（逗号分隔）”或 .xlsx",
                en: "the file is not UTF-8 (Excel's \"CSV (comma delimited)\" saves GBK); save it as \"CSV UTF-8 (comma delimited)\" or as .xlsx"))
        }
        var columns: [TabularColumn?] = []
        var issues: [CellIssue] = []
        var seen: [TabularColumn: Int] = [:]
        for (i, raw) in names.enumerated() {
            let name = raw.trimmingCharacters(in: .tabularWhitespace)
            func refuse(_ zh: String, _ en: String) {
                issues.append(CellIssue(column: name, header: name, columnIndex: i, message: LocalizedText(zh: zh, en: en)))
                columns.append(nil)
            }
            switch TabularColumn.parse(header: name) {
            case .success(let column):
                if let first = seen[column] {
                    refuse("列“\(name)”与第 \(ColumnLetters.letters(first)) 列重复（\(column.key)）",
                           "column \(name) repeats column \(ColumnLetters.letters(first)) (\(column.key))")
                } else {
                    seen[column] = i
                    columns.append(column)
                }
            case .failure(.empty):
                columns.append(nil)
            case .failure(.tenThousandYuan):
                refuse("金额须以元为单位，不接受万元：\(name)", "amounts must be in yuan (元), not in 万元 (10,000 yuan): \(name)")
            case .failure(.unknown):
                refuse("未知的列：\(name)（可用的列见 docs/import-format.md）",
                       "unknown column: \(name) (the accepted columns are listed in docs/import-format.md)")
            }
        }
        let header = TabularHeader(row: headerRow.number, names: names.map { $0.trimmingCharacters(in: .tabularWhitespace) }, columns: columns)
        var converter = RowConverter(header: header, vocabulary: vocabulary, categoryIds: Self.categoryIds(vocabulary))
        for field in TabularField.required where seen[.field(field)] == nil {
            issues.append(CellIssue(column: field.rawValue, message: LocalizedText(
                zh: "缺少必需的列 \(field.rawValue)（\(field.chineseName)）",
                en: "required column \(field.rawValue) (\(field.chineseName)) is missing")))
        }
        var loanGroups: [Int: GroupLayout<LoanField>] = [:]
        var leaseGroups: [Int: GroupLayout<LeaseField>] = [:]
        var itemGroups: [Int: GroupLayout<ItemField>] = [:]
        var certGroups: [Int: GroupLayout<CertificationField>] = [:]
        for (i, column) in columns.enumerated() {
            switch column {
            case .field(let f)?: converter.fixed.append((f, i))
            case let .loan(n, f)?: loanGroups[n, default: GroupLayout(number: n)].columns.append((f, i))
            case let .loanInterest(n, year)?: loanGroups[n, default: GroupLayout(number: n)].interest.append((year, i))
            case let .lease(n, f)?: leaseGroups[n, default: GroupLayout(number: n)].columns.append((f, i))
            case let .item(n, f)?: itemGroups[n, default: GroupLayout(number: n)].columns.append((f, i))
            case let .certification(n, f)?: certGroups[n, default: GroupLayout(number: n)].columns.append((f, i))
            case nil: break
            }
        }
        for (field, i) in converter.fixed {
            let path = field.jsonPath
            let slot = Slot(index: i, kind: field.valueKind, key: path.keys.last!, column: .field(field))
            if path.enterprise { converter.enterpriseSlots.append(slot) } else if path.keys.count == 1 {
                converter.projectSlots.append(slot)
            } else if path.keys[0] == "investment" { converter.investmentSlots.append(slot) } else {
                converter.contractSlots[Self.contractKeys.firstIndex(of: path.keys[0])!].append(slot)
            }
            if field == .projectId { converter.projectIdIndex = i }
        }
        converter.unnamed = columns.indices.filter { columns[$0] == nil }
        func finish<F>(_ groups: [Int: GroupLayout<F>], _ make: (Int, F) -> TabularColumn) -> [GroupLayout<F>] {
            var out: [GroupLayout<F>] = []
            for n in groups.keys.sorted() {
                var g = groups[n]!
                g.interest.sort { $0.year < $1.year }
                g.slots = g.columns.map { Slot(index: $0.index, kind: $0.field.valueKind, key: $0.field.jsonKey, column: make(n, $0.field)) }
                g.interestSlots = g.interest.map { Slot(index: $0.index, kind: .amount, key: String($0.year), column: .loanInterest(n, year: $0.year)) }
                for f in F.required where !g.columns.contains(where: { $0.field == f }) {
                    let missing = make(n, f)
                    issues.append(CellIssue(column: missing.key, message: LocalizedText(
                        zh: "有\(F.chinesePrefix)\(n)的列，但缺少 \(missing.key)（\(missing.chineseName)）",
                        en: "the file has columns of \(F.prefix)\(n) but not \(missing.key) (\(missing.chineseName))")))
                }
                out.append(g)
            }
            return out
        }
        converter.loans = finish(loanGroups) { .loan($0, $1) }
        converter.leases = finish(leaseGroups) { .lease($0, $1) }
        converter.items = finish(itemGroups) { .item($0, $1) }
        converter.certs = finish(certGroups) { .certification($0, $1) }
        if !issues.isEmpty { return .failure(TabularError(row: headerRow.number, issues: issues)) }
        return .success(converter)
    }

    static func categoryIds(_ vocabulary: Vocabulary) -> [String: String] {
        var t: [String: String] = [:]
        for (id, c) in vocabulary.categories {
            t[TabularColumn.normalized(c.name.en)] = id
            t[TabularColumn.normalized(c.name.zh)] = id
        }
        for id in vocabulary.categories.keys { t[TabularColumn.normalized(id)] = id }
        return t
    }
}
