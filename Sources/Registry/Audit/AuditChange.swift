import Foundation

/// A change to be written to the audit trail: what was done to which subject, and the subject's
/// state before and after (JSON objects, keys sorted, so that the same state reads the same).
public struct AuditChange: Sendable, Equatable {
    public var action: String
    public var subjectType: String
    public var subjectID: String
    public var caseID: String?
    public var before: String?
    public var after: String?

    public init(action: String, subjectType: String, subjectID: String, caseID: String? = nil,
                before: String? = nil, after: String? = nil) {
        self.action = action
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.caseID = caseID
        self.before = before
        self.after = after
    }

    /// A flat JSON object of `fields` with sorted keys (nil values are written as null).
    public static func state(_ fields: [String: String?]) -> String {
        let object = fields.mapValues { $0.map { $0 as Any } ?? NSNull() }
        // Only strings and null go in, so serialisation cannot fail.
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
