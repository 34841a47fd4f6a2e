import Policy
import Spreadsheet

/// Reads the rows of a list's file (CSV or XLSX, already split into cells) into entries, naming
/// every bad cell by row and column in Chinese and English. Pure: the file is read elsewhere.
/// The header names each column by its Chinese label or its id; the common `key` and `name`
/// columns are needed, the kind's required ones too, and no column is unknown or repeated.
public struct ListEntryReader: Sendable {
    public let kind: ListKind
    public let vocabulary: Vocabulary
    /// Most entries an edition may hold.
    public static let maxEntries = 20_000

    enum Slot: Hashable { case common(ListColumn), field(String) }
    private var slots: [Int: Slot] = [:]
    private var labels: [Int: String] = [:]

    public init(kind: ListKind, vocabulary: Vocabulary) {
        self.kind = kind
        self.vocabulary = vocabulary
    }

    /// The header a file of this kind is written with: the labels in Chinese.
    public static func header(of kind: ListKind) -> [String] {
        ListColumn.allCases.map(\.label.zh) + kind.fields.map(\.label.zh)
    }

    public static func location(row: Int, column: Int?, header: String? = nil) -> String {
        guard let column else { return "row \(row)" }
        let letter = ColumnLetters.letters(column)
        return header.map { "row \(row), column \(letter) (\($0))" } ?? "row \(row), column \(letter)"
    }

