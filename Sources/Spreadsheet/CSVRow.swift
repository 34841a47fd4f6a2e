import Foundation

/// One row of a CSV file: its fields as UTF-8 bytes, decoded on demand.
public struct CSVRow: Sendable {
    /// The row number as a spreadsheet shows it (the first row is 1).
    public internal(set) var number = 0
    var bytes: [UInt8] = []
    var ends: [Int] = []

    public init() {}

    public var count: Int { ends.count }

    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

    /// The field's text; invalid UTF-8 is replaced by U+FFFD (see `validatedField`).
    public subscript(i: Int) -> String {
        guard i < ends.count else { return "" }
        return String(decoding: bytes[range(i)], as: UTF8.self)
    }

    /// The field's text, or nil when it is not valid UTF-8 (a file saved in GBK, say).
    public func validatedField(_ i: Int) -> String? {
        guard i < ends.count else { return "" }
        let r = range(i)
        return bytes.withUnsafeBufferPointer { p in
            let field = UnsafeBufferPointer(rebasing: p[r])
            return UTF8Check.isValid(field) ? String(decoding: field, as: UTF8.self) : nil
        }
    }

    /// Every field's text; `bad` is the first field that is not valid UTF-8 (decoded with
    /// replacement characters).
    public func strings(firstInvalid bad: inout Int?) -> [String] {
        var out: [String] = []
        out.reserveCapacity(ends.count)
        bytes.withUnsafeBufferPointer { p in
            var start = 0
            for (i, end) in ends.enumerated() {
                if end == start { out.append("") } else {
                    let field = UnsafeBufferPointer(rebasing: p[start..<end])
                    if bad == nil && !UTF8Check.isValid(field) { bad = i }
                    out.append(String(decoding: field, as: UTF8.self))
                }
                start = end
            }
        }
        return out
    }

    public func isEmpty(_ i: Int) -> Bool { i >= ends.count || range(i).isEmpty }

    /// Every field is empty (an empty line or a line of separators).
    public var isBlank: Bool { bytes.isEmpty }

    public var fields: [String] { (0..<count).map { self[$0] } }
}
