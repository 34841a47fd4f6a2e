/// What intake decides on a submitted application.
public enum IntakeDecision: Sendable, Hashable {
    /// Every item in: 已受理.
    case accept
    /// Only deferrable items missing: 容缺受理, each with its due day.
    case acceptWithDeficiencies([DeferredItem])
    /// A critical item missing (or in a kind of file it does not accept): cannot be accepted.
    /// Lists the critical items, then the deferrable ones also missing, so that the enterprise
    /// supplies everything at once.
    case cannotAccept(missingCritical: [MaterialItem], missingDeferrable: [MaterialItem])

    /// The transition event intake leads to.
    public var event: ApplicationEvent {
        switch self {
        case .accept: return .accept
        case .acceptWithDeficiencies: return .acceptWithDeficiencies
        case .cannotAccept(let critical, _):
            let zh = critical.map(\.label.zh).joined(separator: "、")
            let en = critical.map(\.label.en).joined(separator: "; ")
            return .returnForSupplement(reasons: "缺少关键材料：\(zh) / critical items missing: \(en)")
        }
    }
}
