import Foundation

/// A mail of the outbox: what it says, and how its delivery has gone so far.
public struct OutgoingMail: Sendable, Hashable {
    public let id: UUID
    public let to: String
    public let subject: String
    public let body: String
    public let noticeID: UUID?
    public let createdAt: Date
    public let attempts: Int
    /// When the sender may take it next; nil once sent or given up.
    public let nextAttemptAt: Date?
    public let lastAttemptAt: Date?
    public let sentAt: Date?
    public let lastError: String?

    /// Neither sent nor to be tried again.
    public var gaveUp: Bool { sentAt == nil && nextAttemptAt == nil }

    init(_ model: MailOutboxModel) throws {
        id = try model.requireID()
        to = model.toAddress
        subject = model.subject
        body = model.bodyText
        noticeID = model.noticeID
        createdAt = model.createdAt
        attempts = model.attempts
        nextAttemptAt = model.nextAttemptAt
        lastAttemptAt = model.lastAttemptAt
        sentAt = model.sentAt
        lastError = model.lastError
    }
}
