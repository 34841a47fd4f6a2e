/// A review step's standing against its service-level target.
public enum ServiceLevelStatus: String, Sendable, Hashable, Codable {
    /// More working days left than the at-risk margin.
    case onTrack = "on_track"
    /// The due day is near (within the margin) and the step is not done.
    case atRisk = "at_risk"
    /// The due day has passed and the step is not done.
    case breached
    /// Done by its due day.
    case met
    /// Done after its due day.
    case late

    /// Whether the city officer is to be told (at risk or breached while still open).
    public var needsEscalation: Bool { self == .atRisk || self == .breached }
}
