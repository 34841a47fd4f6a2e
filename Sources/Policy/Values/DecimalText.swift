/// Parsing of plain decimal text ("12", "12.5", "0.035") into scaled integers, the one place
/// where the engine turns text into numbers. No floating point is involved.
enum DecimalText {
    /// The largest amount accepted anywhere: 10^15 fen is ten trillion yuan, far above any
    /// project, and keeps every product with a ratio inside Int64.
    static let limit: Int64 = 1_000_000_000_000_000

    /// `"12.34"` with scale 2 → 1234. Nil when the text is not a non-negative decimal, has more
    /// fractional digits than `scale`, or exceeds `limit`.
    static func parseScaled(_ text: String, scale: Int) -> Int64? {
        // One pass over the bytes, no allocation: this runs for every amount of every import.
        var value: Int64 = 0
        var integerDigits = 0, fractionDigits = -1
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard fractionDigits < 0, integerDigits > 0 else { return nil }
                fractionDigits = 0
                continue
            }
            guard byte >= 48 && byte <= 57 else { return nil }
            if fractionDigits >= 0 { fractionDigits += 1 } else { integerDigits += 1 }
            guard integerDigits <= 18, fractionDigits <= scale else { return nil }
            value = value * 10 + Int64(byte - 48)
            if value > limit { return nil }
        }
        guard integerDigits > 0, fractionDigits != 0 else { return nil }
        for _ in max(fractionDigits, 0)..<scale {
            value *= 10
            if value > limit { return nil }
        }
        return value
    }

    /// Integer and fraction digits of a plain decimal; nil for anything else.
    static func split(_ text: String) -> (Substring, Substring)? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let integer = parts.first, !integer.isEmpty, integer.count <= 18 else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        if parts.count == 2 && fraction.isEmpty { return nil }
        guard integer.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return (integer, fraction)
    }

    /// `"00012.5"` → `"12.5"`: the same number without the zeros before its first digit, or nil
    /// when the text is not a plain decimal with such zeros. An amount so written is refused (a
    /// misread column, or a code taken for an amount), and the message shows how to write it.
    static func withoutLeadingZeros(_ text: String) -> String? {
        guard hasLeadingZeros(text), split(text) != nil else { return nil }
        let rest = text.drop { $0 == "0" }
        return rest.isEmpty || rest.first == "." ? "0" + String(rest) : String(rest)
    }

    /// More than one digit before the point, the first a zero: `"00012"`, `"01.5"` (not `"0.5"`).
    static func hasLeadingZeros(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.first == UInt8(ascii: "0"), let second = bytes.dropFirst().first else { return false }
        return second >= 48 && second <= 57
    }
}
