import FluentKit
import Foundation

/// A value of a policy parameter saved from a date on (政策参数调整) by an officer, laid over the
/// library's files as a dated value: the library in force is the files with every saved change.
/// Append-only: a later change is a new row; the history of what was in force stays.
public final class PolicyChangeModel: Model, @unchecked Sendable {
    public static let schema = "policy_changes"
    @ID(key: .id) public var id: UUID?
    /// The parameter's key in the library, `7a.ratio`.
    @Field(key: "key") public var key: String
    /// The day from which the value holds, `YYYY-MM-DD`.
    @Field(key: "from_day") public var from: String
    /// The value as the library writes it (`40%`, `15000000`, `bar`).
    @Field(key: "value") public var value: String
    @OptionalField(key: "note") public var note: String?
    @Field(key: "saved_by") public var savedBy: String
    @Field(key: "saved_at") public var savedAt: Date
    public init() {}
}
