import Policy

/// A reviewing department of the coordination mechanism of clause (九).
public struct Department: Sendable, Hashable, Codable, Identifiable {
    /// The stable code accounts and cases carry (`Principal.department`), e.g. `ecology-environment`.
    public var code: String
    public var name: LocalizedText
    public var clause: String
    /// The service-level target of the department's review step, in working days.
    public var workingDays: Int

    public var id: String { code }

    public init(code: String, name: LocalizedText, clause: String, workingDays: Int) {
        self.code = code
        self.name = name
        self.clause = clause
        self.workingDays = workingDays
    }
}
