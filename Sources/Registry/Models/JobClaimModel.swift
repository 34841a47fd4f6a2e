import FluentKit
import Foundation

/// That one server took one run of a scheduled job (定时任务认领): the job's name and its slot
/// (the period it runs for, e.g. `2026-12-01T00:00+08:00` for a daily job) are unique together,
/// so of several servers inserting the same pair exactly one succeeds — on SQLite and
/// PostgreSQL alike — and only that one runs the job.
public final class JobClaimModel: Model, @unchecked Sendable {
    public static let schema = "job_claims"
    @ID(key: .id) public var id: UUID?
    @Field(key: "job") public var job: String
    @Field(key: "slot") public var slot: String
    @Field(key: "claimed_by") public var claimedBy: String
    @Field(key: "claimed_at") public var claimedAt: Date
    @OptionalField(key: "finished_at") public var finishedAt: Date?
    /// `succeeded` or `failed`; nil while it runs (or when its server died running it).
    @OptionalField(key: "outcome") public var outcome: String?
    @OptionalField(key: "error") public var error: String?
    public init() {}
}
