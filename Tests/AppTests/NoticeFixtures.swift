import Foundation
import Policy
import Registry
import Workflow

/// Accounts and notices for the notice, mail and scheduler tests. The accounts are principals
/// only: accounts themselves are another part of the platform.
enum NoticeFixtures {
    static let enterpriseCode = "91310115MA1K4ABCDD"
    static let enterpriseUser = Principal(userID: UUID(), username: "pujiang", role: .enterprise, enterpriseCode: enterpriseCode)
    static let otherEnterpriseUser = Principal(userID: UUID(), username: "other", role: .enterprise, enterpriseCode: "91310000132149237G")
    static let pudongOfficer = Principal(userID: UUID(), username: "pudong", role: .districtOfficer, district: "pudong")
    static let minhangOfficer = Principal(userID: UUID(), username: "minhang", role: .districtOfficer, district: "minhang")
    static let ecologyReviewer = Principal(userID: UUID(), username: "sthj", role: .department, department: "ecology")

    static func draft(_ recipient: NoticeRecipient, kind: String = "decision", title: String = "审批通过", en: String = "Approved") -> NoticeDraft {
        NoticeDraft(recipient: recipient, kind: kind, title: LocalizedText(zh: title, en: en),
                    body: LocalizedText(zh: "您的申请已通过审批。", en: "Your application was approved."))
    }
}
