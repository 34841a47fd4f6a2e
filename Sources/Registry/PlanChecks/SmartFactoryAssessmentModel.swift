import FluentKit
import Foundation

/// A smart-factory evaluation and diagnosis (十二) filed for a project: the answers before and
/// after, with the score (hundredths of a point) and level the engine computed when it was
/// filed. Append-only: a new answer is the next version.
public final class SmartFactoryAssessmentModel: Model, @unchecked Sendable {
    public static let schema = "smart_factory_assessments"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "version") public var version: Int
    /// The questionnaire's id in the policy library when filed.
    @Field(key: "questionnaire") public var questionnaire: String
    /// Question id → option id, as JSON.
    @Field(key: "answers_before") public var answersBefore: String
    @Field(key: "answers_after") public var answersAfter: String
    @Field(key: "score_before") public var scoreBefore: Int
    @Field(key: "score_after") public var scoreAfter: Int
    /// Level ids of the questionnaire; nil when no level was reached.
    @OptionalField(key: "level_before") public var levelBefore: String?
    @OptionalField(key: "level_after") public var levelAfter: String?
    @Field(key: "recorded_by") public var recordedBy: String
    @Field(key: "recorded_at") public var recordedAt: Date
    public init() {}
}
