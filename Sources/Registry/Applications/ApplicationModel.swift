import FluentKit
import Foundation

/// An application (申报) of an enterprise for a stored project: the instruments applied for,
/// where it stands, and what was sent — the project as it was at submission and the engine's
/// amounts then — which later edits of the project never change.
public final class ApplicationModel: Model, @unchecked Sendable {
    public static let schema = "applications"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "credit_code") public var creditCode: String
    @Field(key: "district") public var district: String
    /// `Workflow.ApplicationState`'s raw value.
    @Field(key: "state") public var state: String
    /// The instruments applied for, in the library's order: ",7a,17a,".
    @Field(key: "instruments") public var instruments: String
    /// Whether the enterprise chose the instruments (false: the recommended combination).
    @Field(key: "chosen") public var chosen: Bool
    /// The project file's project object at the last submission (compact JSON); the draft's
    /// until then.
    @Field(key: "project_json") public var projectJSON: String
    /// The engine's amount per instrument at the last submission, `{"7a":"1234.00",…}`.
    @Field(key: "requested_json") public var requestedJSON: String
    @Field(key: "requested_fen") public var requestedFen: Int64
    @Field(key: "zero_land") public var zeroLand: Bool
    /// The green channel (绿色通道) of the environmental step applies.
    @Field(key: "green_channel") public var greenChannel: Bool
    /// The reasons of the last return or rejection.
    @OptionalField(key: "reasons") public var reasons: String?
    /// Raised on every change: a second writer working from an older read is refused.
    @Field(key: "revision") public var revision: Int
    @Field(key: "created_by") public var createdBy: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @OptionalField(key: "submitted_on") public var submittedOn: String?
    @Children(for: \.$application) public var transitions: [ApplicationTransitionModel]
    @Children(for: \.$application) public var deferrals: [ApplicationDeferralModel]
    @Children(for: \.$application) public var steps: [ReviewStepModel]
    public init() {}

    public var instrumentIDs: [String] { instruments.split(separator: ",").map(String.init) }
}

/// One move of an application from a state to another, who made it and when: the case's
/// history and the source of its time in each state.
public final class ApplicationTransitionModel: Model, @unchecked Sendable {
    public static let schema = "application_transitions"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: ApplicationModel
    @OptionalField(key: "from_state") public var fromState: String?
    @Field(key: "to_state") public var toState: String
    @Field(key: "event") public var event: String
    @Field(key: "day") public var day: String
    @Field(key: "at") public var at: Date
    @Field(key: "actor_name") public var actorName: String
    @OptionalField(key: "reasons") public var reasons: String?
    public init() {}
}
