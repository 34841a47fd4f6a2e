import Foundation
import Policy

/// A notice as one reader sees it: what it says, what it links to, and when this reader read it.
public struct Notice: Sendable, Hashable {
    public let id: UUID
    public let recipient: NoticeRecipient
    public let kind: String
    public let title: LocalizedText
    public let body: LocalizedText
    public let applicationID: UUID?
    public let projectID: UUID?
    public let createdAt: Date
    /// When the reader read it; nil while unread (and for a notice seen by no reader in particular).
    public let readAt: Date?

    init(_ model: NoticeModel, readAt: Date?) throws {
        guard let recipient = NoticeRecipient(model) else { throw RegistryError.conflict(LocalizedText(zh: "通知缺少收件人", en: "a notice without a recipient")) }
        id = try model.requireID()
        self.recipient = recipient
        kind = model.kind
        title = LocalizedText(zh: model.titleZh, en: model.titleEn)
        body = LocalizedText(zh: model.bodyZh, en: model.bodyEn)
        applicationID = model.applicationID
        projectID = model.projectID
        createdAt = model.createdAt
        self.readAt = readAt
    }
}

/// One page of a reader's notices, unread first, then newest first.
public struct NoticePage: Sendable {
    public let items: [Notice]
    public let page: Int
    public let perPage: Int
    /// Over all pages, with the same filter.
    public let total: Int
    /// Unread notices of the reader over all pages, whatever the filter.
    public let unread: Int
}
