import FluentKit
import Foundation

/// A material uploaded to an application: which checklist item, what its content turned out to
/// be, its SHA-256, and the bytes themselves (kept in the database, so that a case and its
/// materials are written and backed up together). A new upload for an item adds a row; the
/// latest counts, the earlier stay readable.
public final class ApplicationMaterialModel: Model, @unchecked Sendable {
    public static let schema = "application_materials"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: ApplicationModel
    @Field(key: "item") public var item: String
    /// `Workflow.ContentKind`'s raw value, found from the bytes.
    @Field(key: "content_kind") public var contentKind: String
    @Field(key: "file_name") public var fileName: String
    @Field(key: "size") public var size: Int64
    @Field(key: "sha256") public var sha256: String
    @Field(key: "data") public var data: Data
    @Field(key: "uploaded_by") public var uploadedBy: String
    @Field(key: "uploaded_at") public var uploadedAt: Date
    public init() {}
}

/// An item accepted as missing (容缺受理), its due day, when it was supplied, and which
/// reminders went out.
public final class ApplicationDeferralModel: Model, @unchecked Sendable {
    public static let schema = "application_deferrals"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: ApplicationModel
    @Field(key: "item") public var item: String
    @Field(key: "due") public var due: String
    @OptionalField(key: "supplied_on") public var suppliedOn: String?
    /// The reminder offsets already sent, ",7,1,".
    @Field(key: "reminded") public var reminded: String
    public init() {}
}

/// One department's step of the parallel review (并联审查) of an application, in a round (a
/// case returned and resubmitted is reviewed again in the next round), with its service-level
/// clock and its opinion.
public final class ReviewStepModel: Model, @unchecked Sendable {
    public static let schema = "review_steps"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: ApplicationModel
    @Field(key: "round") public var round: Int
    @Field(key: "department") public var department: String
    @Field(key: "started") public var started: String
    @Field(key: "target_working_days") public var targetWorkingDays: Int
    @Field(key: "due") public var due: String
    @Field(key: "green_channel") public var greenChannel: Bool
    /// approve / reject / ask_supplement; nil while waiting.
    @OptionalField(key: "verdict") public var verdict: String?
    @OptionalField(key: "reasons") public var reasons: String?
    @OptionalField(key: "given_on") public var givenOn: String?
    @OptionalField(key: "given_by") public var givenBy: String?
    /// The last service-level status escalated (at_risk, breached), so each is escalated once.
    @OptionalField(key: "escalated") public var escalated: String?
    public init() {}
}

/// The decision on an application, pinned to its policy: the approved investment (核定), the
/// granted amount per instrument with the engine's maximum beside it, the library version (a
/// hash of its files) and the values in force on the decision day. Written once.
public final class ApplicationDecisionModel: Model, @unchecked Sendable {
    public static let schema = "application_decisions"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: ApplicationModel
    @Field(key: "outcome") public var outcome: String
    @Field(key: "decided_on") public var decidedOn: String
    @Field(key: "decided_by") public var decidedBy: String
    @OptionalField(key: "approved_investment_fen") public var approvedInvestmentFen: Int64?
    /// `[{"instrument":"7a","granted":"…","maximum":"…","clause":"七"}]`.
    @Field(key: "grants_json") public var grantsJSON: String
    @Field(key: "granted_fen") public var grantedFen: Int64
    @OptionalField(key: "reasons") public var reasons: String?
    @Field(key: "library_version") public var libraryVersion: String
    /// The parameters in force on the decision day, `{"key":"value",…}`.
    @Field(key: "values_json") public var valuesJSON: String
    /// The engine's evaluation of the submitted project on the decision day (the plan's JSON).
    @Field(key: "evaluation_json") public var evaluationJSON: String
    /// An approval past a yearly quota: `{"quotas":"first-set,first-batch","reason":"…"}` (budget.md).
    @OptionalField(key: "quota_override") public var quotaOverride: String?
    public init() {}
}
