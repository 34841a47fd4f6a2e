import FluentKit
import Foundation

/// A file of evidence for a task's progress report, uploaded before the report that cites it,
/// with the limits of an application's materials (kind sniffed from the bytes, 20 MB, SHA-256).
/// Append-only, like the reports.
public final class PlanProgressEvidenceModel: Model, @unchecked Sendable {
    public static let schema = "plan_progress_evidence"
    @ID(key: .id) public var id: UUID?
    @Field(key: "task") public var task: String
    @Field(key: "file_name") public var fileName: String
    @Field(key: "content_kind") public var contentKind: String
    @Field(key: "size") public var size: Int64
    @Field(key: "sha256") public var sha256: String
    @Field(key: "data") public var data: Data
    @Field(key: "uploaded_by") public var uploadedBy: String
    @Field(key: "uploaded_at") public var uploadedAt: Date
    public init() {}
}
