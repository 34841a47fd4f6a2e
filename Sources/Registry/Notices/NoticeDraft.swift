import Foundation
import Policy

/// A notice as the workflow hands it in: the texts come from the caller (the policy library
/// holds the platform's wording), Chinese first, English beside it.
public struct NoticeDraft: Sendable, Hashable {
    public var recipient: NoticeRecipient
    /// A code of what it is about, `[a-z0-9_.-]`, at most 64 characters.
    public var kind: String
    public var title: LocalizedText
    public var body: LocalizedText
    public var applicationID: UUID?
    public var projectID: UUID?

    public init(recipient: NoticeRecipient, kind: String, title: LocalizedText, body: LocalizedText,
                applicationID: UUID? = nil, projectID: UUID? = nil) {
        self.recipient = recipient
        self.kind = kind
        self.title = title
        self.body = body
        self.applicationID = applicationID
        self.projectID = projectID
    }

    static let maxTitle = 200
    static let maxBody = 4000

    /// Every problem at once, by the draft's field.
    var issues: [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let kindCharacters = kind.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0) }
        if kind.isEmpty || kind.count > 64 || !kindCharacters {
            issues.append(ValidationIssue(path: "$.kind", zh: "通知类别应为 1 到 64 个小写字母、数字或 _ . -", en: "the kind must be 1 to 64 lower-case letters, digits or _ . -"))
        }
        for (path, text, limit) in [("$.title.zh", title.zh, Self.maxTitle), ("$.title.en", title.en, Self.maxTitle),
                                    ("$.body.zh", body.zh, Self.maxBody), ("$.body.en", body.en, Self.maxBody)] {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                issues.append(ValidationIssue(path: path, zh: "不能为空", en: "must not be empty"))
            } else if text.count > limit {
                issues.append(ValidationIssue(path: path, zh: "不能超过 \(limit) 个字符", en: "must be at most \(limit) characters"))
            }
        }
        switch recipient {
        case .user: break
        case .enterprise(let code):
            if code.isEmpty { issues.append(ValidationIssue(path: "$.recipient.creditCode", zh: "不能为空", en: "must not be empty")) }
        case .group(_, let district, let department):
            if district?.isEmpty == true { issues.append(ValidationIssue(path: "$.recipient.district", zh: "不能为空", en: "must not be empty")) }
            if department?.isEmpty == true { issues.append(ValidationIssue(path: "$.recipient.department", zh: "不能为空", en: "must not be empty")) }
        }
        return issues
    }
}