    /// Reads the header row (row 1); the problems, if any, refuse the file.
    public mutating func readHeader(_ cells: [String]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var seen: [Slot: Int] = [:]
        for (i, raw) in cells.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            let slot: Slot?
            if let c = ListColumn.allCases.first(where: { $0.label.zh == name || $0.rawValue == name || $0.label.en == name }) {
                slot = .common(c)
            } else if let f = kind.fields.first(where: { $0.label.zh == name || $0.id == name || $0.label.en == name }) {
                slot = .field(f.id)
            } else {
                slot = nil
            }
            let at = Self.location(row: 1, column: i, header: String(name.prefix(64)))
            guard let slot else {
                let known = Self.header(of: kind).joined(separator: "、")
                issues.append(ValidationIssue(path: at, zh: "未知的列（可用的列：\(known)）", en: "unknown column (the columns are: \(known))"))
                continue
            }
            if seen[slot] != nil {
                issues.append(ValidationIssue(path: at, zh: "列重复", en: "the column is repeated"))
                continue
            }
            seen[slot] = i
            slots[i] = slot
            labels[i] = name
        }
        for c in [ListColumn.key, .name] + kind.required.sorted(by: { $0.rawValue < $1.rawValue }) where seen[.common(c)] == nil {
            issues.append(ValidationIssue(path: "row 1", zh: "缺少“\(c.label.zh)”列", en: "the column '\(c.label.en)' (\(c.label.zh)) is missing"))
        }
        return issues
    }

    /// One data row (`row` as the spreadsheet numbers it): its entry, or its problems.
    public func entry(_ cells: [String], row: Int) -> (ListEntry?, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        var entry = ListEntry(key: "", name: "")
        var filled: Set<ListColumn> = []
        for (i, raw) in cells.enumerated() {
            let value = raw.trimmingCharacters(in: .whitespaces)
            guard let slot = slots[i] else {
                if !value.isEmpty {
                    issues.append(ValidationIssue(path: Self.location(row: row, column: i), zh: "该列没有表头", en: "a value in a column without a header"))
                }
                continue
            }
            if value.isEmpty { continue }
            let at = Self.location(row: row, column: i, header: labels[i])
            func text(_ kind: TextKind) -> String? {
                if let p = kind.problem(in: value) { issues.append(ValidationIssue(path: at, zh: p.zh, en: p.en)); return nil }
                return value
            }
            switch slot {
            case .common(.key): if let v = text(.code) { entry.key = v; filled.insert(.key) }
            case .common(.name): if let v = text(.name) { entry.name = v; filled.insert(.name) }
            case .common(.enterprise): if let v = text(.name) { entry.enterprise = v; filled.insert(.enterprise) }
            case .common(.creditCode):
                if CreditCode.problem(in: value) != nil {
                    issues.append(ValidationIssue(path: at, zh: "不是有效的统一社会信用代码（18位，校验位正确）", en: "not a valid unified social credit code (18 characters, check character right)"))
                } else { entry.creditCode = value; filled.insert(.creditCode) }
            case .common(.district):
                if let d = vocabulary.district(named: value) { entry.district = d.id; filled.insert(.district) } else {
                    issues.append(ValidationIssue(path: at, zh: "未知的区：\(value.prefix(64))", en: "unknown district: \(value.prefix(64))"))
                }
            case .common(.year):
                if let y = Int(value), (2000...2100).contains(y) { entry.year = y; filled.insert(.year) } else {
                    issues.append(ValidationIssue(path: at, zh: "年度应为 2000 至 2100 之间的四位年份", en: "the year is a four-digit year from 2000 to 2100"))
                }
            case .field(let id): if let v = text(.note) { entry.fields[id] = v }
            }
        }
        for c in [ListColumn.key, .name] + kind.required.sorted(by: { $0.rawValue < $1.rawValue }) where !filled.contains(c) {
            // A cell refused above is named already; an empty one is named here.
            let column = slots.first { $0.value == .common(c) }?.key
            let at = Self.location(row: row, column: column, header: column.flatMap { labels[$0] })
            if !issues.contains(where: { $0.path == at }) {
                issues.append(ValidationIssue(path: at, zh: "“\(c.label.zh)”不能为空", en: "the \(c.label.en) must not be empty"))
            }
        }
        return issues.isEmpty ? (entry, []) : (nil, issues)
    }

    /// Every row of a file at once: the entries, or every problem (a repeated key named at each
    /// later row). `rows` are the data rows with their spreadsheet numbers; blank rows are skipped.
    public static func read(kind: ListKind, vocabulary: Vocabulary, header: [String], rows: [(number: Int, cells: [String])]) -> Result<[ListEntry], ListFileFailure> {
        var reader = ListEntryReader(kind: kind, vocabulary: vocabulary)
        var issues = reader.readHeader(header)
        if !issues.isEmpty { return .failure(ListFileFailure(issues: issues)) }
        var entries: [ListEntry] = []
        var keys: [String: Int] = [:]
        let keyColumn = reader.slots.first { $0.value == .common(.key) }?.key
        var data = 0
        for (number, cells) in rows {
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            data += 1
            if data > maxEntries {
                issues.append(ValidationIssue(path: location(row: number, column: nil), zh: "一个版本最多 \(maxEntries) 条", en: "an edition holds at most \(maxEntries) entries"))
                break
            }
            let (entry, problems) = reader.entry(cells, row: number)
            issues += problems
            // A repeated key is named whatever else the row holds, so one pass shows every problem.
            if let k = keyColumn, k < cells.count {
                let key = cells[k].trimmingCharacters(in: .whitespaces)
                if !key.isEmpty, let first = keys[key] {
                    issues.append(ValidationIssue(path: location(row: number, column: k, header: reader.labels[k]),
                                                  zh: "编号与第 \(first) 行重复：\(key.prefix(64))", en: "the key repeats row \(first)'s: \(key.prefix(64))"))
                    continue
                } else if !key.isEmpty {
                    keys[key] = number
                }
            }
            if let entry { entries.append(entry) }
        }
        if issues.isEmpty && entries.isEmpty {
            issues.append(ValidationIssue(path: "row 2", zh: "文件没有任何条目", en: "the file has no entries"))
        }
        return issues.isEmpty ? .success(entries) : .failure(ListFileFailure(issues: issues))
    }
}

/// A list's file refused whole, with every problem by row and column.
public struct ListFileFailure: Error, Sendable, Equatable {
    public var issues: [ValidationIssue]
    public init(issues: [ValidationIssue]) { self.issues = issues }
}
