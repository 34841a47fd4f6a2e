import FluentKit
import Foundation

/// A quarterly progress report of a responsible unit's task (the plan's own progress).
/// Append-only: a correction is the next version of the same task and quarter.
public final class PlanProgressReportModel: Model, @unchecked Sendable {
    public static let schema = "plan_progress_reports"
    @ID(key: .id) public var id: UUID?
    @Field(key: "task") public var task: String
    /// The task's clause and unit when reported, kept with the row (the YAML may be reworded later).
    @Field(key: "clause") public var clause: String
    @Field(key: "unit") public var unit: String
    @Field(key: "quarter") public var quarter: String
    @Field(key: "version") public var version: Int
    @Field(key: "status") public var status: String
    @Field(key: "text") public var text: String
    /// A link to the evidence (an http(s) address).
    @OptionalField(key: "evidence_link") public var evidenceLink: String?
    /// An uploaded file of evidence (`PlanProgressEvidenceModel`) of the same task.
    @OptionalField(key: "evidence_file_id") public var evidenceFileID: UUID?
    @Field(key: "reported_by") public var reportedBy: String
    /// The platform's day of filing: the overdue rule compares it with the due day.
    @Field(key: "reported_on") public var reportedOn: String
    @Field(key: "reported_at") public var reportedAt: Date
    public init() {}
}
