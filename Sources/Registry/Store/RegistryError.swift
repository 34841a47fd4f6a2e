import Policy

/// What the registry refuses, in words the API turns into 404, 409 and 422.
public enum RegistryError: Error, Sendable, CustomStringConvertible {
    case notFound(LocalizedText)
    case conflict(LocalizedText)
    case invalid([ValidationIssue])

    public var description: String {
        switch self {
        case .notFound(let m), .conflict(let m): return m.en
        case .invalid(let issues): return issues.map(\.description).joined(separator: "; ")
        }
    }
}
