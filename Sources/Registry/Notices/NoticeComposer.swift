import FluentKit
import Foundation
import Policy

/// Posts a notice and queues its mail in one transaction: either the reader finds the notice in
/// the platform and the mail is queued, or neither. Called by the workflow (a reminder, a step
/// at risk, a decision) with its texts; inside a transaction of the caller's, it joins it.
///
/// The addresses are the caller's: accounts and their mailboxes live elsewhere, and a group
/// notice is mailed to whoever the caller finds in the group now.
public struct NoticeComposer: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    @discardableResult
    public func post(_ draft: NoticeDraft, mailTo addresses: [String] = [], at now: Date = Date()) async throws -> Notice {
        let issues = draft.issues + addresses.enumerated().compactMap { index, address in
            MailAddress.isValid(address) ? nil : ValidationIssue(path: "$.mailTo[\(index)]", zh: "邮箱地址无效：\(address.prefix(254))", en: "not a mail address: \(address.prefix(254))")
        }
        guard issues.isEmpty else { throw RegistryError.invalid(issues) }
        return try await db.transaction { db in
            let model = NoticeModel()
            draft.recipient.write(to: model)
            model.kind = draft.kind
            model.titleZh = draft.title.zh
            model.titleEn = draft.title.en
            model.bodyZh = draft.body.zh
            model.bodyEn = draft.body.en
            model.applicationID = draft.applicationID
            model.projectID = draft.projectID
            model.createdAt = now
            try await model.create(on: db)
            let outbox = MailOutbox(db: db)
            for address in Set(addresses).sorted() {
                try await outbox.enqueue(to: address, subject: Self.subject(draft), body: Self.text(draft), noticeID: model.requireID(), at: now)
            }
            return try Notice(model, readAt: nil)
        }
    }

    /// Both languages, Chinese first: a mailbox has no language setting to go by.
    static func subject(_ draft: NoticeDraft) -> String {
        draft.title.zh == draft.title.en ? draft.title.zh : "\(draft.title.zh) / \(draft.title.en)"
    }

    static func text(_ draft: NoticeDraft) -> String {
        draft.body.zh == draft.body.en ? draft.body.zh : "\(draft.body.zh)\n\n\(draft.body.en)"
    }
}
