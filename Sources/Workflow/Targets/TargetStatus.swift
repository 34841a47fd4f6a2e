import Foundation
import Policy

/// Where a measure stands against the milestone of its quarter.
public enum TargetStatus: String, Sendable, Codable, CaseIterable {
    case green, amber, red

    /// at_least: green at or above the milestone, amber from `amber_from` × the milestone, red
    /// below. about: green within `about_band` × the milestone either side, amber within
    /// (1 − amber_from) × the milestone either side, red further off. Shares come from
    /// dashboard.yaml; a share the library loaded always parses.
    public static func of(actual: Decimal, milestone: Decimal, kind: String?, rule: TargetStatusRule) -> TargetStatus {
        let amberFrom = TargetNumber.decimal(rule.amberFrom) ?? 1
        if kind == "about" {
            let band = TargetNumber.decimal(rule.aboutBand) ?? 0
            let off = abs(actual - milestone)
            if off <= milestone * band { return .green }
            if off <= milestone * (1 - amberFrom) { return .amber }
            return .red
        }
        if actual >= milestone { return .green }
        if actual >= milestone * amberFrom { return .amber }
        return .red
    }
}

/// The dashboard's figures: exact decimals (Foundation's `Decimal`, base ten), read from the
/// library's plain decimal text; never floating point.
public enum TargetNumber {
    /// `"12.5"` → 12.5; nil unless the text is a plain decimal (digits, one optional point).
    public static func decimal(_ text: String) -> Decimal? {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 40, bytes.first != UInt8(ascii: "."), bytes.last != UInt8(ascii: "."),
              bytes.allSatisfy({ (48...57).contains($0) || $0 == UInt8(ascii: ".") }),
              bytes.filter({ $0 == UInt8(ascii: ".") }).count <= 1 else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Plain text of a decimal, `"14285714285.72"`, without exponent or grouping.
    public static func text(_ value: Decimal) -> String {
        var v = value
        return NSDecimalString(&v, Locale(identifier: "en_US_POSIX"))
    }

    /// Rounded to `scale` places toward `direction` (up when the line rises, so that rounding never
    /// turns a shortfall green).
    static func rounded(_ value: Decimal, scale: Int, up: Bool) -> Decimal {
        var v = value, out = Decimal()
        NSDecimalRound(&out, &v, scale, up ? .up : .down)
        return out
    }
}
