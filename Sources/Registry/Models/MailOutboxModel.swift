import FluentKit
import Foundation

/// One mail waiting for the SMTP sender, or sent (邮件发送队列). The mail itself (address,
/// subject, text) is written once; only its delivery fields change: attempts, when to try next,
/// when it was sent, the last error.
///
/// `next_attempt_at` is when the sender may take it: NULL once it is sent or given up, so the
/// sender's query needs that column alone.
public final class MailOutboxModel: Model, @unchecked Sendable {
    public static let schema = "mail_outbox"
    @ID(key: .id) public var id: UUID?
    @Field(key: "to_address") public var toAddress: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body_text") public var bodyText: String
    /// The notice it tells of, if any (not a foreign key: a mail may stand alone).
    @OptionalField(key: "notice_id") public var noticeID: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "next_attempt_at") public var nextAttemptAt: Date?
    @OptionalField(key: "last_attempt_at") public var lastAttemptAt: Date?
    @OptionalField(key: "sent_at") public var sentAt: Date?
    @OptionalField(key: "last_error") public var lastError: String?
    public init() {}
}
