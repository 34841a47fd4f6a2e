import FluentKit
import Foundation

/// The second-hand equipment gradings (十五) filed for a project: every graded item with its
/// grade, evaluated value and identification, as the project format writes them (JSON).
/// Append-only: a regrading is the next version.
public final class SecondHandGradingModel: Model, @unchecked Sendable {
    public static let schema = "second_hand_gradings"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "version") public var version: Int
    /// The grading scale's id in the policy library when filed.
    @Field(key: "scale") public var scale: String
    @Field(key: "items") public var items: String
    @Field(key: "item_count") public var itemCount: Int
    @Field(key: "recorded_by") public var recordedBy: String
    @Field(key: "recorded_at") public var recordedAt: Date
    public init() {}
}
