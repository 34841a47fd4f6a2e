import FluentKit
import Foundation

/// A project as it was before a replacement or an edit (项目历史版本): its project file as JSON
/// (what `ProjectFileWriter` writes), its status, recommended total and combination then, and
/// who replaced it and when. Append-only: rows are written, never changed.
///
/// `project_id` is deliberately not a foreign key: a project's history outlives the project.
public final class ProjectVersionModel: Model, @unchecked Sendable {
    public static let schema = "project_versions"
    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    /// 1 for the first earlier version of the project, then 2, 3, …
    @Field(key: "version") public var version: Int
    @Field(key: "credit_code") public var creditCode: String
    @Field(key: "project_code") public var projectCode: String
    @Field(key: "status") public var status: String
    /// The project file's project object, compact JSON.
    @Field(key: "project_json") public var projectJSON: String
    @Field(key: "recommended_fen") public var recommendedFen: Int64
    /// As `ProjectModel.recommendedInstruments`: ",7a,17a,".
    @Field(key: "recommended_instruments") public var recommendedInstruments: String
    /// When this version was written (the project's last update before it was replaced).
    @OptionalField(key: "valid_from") public var validFrom: Date?
    /// What replaced it: `api`, `api delete`, `import <id>`.
    @Field(key: "replaced_by") public var replacedBy: String
    @Field(key: "replaced_at") public var replacedAt: Date
    public init() {}
}
