import Foundation

/// How values are compared across enterprises: the same serial number, address or phone written
/// differently (full-width digits, spaces, hyphens, a country code) is still the same.
enum RiskNormal {
    /// Compatibility-folded (full-width to half-width), upper case, without spaces, hyphens,
    /// underscores, slashes or dots: `sn-001 23` and `ＳＮ00123` are one serial number.
    static func identifier(_ text: String?) -> String? {
        guard let text else { return nil }
        let folded = text.precomposedStringWithCompatibilityMapping.uppercased()
        let kept = String(folded.unicodeScalars.filter { !CharacterSet.whitespaces.contains($0) && !"-_/.".unicodeScalars.contains($0) })
        return kept.isEmpty ? nil : kept
    }

    /// A name or an address: folded, lower case, letters and digits only (punctuation and spaces
    /// are how two clerks differ, not two places).
    static func words(_ text: String?) -> String? {
        guard let text else { return nil }
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        let kept = String(String.UnicodeScalarView(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))
        return kept.isEmpty ? nil : kept
    }

    /// A phone: its digits, without a leading 86 / 0086 country code or the trunk zero, so that
    /// `+86 21 6000 1234` and `021-60001234` are one number.
    static func phone(_ text: String?) -> String? {
        guard let text else { return nil }
        var digits = String(text.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        if digits.hasPrefix("0086") { digits.removeFirst(4) } else if digits.hasPrefix("86") && digits.count >= 12 { digits.removeFirst(2) }
        while digits.hasPrefix("0") { digits.removeFirst() }
        return digits.isEmpty ? nil : digits
    }
}
