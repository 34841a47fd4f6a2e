import FluentKit
import Foundation

/// A project as a published version of a rolling list carried it (发布快照): what was sent to
/// the banks stays as sent, whatever happens to the project afterwards. One row per project on
/// the list when a version is published; never changed.
public final class RollingListSnapshotModel: Model, @unchecked Sendable {
    public static let schema = "rolling_list_snapshots"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "list_id") public var list: RollingListModel
    @Field(key: "version") public var version: Int
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "project_code") public var projectCode: String
    @Field(key: "credit_code") public var creditCode: String
    @Field(key: "enterprise_name") public var enterpriseName: String
    @Field(key: "name") public var name: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "declared_fen") public var declaredFen: Int64?
    @OptionalField(key: "approved_fen") public var approvedFen: Int64?
    @Field(key: "recommended_fen") public var recommendedFen: Int64
    @Field(key: "recommended_instruments") public var recommendedInstruments: String
    /// Each instrument of the combination with its amount then, as `7a=1000000.00;17a=50000.00`.
    @Field(key: "recommended_lines") public var recommendedLines: String
    @Field(key: "published_at") public var publishedAt: Date
    public init() {}
}
