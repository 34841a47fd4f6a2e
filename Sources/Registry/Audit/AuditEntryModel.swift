import FluentKit
import Foundation

/// One entry of the audit trail (审计日志): who changed what, when, from where, the state before
/// and after. Append-only — the database refuses updates and deletes (migration 008's triggers) —
/// and hash-chained: each entry's `hash` covers its own fields and the previous entry's hash, so
/// an entry edited or removed behind the platform's back is found by `AuditTrail.verify`.
public final class AuditEntryModel: Model, @unchecked Sendable {
    public static let schema = "audit_entries"
    @ID(key: .id) public var id: UUID?
    /// 1, 2, 3, … without gaps: the chain's order.
    @Field(key: "seq") public var seq: Int64
    /// Milliseconds since 1970 (UTC). An integer, so that the hash reads back the same on both databases.
    @Field(key: "at_ms") public var atMilliseconds: Int64
    @OptionalField(key: "actor_user_id") public var actorUserID: UUID?
    @Field(key: "actor_name") public var actorName: String
    @OptionalField(key: "address") public var address: String?
    /// What was done, as `subject.verb`: `project.status`, `application.submit`, `user.create` …
    @Field(key: "action") public var action: String
    @Field(key: "subject_type") public var subjectType: String
    @Field(key: "subject_id") public var subjectID: String
    /// The application (case) the change belongs to, when it belongs to one.
    @OptionalField(key: "case_id") public var caseID: String?
    @OptionalField(key: "before_json") public var beforeJSON: String?
    @OptionalField(key: "after_json") public var afterJSON: String?
    @Field(key: "previous_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String
    public init() {}
}
