import FluentKit
import Foundation

/// An application-scenario task (应用场景创新任务) released in a batch in one field. Append-only,
/// as are its take-ups and designations: the task's story is the rows, never an edit.
public final class ScenarioTaskModel: Model, @unchecked Sendable {
    public static let schema = "scenario_tasks"
    @ID(key: .id) public var id: UUID?
    /// The rolling batch (滚动批次), e.g. `2025-01`.
    @Field(key: "batch") public var batch: String
    @Field(key: "field") public var field: String
    @Field(key: "title") public var title: String
    @OptionalField(key: "description") public var description: String?
    /// The unit releasing the scenario (场景发布单位).
    @Field(key: "owner") public var owner: String
    @Field(key: "released_on") public var releasedOn: String
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
}

/// An enterprise taking up a task (揭榜).
public final class ScenarioTakerModel: Model, @unchecked Sendable {
    public static let schema = "scenario_takers"
    @ID(key: .id) public var id: UUID?
    @Field(key: "task_id") public var taskID: UUID
    @Field(key: "credit_code") public var creditCode: String
    @Field(key: "enterprise_name") public var enterpriseName: String
    @OptionalField(key: "note") public var note: String?
    @Field(key: "taken_on") public var takenOn: String
    @Field(key: "created_by") public var createdBy: String
    public init() {}
}

/// A taker designated a benchmark demonstration project (标杆示范项目) of the task — what
/// instrument 18's conditions check (`LibrariesReader.designations`, docs/lists.md).
public final class ScenarioDesignationModel: Model, @unchecked Sendable {
    public static let schema = "scenario_designations"
    @ID(key: .id) public var id: UUID?
    @Field(key: "task_id") public var taskID: UUID
    @Field(key: "credit_code") public var creditCode: String
    @OptionalField(key: "project_id") public var projectID: UUID?
    @Field(key: "designated_on") public var designatedOn: String
    @Field(key: "created_by") public var createdBy: String
    public init() {}
}
