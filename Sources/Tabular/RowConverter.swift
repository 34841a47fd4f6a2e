import Foundation
import Policy

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

    // MARK: - A row

    /// The row's project, or why it is refused; nil for a row with no value at all.
    func convert(_ raw: RawRow) -> Result<ImportedRow, RowFailure>? {
        var row = RowState(cells: raw.cells)
        guard !row.isBlank else { return nil }
        if let bad = raw.badEncodingColumn {
            row.flag(bad, header.issue(header.columns[safe: bad] ?? nil, LocalizedText(
                zh: "不是 UTF-8 文本；请把文件另存为“CSV UTF-8（逗号分隔）”或 .xlsx",
                en: "not UTF-8 text; save the file as \"CSV UTF-8 (comma delimited)\" or as .xlsx")))
        }
        if raw.cells.count > header.columns.count {
            for i in header.columns.count..<raw.cells.count where !row.text(i).isEmpty { row.unnamedValue(i) }
        }
        for i in unnamed where !row.text(i).isEmpty { row.unnamedValue(i) }

        var enterprise: [(key: String, value: JSONValue)] = []
        enterprise.reserveCapacity(4)
        for slot in enterpriseSlots { if let v = value(slot, &row) { enterprise.append((slot.key, v)) } }
        var project: [(key: String, value: JSONValue)] = []
        project.reserveCapacity(16)
        for slot in projectSlots { if let v = value(slot, &row) { project.append((slot.key, v)) } }
        var investment: [(key: String, value: JSONValue)] = []
        for slot in investmentSlots { if let v = value(slot, &row) { investment.append((slot.key, v)) } }
        if !investment.isEmpty { project.append(("investment", .object(investment))) }
        for (k, slots) in contractSlots.enumerated() where !slots.isEmpty {
            var members: [(key: String, value: JSONValue)] = []
            for slot in slots { if let v = value(slot, &row) { members.append((slot.key, v)) } }
            if !members.isEmpty { project.append((Self.contractKeys[k], .object(members))) }
        }
        var context = GroupNumbers()
        context.loans = groups(loans, &row, into: &project)
        context.leases = groups(leases, &row, into: &project)
        context.items = groups(items, &row, into: &project)
        context.certs = groups(certs, &row, into: &project)

        let file = JSONValue.object([("enterprise", .object(enterprise)), ("projects", .array([.object(project)]))])
        switch ProjectFileReader.read(file, vocabulary: vocabulary) {
        case .success(let read):
            if row.issues.isEmpty {
                return .success(ImportedRow(row: raw.number, enterprise: read.enterprise, project: read.projects[0]))
            }
        case .failure(let failure):
            for issue in failure.issues {
                let column = Self.column(for: issue.path, context)
                // A value this layer refused was left out; the reader's "missing" is not news.
                if let column, let i = header.index(of: column), row.flagged.contains(i) { continue }
                row.issues.append(header.issue(column, issue.message, path: issue.path))
            }
        }
        let issues = row.issues.enumerated().sorted {
            ($0.element.columnIndex ?? Int.max, $0.offset) < ($1.element.columnIndex ?? Int.max, $1.offset)
        }.map(\.element)
        let projectId = projectIdIndex.map { row.text($0) }.flatMap { $0.isEmpty ? nil : $0 }
        return .failure(RowFailure(row: raw.number, projectId: projectId, issues: issues))
    }

    /// The present groups of one kind, appended to the project as an array; returns their
    /// numbers in array order.
    func groups<F: TabularGroupField>(_ layouts: [GroupLayout<F>], _ row: inout RowState,
                                      into project: inout [(key: String, value: JSONValue)]) -> [Int] {
        var elements: [JSONValue] = []
        var numbers: [Int] = []
        for g in layouts {
            // Absent when every cell is empty or a boolean that says no.
            var present = false
            for slot in g.slots {
                let text = row.text(slot.index)
                if text.isEmpty || (slot.kind == .boolean && Self.boolean(text) == false) { continue }
                present = true
                break
            }
            if !present { present = g.interestSlots.contains { !row.text($0.index).isEmpty } }
            guard present else { continue }
            var members: [(key: String, value: JSONValue)] = []
            members.reserveCapacity(g.slots.count + 1)
            for slot in g.slots { if let v = value(slot, &row) { members.append((slot.key, v)) } }
            var interest: [(key: String, value: JSONValue)] = []
            for slot in g.interestSlots { if let v = value(slot, &row) { interest.append((slot.key, v)) } }
            if !interest.isEmpty { members.append(("interestPaid", .object(interest))) }
            elements.append(.object(members))
            numbers.append(g.number)
        }
        if !elements.isEmpty { project.append((F.jsonArray, .array(elements))) }
        return numbers
    }

    // MARK: - Values

    /// A cell's value in the project format, or nil when it is empty, says no (a boolean's
    /// default), or is refused here (with an issue).
    func value(_ slot: Slot, _ row: inout RowState) -> JSONValue? {
        let text = row.text(slot.index)
        if text.isEmpty { return nil }
        switch slot.kind {
        case .text:
            return .string(text.utf8.first == 0x27 ? Self.unguarded(text) : text)
        case .rate:
            return ExcelNumber.isDecimal(text.utf8) && text.utf8.first != 0x2D ? .number(text) : .string(text)
        case .quantity:
            return text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? .number(text) : .string(text)
        case .date:
            return .string(Self.isoDate(text))
        case .boolean:
            if let b = Self.boolean(text) { return b ? .bool(true) : nil }
            row.flag(slot.index, header.issue(slot.column, LocalizedText(
                zh: "应为是或否（是/否、true/false、1/0、Y/N、yes/no）：\(text)",
                en: "expected yes or no (true/false, 1/0, 是/否, Y/N, yes/no): \(text)")))
            return nil
        case .amount:
            return amount(text, slot, &row)
        case .categories:
            return categories(text)
        case .certificationKind:
            switch text {
            case "certification", "认证": return .string("certification")
            case "testing", "检测", "测试": return .string("testing")
            default: return .string(text.lowercased())
            }
        }
    }

    func amount(_ text: String, _ slot: Slot, _ row: inout RowState) -> JSONValue? {
        var exponent = false, comma = false, dot = -1, digits = 0, position = 0, leadingZeros = true
        for b in text.utf8 {
            switch b {
            case 0x45, 0x65: exponent = true
            case 0x2C: comma = true
            case 0x2E: dot = position
            case 0x30...0x39:
                if b != 0x30 || !leadingZeros { digits += 1; leadingZeros = false }
            default: break
            }
            position += 1
        }
        if exponent {
            row.flag(slot.index, header.issue(slot.column, LocalizedText(
                zh: "金额为科学计数法 \(text)，可能已被 Excel 四舍五入；请把该列设为不带指数的数值或文本格式后重新保存（.xlsx 中的数值单元格会被精确读取）",
                en: "amount in scientific notation (\(text)) may have been rounded by Excel; format the column as a number without exponent, or as text, and save again (number cells of an .xlsx are read exactly)")))
            return nil
        }
        let plain = comma ? Self.withoutGrouping(text) : text
        // More than two decimals in 15 or more significant digits: the binary fraction Excel
        // stored for a computed amount (1234.5599999999999).
        if dot >= 0 && position - dot > 3 && digits >= 15 && !comma {
            row.flag(slot.index, header.issue(slot.column, LocalizedText(
                zh: "金额 \(plain) 超过两位小数：Excel 保存的是二进制近似值；请用 ROUND(…, 2) 取整到分，或以文本输入金额",
                en: "amount \(plain) has more than two decimals: Excel stored a binary approximation; round it to the fen with ROUND(…, 2) or enter the amount as text")))
            return nil
        }
        // A plain decimal is a JSON number (read from its digits, never as floating point).
        return ExcelNumber.isDecimal(plain.utf8) && plain.utf8.first != 0x2D && plain.utf8.first != 0x2B
            ? .number(plain) : .string(plain)
    }

    /// Ids or names separated by `;`, `；`, `、`, `,` or `，`.
    func categories(_ text: String) -> JSONValue? {
        var list: [JSONValue] = []
        let bytes = Array(text.utf8)
        var start = 0, i = 0
        func token(_ end: Int) {
            var a = start, b = end
            while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
            while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09) { b -= 1 }
            guard a < b else { return }
            let t = String(decoding: bytes[a..<b], as: UTF8.self)
            if vocabulary.categories[t] != nil { list.append(.string(t)); return }
            let trimmed = t.trimmingCharacters(in: .tabularWhitespace)
            list.append(.string(categoryIds[TabularColumn.normalized(trimmed)] ?? trimmed))
        }
        while i < bytes.count {
            let b = bytes[i]
            var width = 0
            if b == 0x3B || b == 0x2C { width = 1 } else if i + 2 < bytes.count {
                let b1 = bytes[i + 1], b2 = bytes[i + 2]
                // ；(EF BC 9B) ，(EF BC 8C) 、(E3 80 81)
                if (b == 0xEF && b1 == 0xBC && (b2 == 0x9B || b2 == 0x8C)) || (b == 0xE3 && b1 == 0x80 && b2 == 0x81) { width = 3 }
            }
            if width > 0 {
                token(i)
                i += width
                start = i
            } else {
                i += 1
            }
        }
        token(bytes.count)
        return list.isEmpty ? nil : .array(list)
    }

    /// `true`/`false`, `1`/`0`, `是`/`否`, `Y`/`N`, `yes`/`no`, any case.
    static func boolean(_ text: String) -> Bool? {
        var lower: UInt64 = 0
        var count = 0
        for b in text.utf8 {
            count += 1
            guard count <= 5 else { return nil }
            lower = lower << 8 | UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        switch lower {
        case 0x74_72_75_65, 0x31, 0x79, 0x79_65_73, 0xE6_98_AF: return true        // true 1 y yes 是
        case 0x66_61_6C_73_65, 0x30, 0x6E, 0x6E_6F, 0xE5_90_A6: return false       // false 0 n no 否
        default: return nil
        }
    }

    /// A text that an export guarded against formula injection (`'=…`) as it was.
    static func unguarded(_ text: String) -> String {
        guard text.hasPrefix("'"), let second = text.dropFirst().first, "=+-@".contains(second) else { return text }
        return String(text.dropFirst())
    }

    /// `1,234,567.80` → `1234567.80` when the commas group thousands correctly; otherwise as is
    /// (and refused by the reader).
    static func withoutGrouping(_ text: String) -> String {
        guard text.utf8.contains(0x2C) else { return text }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return text }
        return groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
    }

    /// `2024-03-01`, `2024/3/1`, `2024.3.1`, `2024年3月1日`, `20240301`, or a date with a midnight
    /// time → `2024-03-01`; anything else unchanged (and refused by the reader).
    static func isoDate(_ text: String) -> String {
        let utf8 = text.utf8
        if utf8.count == 10 {
            var i = 0, shape = true
            for b in utf8 {
                if i == 4 || i == 7 { shape = shape && b == 0x2D } else { shape = shape && b >= 0x30 && b <= 0x39 }
                i += 1
            }
            if shape { return text }
        }
        var datePart = Substring(text)
        if let cut = text.firstIndex(where: { $0 == " " || $0 == "T" }) {
            let time = text[text.index(after: cut)...]
            guard time.allSatisfy({ "0:.Z ".contains($0) }) else { return text }
            datePart = text[..<cut]
        }
        var numbers: [Int] = []
        var current = "", widths: [Int] = []
        for c in datePart {
            if c.isASCII && c.isNumber { current.append(c); continue }
            guard "-/.年月日".contains(c), !current.isEmpty else { return text }
            numbers.append(Int(current)!)
            widths.append(current.count)
            current = ""
        }
        if !current.isEmpty { numbers.append(Int(current) ?? -1); widths.append(current.count) }
        if numbers.count == 1, widths[0] == 8 {
            let n = numbers[0]
            numbers = [n / 10000, n / 100 % 100, n % 100]
            widths = [4, 2, 2]
        }
        guard numbers.count == 3, widths[0] == 4, widths[1] <= 2, widths[2] <= 2,
              let day = Day(year: numbers[0], month: numbers[1], day: numbers[2]) else { return text }
        return day.iso
    }

    // MARK: - From the reader's paths to columns

    struct GroupNumbers {
        var loans: [Int] = [], leases: [Int] = [], items: [Int] = [], certs: [Int] = []
    }

    enum PathPart: Equatable {
        case key(String), index(Int), quoted(String)
    }

    static func parts(_ path: String) -> [PathPart] {
        var out: [PathPart] = []
        var chars = Substring(path)
        if chars.first == "$" { chars = chars.dropFirst() }
        while let c = chars.first {
            if c == "." {
                chars = chars.dropFirst()
                let key = chars.prefix { $0 != "." && $0 != "[" }
                out.append(.key(String(key)))
                chars = chars.dropFirst(key.count)
            } else if c == "[" {
                chars = chars.dropFirst()
                if chars.first == "\"" {
                    let body = chars.dropFirst().prefix { $0 != "\"" }
                    out.append(.quoted(String(body)))
                    chars = chars.dropFirst(body.count + 2)
                } else {
                    let digits = chars.prefix { $0 != "]" }
                    out.append(.index(Int(digits) ?? -1))
                    chars = chars.dropFirst(digits.count)
                }
                if chars.first == "]" { chars = chars.dropFirst() }
            } else {
                chars = chars.dropFirst()
            }
        }
        return out
    }

    static let fieldsByPath: [String: TabularField] = {
        var t: [String: TabularField] = [:]
        for f in TabularField.allCases {
            let p = f.jsonPath
            t[(p.enterprise ? "enterprise." : "project.") + p.keys.joined(separator: ".")] = f
        }
        return t
    }()

    /// The column of a path of the one-project file built for a row.
    static func column(for path: String, _ numbers: GroupNumbers) -> TabularColumn? {
        let p = parts(path)
        guard let first = p.first else { return nil }
        if first == .key("enterprise") {
            guard p.count >= 2, case .key(let k) = p[1] else { return nil }
            return fieldsByPath["enterprise.\(k)"].map { .field($0) }
        }
        guard first == .key("projects"), p.count >= 3, case .key(let k) = p[2] else { return nil }
        let rest = Array(p.dropFirst(3))
        func member<F: TabularGroupField>(_ type: F.Type, _ numbers: [Int], _ make: (Int, F) -> TabularColumn) -> TabularColumn? {
            guard case .index(let i)? = rest.first, numbers.indices.contains(i) else { return nil }
            let n = numbers[i]
            guard rest.count >= 2, case .key(let key) = rest[1] else {
                return F.required.first.map { make(n, $0) }
            }
            if key == "interestPaid", case .quoted(let year)? = rest.dropFirst(2).first, let y = Int(year) {
                return .loanInterest(n, year: y)
            }
            return F.allCases.first { $0.jsonKey == key }.map { make(n, $0) }
        }
        switch k {
        case "loans": return member(LoanField.self, numbers.loans) { .loan($0, $1) }
        case "leases": return member(LeaseField.self, numbers.leases) { .lease($0, $1) }
        case "equipment": return member(ItemField.self, numbers.items) { .item($0, $1) }
        case "certifications": return member(CertificationField.self, numbers.certs) { .certification($0, $1) }
        case "investment", "innovativeProductContract", "marketContract", "softwareSales":
            let sub: String
            if case .key(let s)? = rest.first { sub = s } else { sub = k == "investment" ? "declared" : "amount" }
            return fieldsByPath["project.\(k).\(sub)"].map { .field($0) }
        default:
            return fieldsByPath["project.\(k)"].map { .field($0) }
        }
    }
}

