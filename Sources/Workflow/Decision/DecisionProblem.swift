import Policy

/// Why an approval cannot stand as entered, naming the instrument where there is one.
public enum DecisionProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// More than the engine's maximum for the instrument.
    case exceedsMaximum(instrument: String, granted: Money, maximum: Money)
    /// The engine gives no amount for it (not matched, or its amount is unstated: 10b, 12).
    case noMaximum(instrument: String)
    /// A grant for an instrument the application did not ask for.
    case notAppliedFor(instrument: String)
    case negativeAmount(instrument: String)
    /// The approved investment is more than the declared one.
    case investmentAboveDeclared(approved: Money, declared: Money)
    case negativeInvestment

    public var message: LocalizedText {
        switch self {
        case .exceedsMaximum(let i, let granted, let maximum):
            return LocalizedText(zh: "政策\(i)核准金额\(granted.grouped)元超过按核准日有效参数计算的上限\(maximum.grouped)元",
                                 en: "instrument \(i): granted \(granted.grouped) yuan exceeds the maximum of \(maximum.grouped) yuan under the values in force on the approval day")
        case .noMaximum(let i):
            return LocalizedText(zh: "政策\(i)没有可核准的上限金额（未匹配或金额尚未确定），不能核准金额",
                                 en: "instrument \(i) has no maximum (not matched, or its amount is not yet set); no amount can be granted")
        case .notAppliedFor(let i):
            return LocalizedText(zh: "申报未包含政策\(i)，不能核准", en: "instrument \(i) was not applied for")
        case .negativeAmount(let i):
            return LocalizedText(zh: "政策\(i)核准金额不能为负数", en: "instrument \(i): the amount granted cannot be negative")
        case .investmentAboveDeclared(let approved, let declared):
            return LocalizedText(zh: "核定项目投资\(approved.grouped)元超过申报投资\(declared.grouped)元",
                                 en: "approved investment \(approved.grouped) yuan exceeds the declared \(declared.grouped) yuan")
        case .negativeInvestment:
            return LocalizedText(zh: "核定项目投资不能为负数", en: "the approved investment cannot be negative")
        }
    }

    public var description: String { "\(message.zh) / \(message.en)" }
}
