
/// Excel's stored numbers as exact text: scientific notation expanded digit by digit, and date
/// serial numbers turned into calendar days. Nothing passes through `Double`.
public enum ExcelNumber {
    /// `"1E+7"` → `"10000000"`, `"1.5E-3"` → `"0.0015"`, `"-2.5e2"` → `"-250"`; text without an
    /// exponent is returned unchanged. Nil when the text is not a number or its exponent is
    /// beyond ±40 (no amount, rate or count needs that).
    public static func plain(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let e = bytes.firstIndex(where: { $0 == 0x45 || $0 == 0x65 }) else {
            return isDecimal(bytes[...]) ? text : nil
        }
        var mantissa = bytes[..<e]
        var exponentBytes = bytes[(e + 1)...]
        var negative = false
        if let f = mantissa.first, f == 0x2D || f == 0x2B {
            negative = f == 0x2D
            mantissa = mantissa.dropFirst()
        }
        var exponentNegative = false
        if let f = exponentBytes.first, f == 0x2D || f == 0x2B {
            exponentNegative = f == 0x2D
            exponentBytes = exponentBytes.dropFirst()
        }
        guard !exponentBytes.isEmpty, exponentBytes.count <= 3,
              exponentBytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              isDecimal(mantissa), let first = mantissa.first, first != 0x2E || mantissa.count > 1 else { return nil }
        var exponent = exponentBytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        if exponentNegative { exponent = -exponent }
        guard abs(exponent) <= 40 else { return nil }
        // Digits without the point, and where the point was.
        var digits: [UInt8] = []
        var point = -1
        for b in mantissa {
            if b == 0x2E { point = digits.count } else { digits.append(b) }
        }
        if point < 0 { point = digits.count }
        point += exponent
        // Place the point, padding with zeros on either side.
        if point <= 0 {
            digits.insert(contentsOf: [UInt8](repeating: 0x30, count: -point + 1), at: 0)
            point = 1
        } else if point > digits.count {
            digits.append(contentsOf: [UInt8](repeating: 0x30, count: point - digits.count))
        }
        var integer = Array(digits[..<point])
        var fraction = Array(digits[point...])
        while integer.count > 1 && integer.first == 0x30 { integer.removeFirst() }
        while fraction.last == 0x30 { fraction.removeLast() }
        var out = negative ? "-" : ""
        out += String(decoding: integer, as: UTF8.self)
        if !fraction.isEmpty { out += "." + String(decoding: fraction, as: UTF8.self) }
        return out
    }

    /// A number cell's value as Excel shows it: the stored text (`882501.8199999999`, the
    /// double nearest 882501.82 written with 16 digits by some programs) rounded half up to the
    /// 15 significant digits a double holds (`882501.82`), in plain notation. Decimal digits are
    /// rounded as text: no floating point. Nil when the text is not a number.
    public static func shown(_ text: String) -> String? {
        guard let plain = plain(text) else { return nil }
        var bytes = Array(plain.utf8)
        var negative = false
        if bytes.first == 0x2D || bytes.first == 0x2B { negative = bytes.first == 0x2D; bytes.removeFirst() }
        var digits: [UInt8] = []
        var point = -1
        for b in bytes { if b == 0x2E { point = digits.count } else { digits.append(b - 0x30) } }
        if point < 0 { point = digits.count }
        guard let first = digits.firstIndex(where: { $0 != 0 }), digits.count - first > 15 else { return plain }
        let keep = first + 15
        var carry = digits[keep] >= 5
        for i in keep..<digits.count { digits[i] = 0 }
        var i = keep - 1
        while carry && i >= 0 {
            digits[i] += 1
            carry = digits[i] == 10
            if carry { digits[i] = 0 }
            i -= 1
        }
        if carry { digits.insert(1, at: 0); point += 1 }
        var integer = digits[..<point].map { $0 + 0x30 }
        var fraction = digits[point...].map { $0 + 0x30 }
        while integer.count > 1 && integer.first == 0x30 { integer.removeFirst() }
        if integer.isEmpty { integer = [0x30] }
        while fraction.last == 0x30 { fraction.removeLast() }
        var out = negative && (digits.contains { $0 != 0 }) ? "-" : ""
        out += String(decoding: integer, as: UTF8.self)
        if !fraction.isEmpty { out += "." + String(decoding: fraction, as: UTF8.self) }
        return out
    }

    /// Digits with at most one point and at least one digit, optionally signed.
    public static func isDecimal<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var points = 0, digits = 0, first = true
        for c in bytes {
            defer { first = false }
            if first && (c == 0x2D || c == 0x2B) { continue }
            if c == 0x2E { points += 1 } else if c >= 0x30 && c <= 0x39 { digits += 1 } else { return false }
        }
        return points <= 1 && digits > 0
    }

    /// The day of an Excel date serial number (its whole part; a time of day is dropped).
    /// In the 1900 system serial 1 is 1900-01-01 and Excel counts a 29 February 1900 that never
    /// was (serial 60, refused here); in the 1904 system serial 0 is 1904-01-01.
    public static func day(serial text: String, date1904: Bool = false) -> SheetDay? {
        guard let plain = plain(text), !plain.hasPrefix("-") else { return nil }
        let whole = plain.split(separator: ".", maxSplits: 1).first.map(String.init) ?? plain
        guard whole.count <= 7, let n = Int(whole) else { return nil }
        if date1904 { return civil(daysFromEpoch: days(from1970: 1904, 1, 1) + n) }
        if n == 60 || n < 1 { return nil }
        let base = n < 60 ? days(from1970: 1899, 12, 31) : days(from1970: 1899, 12, 30)
        return civil(daysFromEpoch: base + n)
    }

    /// The 1900-system serial number of a day (for writing date cells).
    public static func serial(of day: SheetDay) -> Int {
        let d = days(from1970: day.year, day.month, day.day)
        let n = d - days(from1970: 1899, 12, 30)
        return n < 61 ? n - 1 : n
    }

    /// Days since 1970-01-01.
    static func days(from1970 y: Int, _ m: Int, _ d: Int) -> Int { SheetDay(year: y, month: m, day: d)!.daysSince1970 }

    static func civil(daysFromEpoch z0: Int) -> SheetDay? { SheetDay(daysSince1970: z0) }
}