/// The cells of the row being converted and what has been found wrong with them.
struct RowState {
    let cells: [String]
    var issues: [CellIssue] = []
    /// Columns with an issue of this layer (the reader's issues on them are dropped).
    var flagged: Set<Int> = []

    init(cells: [String]) { self.cells = cells }

    /// The cell's text, trimmed; empty beyond the row's end.
    func text(_ i: Int) -> String {
        guard i < cells.count else { return "" }
        let s = cells[i]
        let utf8 = s.utf8
        guard let f = utf8.first, let l = utf8.last else { return s }
        // Only a space, tab, line break, or the first (last) byte of U+3000, U+00A0, U+FEFF
        // can start (end) white space.
        if f <= 0x20 || f == 0xE3 || f == 0xC2 || f == 0xEF || l <= 0x20 || l == 0x80 || l == 0xA0 || l == 0xBF {
            if let fs = s.unicodeScalars.first, let ls = s.unicodeScalars.last, Self.isSpace(fs) || Self.isSpace(ls) {
                return s.trimmingCharacters(in: .tabularWhitespace)
            }
        }
        return s
    }

    mutating func unnamedValue(_ i: Int) {
        issues.append(CellIssue(column: nil, columnIndex: i, message: LocalizedText(
            zh: "第 \(ColumnLetters.letters(i)) 列没有表头，但有值：\(text(i))",
            en: "a value in column \(ColumnLetters.letters(i)), which has no header: \(text(i))")))
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{3000}" || s == "\u{A0}" || s == "\u{FEFF}"
    }

    var isBlank: Bool { cells.indices.allSatisfy { text($0).isEmpty } }

    mutating func flag(_ i: Int, _ issue: CellIssue) {
        flagged.insert(i)
        issues.append(issue)
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
