/// An exact amount of money in fen (0.01 yuan).
///
/// Money never passes through binary floating point: it is parsed from decimal text and
/// every ratio is applied with integer arithmetic, rounding down to the fen, so that no amount
/// ever exceeds its ratio (docs/policy-reading.md).
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }
    public init(yuan: Int64) { self.fen = yuan * 100 }

    public static let zero = Money(fen: 0)

    /// Parses a non-negative decimal number of yuan with at most two decimals, e.g. `"1234.5"`.
    /// Returns nil for anything else (signs, exponents, thousands separators, sub-fen digits,
    /// leading zeros such as `"00012"`).
    public init?(yuanText text: String) {
        guard !DecimalText.hasLeadingZeros(text), let fen = DecimalText.parseScaled(text, scale: 2) else { return nil }
        self.fen = fen
    }

    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }
    public static func + (a: Money, b: Money) -> Money { Money(fen: a.fen + b.fen) }
    public static func - (a: Money, b: Money) -> Money { Money(fen: a.fen - b.fen) }
    public static func += (a: inout Money, b: Money) { a.fen += b.fen }
    public static func -= (a: inout Money, b: Money) { a.fen -= b.fen }

    /// `"1234567.80"`: the machine form, used in JSON output.
    public var decimalString: String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `"1,234,567.80"`: the human form, used in reports.
    public var grouped: String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        var digits = String(magnitude / 100)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return "\(sign)\(groups.joined(separator: ",")).\(cents < 10 ? "0" : "")\(cents)"
    }

    public var description: String { decimalString }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let money = Money(yuanText: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "not an amount of yuan: \(text)"))
        }
        self = money
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalString)
    }
}

extension Money {
    public static func min(_ a: Money, _ b: Money) -> Money { a < b ? a : b }
    public static func max(_ a: Money, _ b: Money) -> Money { a < b ? b : a }
}

extension Sequence where Element == Money {
    public func sum() -> Money { reduce(.zero, +) }
}
