/// An exact non-negative ratio, stored as `numerator / 10^scale` (e.g. 0.05 = 5 / 10^2).
///
/// Applying a ratio to money multiplies in integers and rounds down to the fen, so a subsidy
/// never exceeds its ratio by rounding.
public struct Ratio: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let numerator: Int64
    public let scale: Int

    static let maxScale = 9
    static let powers: [Int64] = (0...maxScale).map { p in (0..<p).reduce(1) { r, _ in r * 10 } }

    public init(numerator: Int64, scale: Int) {
        precondition(scale >= 0 && scale <= Ratio.maxScale)
        self.numerator = numerator
        self.scale = scale
    }

    /// Parses `"0.5"`, `"0.035"` or a percentage `"50%"`, `"1.5%"`. Nil for anything else.
    public init?(text raw: String) {
        var text = raw.trimmingSpaces
        var percent = false
        if text.hasSuffix("%") {
            percent = true
            text.removeLast()
            text = text.trimmingSpaces
        }
        guard let (_, fraction) = DecimalText.split(text) else { return nil }
        let scale = fraction.count + (percent ? 2 : 0)
        guard scale <= Ratio.maxScale,
              let numerator = DecimalText.parseScaled(text, scale: fraction.count),
              numerator <= Ratio.powers[scale] * 1000 else { return nil }
        self.init(numerator: numerator, scale: scale)
    }

    public static let one = Ratio(numerator: 1, scale: 0)
    public static let zero = Ratio(numerator: 0, scale: 0)

    /// `money × ratio`, rounded down to the fen. Uses a 128-bit intermediate so large bases
    /// times fine ratios cannot overflow.
    public func apply(to money: Money) -> Money {
        let (high, low) = money.fen.multipliedFullWidth(by: numerator)
        let (quotient, _) = Ratio.powers[scale].dividingFullWidth((high, low))
        return Money(fen: quotient)
    }

    public static func < (a: Ratio, b: Ratio) -> Bool {
        let s = max(a.scale, b.scale)
        return a.numerator * Ratio.powers[s - a.scale] < b.numerator * Ratio.powers[s - b.scale]
    }

    public static func == (a: Ratio, b: Ratio) -> Bool { !(a < b) && !(b < a) }
    public func hash(into hasher: inout Hasher) {
        var n = numerator, s = scale
        while s > 0 && n % 10 == 0 { n /= 10; s -= 1 }
        hasher.combine(n); hasher.combine(s)
    }

    /// `"0.05"`: the machine form.
    public var decimalString: String {
        if scale == 0 { return String(numerator) }
        let whole = numerator / Ratio.powers[scale]
        var fraction = String(numerator % Ratio.powers[scale])
        fraction = String(repeating: "0", count: scale - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    }

    /// `"5%"`: the human form.
    public var percent: String {
        let asPercent = Ratio(numerator: numerator, scale: max(scale - 2, 0))
        let factor = scale >= 2 ? 1 : Ratio.powers[2 - scale]
        return Ratio(numerator: asPercent.numerator * factor, scale: asPercent.scale).decimalString + "%"
    }

    public var description: String { decimalString }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let ratio = Ratio(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "not a ratio: \(text)"))
        }
        self = ratio
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalString)
    }
}

extension String {
    var trimmingSpaces: String {
        // Most values have no surrounding space: answer without walking the characters.
        let bytes = utf8
        if let first = bytes.first, let last = bytes.last, first != 32, first != 9, last != 32, last != 9 { return self }
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
