import FluentKit
import Foundation

/// One project an import replaced (导入替换记录): the row, the version kept of what it was, the
/// recommended total before and after, and the fields that changed (JSON, `[FieldChange]`).
/// Kept in a table rather than in the job so that the report of a huge import stays bounded: it
/// pages these rows.
public final class ImportChangeModel: Model, @unchecked Sendable {
    public static let schema = "import_changes"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "job_id") public var job: ImportJobModel
    @Field(key: "row") public var row: Int
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "credit_code") public var creditCode: String
    @Field(key: "project_code") public var projectCode: String
    /// The number of the `ProjectVersionModel` that keeps the project as it was.
    @Field(key: "version") public var version: Int
    @Field(key: "before_fen") public var beforeFen: Int64
    @Field(key: "after_fen") public var afterFen: Int64
    @Field(key: "before_instruments") public var beforeInstruments: String
    @Field(key: "after_instruments") public var afterInstruments: String
    @Field(key: "changes") public var changesJSON: String
    public init() {}
}
