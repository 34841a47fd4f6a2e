import Policy

/// Who fires an event: a person in a role, or the platform itself (scheduled work such as lapses).
public enum WorkflowActor: Sendable, Hashable {
    case person(Role)
    case system

    public var label: LocalizedText {
        switch self {
        case .person(let role): return role.label
        case .system: return LocalizedText(zh: "系统", en: "the platform")
        }
    }
}
