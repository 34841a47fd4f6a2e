import Policy

/// A request's place in a pool's ranking, what it receives and why.
public struct PoolPlacement: Sendable, Hashable {
    /// From 1.
    public var place: Int
    public var request: PoolRequest
    public var allotted: Money
    public var reason: Reason

    public enum Reason: Sendable, Hashable {
        /// The pool covers every request: each is paid in full, ranked by application date.
        case poolSuffices
        /// Priority rationing: at or above the threshold (or not), then by application date.
        case priority(aboveThreshold: Bool, threshold: Money)
        /// Pro rata: ⌊amount × pool ÷ requested⌋, plus one fen if this request is among the
        /// `remainder` largest fractional parts (ties: earlier application, then id).
        case proRata(pool: Money, requested: Money, share: Money, extraFen: Bool)
    }

    /// The reason in Chinese and English, for the officer.
    public var explanation: LocalizedText {
        let day = request.appliedOn.iso
        switch reason {
        case .poolSuffices:
            return LocalizedText(zh: "预算足以覆盖全部申请，全额支持；按申报日期 \(day) 排序",
                                 en: "the pool covers every request: paid in full; ordered by application date \(day)")
        case .priority(let above, let threshold):
            let t = threshold.grouped
            return above
                ? LocalizedText(zh: "投资额不低于 \(t) 元，优先支持（解读1）；同档按申报日期 \(day)",
                                en: "investment at or above \(t) yuan: served first (reading 1); then by application date \(day)")
                : LocalizedText(zh: "投资额低于 \(t) 元，排在优先项目之后；同档按申报日期 \(day)",
                                en: "investment below \(t) yuan: served after the priority projects; then by application date \(day)")
        case .proRata(let pool, let requested, let share, let extra):
            let tail = extra ? LocalizedText(zh: "；余数分配得 0.01 元", en: "; plus 0.01 yuan of the remainder") : LocalizedText(zh: "", en: "")
            return LocalizedText(zh: "按比例：\(request.amount.decimalString) × \(pool.decimalString) ÷ \(requested.decimalString)，向下取整到分为 \(share.decimalString)\(tail.zh)",
                                 en: "pro rata: \(request.amount.decimalString) × \(pool.decimalString) ÷ \(requested.decimalString), rounded down to the fen: \(share.decimalString)\(tail.en)")
        }
    }
}
