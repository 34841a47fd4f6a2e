import FluentKit
import Foundation

/// A risk flag raised when an application arrived (issue 11, item 7), append-only: a flag is a
/// fact about what was seen on that day under that library, never edited. Its evidence (the
/// partners, enterprises and values) is kept as JSON (`RiskEvidenceJSON`).
public final class RiskFlagModel: Model, @unchecked Sendable {
    public static let schema = "risk_flags"

    @ID(key: .id) public var id: UUID?
    @Field(key: "application_id") public var applicationID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "credit_code") public var creditCode: String
    @Field(key: "project_code") public var projectCode: String
    /// The application's district, for the city-wide list's filter.
    @Field(key: "district") public var district: String
    /// `RiskKind`'s raw value.
    @Field(key: "kind") public var kind: String
    @Field(key: "reason_zh") public var reasonZh: String
    @Field(key: "reason_en") public var reasonEn: String
    @Field(key: "evidence") public var evidence: String
    /// The policy library's version whose thresholds raised the flag.
    @Field(key: "library_version") public var libraryVersion: String
    /// The submission's day (`YYYY-MM-DD`).
    @Field(key: "raised_on") public var raisedOn: String
    @Field(key: "raised_at") public var raisedAt: Date

    public init() {}
}
