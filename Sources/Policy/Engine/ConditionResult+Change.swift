/// What would change a failed numeric condition, in words: "差 2,000,000.00 元达到
/// 20,000,000.00 元的门槛" / "2,000,000.00 yuan short of the 20,000,000.00 yuan threshold". The
/// engine's own sentence, so the web page, the report and the API say the same thing.
extension ConditionResult {
    public var shortfallSentence: LocalizedText? {
        guard !held, let shortfall, let threshold else { return nil }
        // A shortfall above the figure means the figure must rise; otherwise it must fall.
        let rising = (figure ?? .zero) < threshold || (figure == threshold)
        if rising {
            return LocalizedText(zh: "差 \(shortfall.grouped) 元达到 \(threshold.grouped) 元的门槛",
                                 en: "\(shortfall.grouped) yuan short of the \(threshold.grouped) yuan threshold")
        }
        return LocalizedText(zh: "超出 \(threshold.grouped) 元的上限 \(shortfall.grouped) 元",
                             en: "\(shortfall.grouped) yuan over the \(threshold.grouped) yuan limit")
    }
}
