import FluentKit
import Foundation
import Policy
import SQLKit

/// The outgoing mail queue. Mails are added (by `NoticeComposer`, in the notice's transaction)
/// and delivered by the scheduled sender; a mail's address, subject and text are never
/// rewritten, only its delivery fields.
///
/// Two senders (two servers, or a run that outlasts its slot) never send one mail twice at the
/// same time: before sending, a sender takes the mail with `take`, which moves its next attempt
/// past the conversation's time limit — only if nobody took it since it was read.
public struct MailOutbox: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    /// Queues a mail, due at once. Refuses an address that is not a bare `local@domain`, and an
    /// empty subject.
    @discardableResult
    public func enqueue(to address: String, subject: String, body: String, noticeID: UUID? = nil, at now: Date = Date()) async throws -> OutgoingMail {
        var issues: [ValidationIssue] = []
        if !MailAddress.isValid(address) {
            issues.append(ValidationIssue(path: "$.to", zh: "邮箱地址无效：\(address.prefix(254))", en: "not a mail address: \(address.prefix(254))"))
        }
        if subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(ValidationIssue(path: "$.subject", zh: "邮件主题不能为空", en: "the subject must not be empty"))
        }
        guard issues.isEmpty else { throw RegistryError.invalid(issues) }
        let model = MailOutboxModel()
        model.toAddress = address
        model.subject = subject
        model.bodyText = body
        model.noticeID = noticeID
        model.createdAt = now
        model.attempts = 0
        model.nextAttemptAt = now
        try await model.create(on: db)
        return try OutgoingMail(model)
    }

    /// Mails whose next attempt is due at `now`, the longest waiting first.
    public func due(at now: Date, limit: Int = 100) async throws -> [OutgoingMail] {
        try await MailOutboxModel.query(on: db)
            .filter(\.$nextAttemptAt <= now)
            .sort(\.$nextAttemptAt).sort(\.$id)
            .limit(limit).all().map(OutgoingMail.init)
    }

    /// Takes the mail for one attempt: counts the attempt and moves its next one to `until`, so
    /// no other sender takes it meanwhile (if this one dies, the mail is due again then). False
    /// when another sender took it first (its attempts changed since it was read).
    public func take(_ mail: OutgoingMail, at now: Date, until: Date) async throws -> Bool {
        let rows = try await sqlDatabase().raw("""
            UPDATE mail_outbox SET attempts = attempts + 1, last_attempt_at = \(bind: now), next_attempt_at = \(bind: until)
            WHERE id = \(bind: mail.id) AND attempts = \(bind: mail.attempts) AND sent_at IS NULL RETURNING id
            """).all()
        return !rows.isEmpty
    }

    public func markSent(_ id: UUID, at now: Date) async throws {
        try await MailOutboxModel.query(on: db).filter(\.$id == id)
            .set(\.$sentAt, to: now).set(\.$nextAttemptAt, to: nil).update()
    }

    /// Records why the attempt failed and when to try again (nil: never).
    public func markFailed(_ id: UUID, error: String, nextAttempt: Date?) async throws {
        try await MailOutboxModel.query(on: db).filter(\.$id == id)
            .set(\.$lastError, to: String(error.prefix(2000))).set(\.$nextAttemptAt, to: nextAttempt).update()
    }

    public func mail(_ id: UUID) async throws -> OutgoingMail? {
        try await MailOutboxModel.find(id, on: db).map(OutgoingMail.init)
    }

    /// The newest mails first (for an officer's view of the queue, and for tests).
    public func recent(limit: Int = 100) async throws -> [OutgoingMail] {
        try await MailOutboxModel.query(on: db).sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(limit).all().map(OutgoingMail.init)
    }

    private func sqlDatabase() throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw RegistryError.conflict(LocalizedText(zh: "数据库不支持 SQL", en: "the database does not speak SQL")) }
        return sql
    }
}
