import Policy

/// Amounts as officers read them: yuan with thousands separators ("1,234,567.80 元") and, for
/// the large ones, 万元 ("123.46 万元", cut to the hundredth, never rounded up: no amount is
/// shown larger than it is). Formatting only: the amount is the engine's `Money`.
enum AmountText {
    static func yuan(_ m: Money, _ lang: Language) -> String {
        lang == .zh ? "\(m.grouped) 元" : "\(m.grouped) yuan"
    }

    /// The amount in 万元 (10,000 yuan = 1,000,000 fen) with two decimals, grouped.
    static func wanNumber(_ m: Money) -> String {
        let sign = m.fen < 0 ? "-" : ""
        let hundredths = m.fen.magnitude / 10_000
        let grouped = Money(fen: Int64(hundredths)).grouped
        return sign + grouped
    }

    static func wan(_ m: Money, _ lang: Language) -> String {
        lang == .zh ? "\(wanNumber(m)) 万元" : "\(wanNumber(m)) × 10,000 yuan"
    }

    /// The form a page shows: 万元 from 10,000 yuan up, with the exact yuan beside it.
    static func shown(_ m: Money, _ lang: Language) -> String {
        guard m.fen.magnitude >= 1_000_000 else { return yuan(m, lang) }
        return lang == .zh ? "\(wan(m, lang))（\(yuan(m, lang))）" : "\(wan(m, lang)) (\(yuan(m, lang)))"
    }
}
