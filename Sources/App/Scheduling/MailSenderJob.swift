import Foundation
import Mail
import Registry

/// Delivers the outbox's due mails through SMTP, one conversation each, every minute. A mail
/// the server refuses (or that cannot reach it) records the error and is tried again later, by
/// `MailRetryPolicy`; a mail is taken before it is sent, so two senders never send it twice.
///
/// Delivery is at least once: a server that accepts the mail and is cut off before this run
/// records it as sent gets it again after the lease.
struct MailSenderJob: ScheduledJob {
    let name = "mail.send"
    let period = JobPeriod.minutes(1)
    let smtp: SMTPSettings
    var retry = MailRetryPolicy()
    /// How many mails one run takes at most; the rest wait for the next minute.
    var batch = 200

    func run(slot: JobSlot, context: JobContext) async throws {
        let outbox = MailOutbox(db: context.db)
        let client = SMTPClient(settings: smtp)
        // Long enough for the conversation to end or time out before anyone may take it again.
        let lease = TimeInterval(2 * smtp.timeoutSeconds + 60)
        var sent = 0, failed = 0
        for mail in try await outbox.due(at: context.now, limit: batch) {
            if Task.isCancelled { break }
            guard try await outbox.take(mail, at: Date(), until: Date().addingTimeInterval(lease)) else { continue }
            do {
                try await client.send(message(for: mail))
                try await outbox.markSent(mail.id, at: Date())
                sent += 1
            } catch {
                let attempt = mail.attempts + 1
                let next = retry.nextAttempt(after: attempt, failedAt: Date())
                try await outbox.markFailed(mail.id, error: String(describing: error), nextAttempt: next)
                failed += 1
                context.logger.warning(next == nil ? "mail given up" : "mail not delivered, will retry", metadata: [
                    "mail": .string(mail.id.uuidString.lowercased()), "attempt": .stringConvertible(attempt), "error": .string(String(describing: error)),
                ])
            }
        }
        if sent + failed > 0 {
            context.logger.info("outbox delivered", metadata: ["sent": .stringConvertible(sent), "failed": .stringConvertible(failed)])
        }
    }

    func message(for mail: OutgoingMail) -> MailMessage {
        let domain = smtp.from.split(separator: "@").last.map(String.init) ?? "renewal.invalid"
        return MailMessage(from: smtp.from, to: mail.to, subject: mail.subject, body: mail.body, date: mail.createdAt,
                           messageID: "\(mail.id.uuidString.lowercased())@\(domain)")
    }
}
