import Foundation
import Policy
import Workflow

/// A notice the workflow owes someone about a case: an item due soon, a step at risk, a lapse,
/// a decision. The store says who and what; the platform's notices deliver it (in-app and mail).
public struct CaseNotice: Sendable, Hashable {
    public enum Recipient: Sendable, Hashable {
        /// The enterprise's users.
        case enterprise(creditCode: String)
        /// Officers of a role, of a district for district officers.
        case officers(role: Role, district: String?)
        /// A reviewing department's users.
        case department(code: String)
    }

    public var recipient: Recipient
    /// `deferral.reminder`, `review.at_risk`, `review.breached`, `application.lapsed`, `application.decided`.
    public var kind: String
    public var caseID: UUID
    public var title: LocalizedText
    public var body: LocalizedText

    public init(recipient: Recipient, kind: String, caseID: UUID, title: LocalizedText, body: LocalizedText) {
        self.recipient = recipient
        self.kind = kind
        self.caseID = caseID
        self.title = title
        self.body = body
    }
}
