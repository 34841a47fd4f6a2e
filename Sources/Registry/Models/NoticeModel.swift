import FluentKit
import Foundation

/// A notice (站内通知) as stored: one row per notice, whoever it is addressed to — one account,
/// every account of an enterprise, or a group (a role, narrowed to a district or a department).
/// Who has read it is kept beside it, one receipt per reader (`NoticeReadModel`). Written once,
/// never changed.
///
/// The recipient's ids are plain columns, not foreign keys: accounts live in tables this part of
/// the registry does not own, and a notice outlives the account it was sent to.
public final class NoticeModel: Model, @unchecked Sendable {
    public static let schema = "notices"
    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "recipient_user_id") public var recipientUserID: UUID?
    @OptionalField(key: "recipient_credit_code") public var recipientCreditCode: String?
    /// `Role.rawValue` for a group notice.
    @OptionalField(key: "recipient_role") public var recipientRole: String?
    @OptionalField(key: "recipient_district") public var recipientDistrict: String?
    @OptionalField(key: "recipient_department") public var recipientDepartment: String?
    /// What the notice is about, a code the workflow chooses (`deferred_item_due`, `step_at_risk`, …).
    @Field(key: "kind") public var kind: String
    @Field(key: "title_zh") public var titleZh: String
    @Field(key: "title_en") public var titleEn: String
    @Field(key: "body_zh") public var bodyZh: String
    @Field(key: "body_en") public var bodyEn: String
    /// The case (application) it concerns, if any.
    @OptionalField(key: "application_id") public var applicationID: UUID?
    @OptionalField(key: "project_id") public var projectID: UUID?
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
}
