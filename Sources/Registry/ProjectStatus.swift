/// Where a project is in its life (项目储备 → 备案 → 在建 → 竣工 → 验收). It moves forward one step
/// at a time, or back to the reserve when a filing is withdrawn.
public enum ProjectStatus: String, Sendable, Codable, CaseIterable {
    case reserve
    case filed
    case underConstruction = "under_construction"
    case completed
    case accepted

    public var label: (zh: String, en: String) {
        switch self {
        case .reserve: return ("项目储备", "reserve")
        case .filed: return ("已备案", "filed")
        case .underConstruction: return ("在建", "under construction")
        case .completed: return ("已竣工", "completed")
        case .accepted: return ("已验收", "accepted")
        }
    }

    /// Whether a project may move from this status to `next`.
    public func allows(_ next: ProjectStatus) -> Bool {
        let order = ProjectStatus.allCases
        let i = order.firstIndex(of: self)!, j = order.firstIndex(of: next)!
        return j == i + 1 || (next == .reserve && self != .reserve)
    }
}
