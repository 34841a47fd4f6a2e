import Foundation
import Policy
import Spreadsheet

// Values: a cell's text read as the project format reads it (amounts, rates, dates, booleans,
// categories), as lenient as Excel is and no more.
extension RowConverter {
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
}
