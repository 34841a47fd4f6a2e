import Foundation
import Mail
import Registry
import Vapor

/// The platform's own scheduled jobs — the mail sender, the claims' pruning, the workflow's
/// reminders, lapses and service-level escalations — and the scheduler when the settings ask for
/// one; the scheduler reads the list at every tick.
func configureScheduledWork(_ app: Application, settings: AppSettings) throws {
    if let smtp = settings.smtp {
        guard MailAddress.isValid(smtp.from) else {
            throw ConfigurationError("RENEWAL_SMTP_FROM 应为发件邮箱地址：\(smtp.from)", "RENEWAL_SMTP_FROM must be the sender's mail address: \(smtp.from)")
        }
        app.scheduledJobs.register(MailSenderJob(smtp: smtp))
    } else {
        // Said once, at start: the queue fills and nothing is lost, but nothing leaves either.
        app.logger.notice("mail is queued, not sent: RENEWAL_SMTP_HOST is not set")
    }
    app.scheduledJobs.register(ClaimPruningJob())
    app.scheduledJobs.register(DeferralJob())
    app.scheduledJobs.register(ServiceLevelJob())
    app.scheduledJobs.register(CatalogueExpiryJob())
    if let interval = settings.schedulerInterval {
        app.lifecycle.use(SchedulerLifecycle(scheduler: Scheduler(app: app, serverID: settings.serverID), interval: interval))
    }
}

/// A setting the server cannot start with.
struct ConfigurationError: Error, CustomStringConvertible {
    let zh: String
    let en: String
    init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }
    var description: String { "\(zh) / \(en)" }
}
