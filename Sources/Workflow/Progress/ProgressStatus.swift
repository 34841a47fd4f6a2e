import Policy

/// What a unit says of its task in a quarterly report.
public enum ProgressStatus: String, Sendable, Codable, CaseIterable {
    case notStarted = "not_started"
    case onTrack = "on_track"
    case delayed
    case done

    public var label: LocalizedText {
        switch self {
        case .notStarted: return LocalizedText(zh: "未启动", en: "not started")
        case .onTrack: return LocalizedText(zh: "按计划推进", en: "on track")
        case .delayed: return LocalizedText(zh: "滞后", en: "delayed")
        case .done: return LocalizedText(zh: "已完成", en: "done")
        }
    }
}
