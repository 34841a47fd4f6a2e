@testable import App
import FluentKit
import Foundation
import Mail
import MailTestSupport
import Policy
import Registry
import Testing
import Vapor

/// The mail sender delivers the queue through SMTP (to a server in the test process): the
/// conversation, the dot-stuffed text and the encoded subject arrive as sent; a refused mail
/// records the server's answer and goes again later.
@Suite struct MailSenderTests {
    typealias F = NoticeFixtures

    static func context(_ app: Application, now: Date) -> JobContext {
        JobContext(now: now, serverID: "server-a", logger: app.logger, services: app.platformServices)
    }

    static func post(_ app: Application) async throws -> Notice {
        try await NoticeComposer(db: app.db).post(NoticeDraft(
            recipient: .user(F.pudongOfficer.userID), kind: "step_at_risk",
            title: LocalizedText(zh: "审查环节即将超时", en: "A review step is at risk"),
            body: LocalizedText(zh: "请尽快处理。\n.\n.第二段以点开头", en: "Please act soon.")), mailTo: ["officer@pudong.gov.test"])
    }

    @Test(arguments: TestDatabase.all)
    func queuedMailIsDelivered(_ database: TestDatabase) async throws {
        let server = try await FakeSMTPServer.start()
        defer { Task { try? await server.stop() } }
        try await withApp(database) { app in
            let notice = try await Self.post(app)
            let job = MailSenderJob(smtp: SMTPSettings(host: "127.0.0.1", port: server.port, from: "noreply@renewal.gov.test", heloName: "renewal.gov.test", timeoutSeconds: 300))
            let now = Date()
            try await job.run(slot: job.period.slot(containing: now), context: Self.context(app, now: now))

            let session = try #require(server.recorder.sessions.first)
            #expect(session.accepted)
            #expect(session.commands == ["EHLO renewal.gov.test", "MAIL FROM:<noreply@renewal.gov.test> BODY=8BITMIME",
                                         "RCPT TO:<officer@pudong.gov.test>", "DATA", "QUIT"])
            let blank = try #require(session.dataLines.firstIndex(of: ""))
            #expect(Array(session.dataLines[(blank + 1)...]) == ["请尽快处理。", "..", "..第二段以点开头", "", "Please act soon."])
            // The subject's encoded words, folded over continuation lines.
            let start = try #require(session.dataLines.firstIndex { $0.hasPrefix("Subject: ") })
            var words = [String(session.dataLines[start].dropFirst("Subject: ".count))]
            words += session.dataLines[(start + 1)...].prefix { $0.hasPrefix(" ") }.map { String($0.dropFirst()) }
            var decoded = Data()
            for word in words {
                #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
                decoded += try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            }
            #expect(String(decoding: decoded, as: UTF8.self) == "审查环节即将超时 / A review step is at risk")

            let mail = try #require(try await MailOutbox(db: app.db).recent().first)
            #expect(mail.noticeID == notice.id)
            #expect(mail.sentAt != nil && mail.nextAttemptAt == nil && mail.attempts == 1)
            #expect(session.dataLines.contains("Message-ID: <\(mail.id.uuidString.lowercased())@renewal.gov.test>"))

            // Sent is sent: the next run has nothing to do.
            try await job.run(slot: job.period.slot(containing: now), context: Self.context(app, now: now.addingTimeInterval(3600)))
            #expect(server.recorder.sessions.count == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRefusedMailIsTriedAgainLater(_ database: TestDatabase) async throws {
        let server = try await FakeSMTPServer.start()
        defer { Task { try? await server.stop() } }
        server.recorder.recipientReply = "550 5.1.1 mailbox unavailable"
        try await withApp(database) { app in
            try await Self.post(app)
            let job = MailSenderJob(smtp: SMTPSettings(host: "127.0.0.1", port: server.port, from: "noreply@renewal.gov.test", timeoutSeconds: 300))
            let now = Date()
            try await job.run(slot: job.period.slot(containing: now), context: Self.context(app, now: now))

            let outbox = MailOutbox(db: app.db)
            let refused = try #require(try await outbox.recent().first)
            #expect(refused.sentAt == nil && refused.attempts == 1)
            #expect(refused.lastError?.contains("550 5.1.1 mailbox unavailable") == true)
            let retryAt = try #require(refused.nextAttemptAt)
            #expect(retryAt > now.addingTimeInterval(30))

            // Not before its time.
            try await job.run(slot: job.period.slot(containing: now), context: Self.context(app, now: retryAt.addingTimeInterval(-1)))
            #expect(server.recorder.sessions.count == 1)

            server.recorder.recipientReply = "250 2.1.5 ok"
            // A second after it (the databases keep microseconds, a Date more).
            let later = retryAt.addingTimeInterval(1)
            try await job.run(slot: job.period.slot(containing: later), context: Self.context(app, now: later))
            let sent = try #require(try await outbox.mail(refused.id))
            #expect(sent.sentAt != nil && sent.attempts == 2)
            #expect(server.recorder.sessions.last?.accepted == true)
        }
    }

    @Test func givingUpAfterTheLastAttempt() {
        let policy = MailRetryPolicy()
        let now = Date(timeIntervalSince1970: 0)
        #expect(policy.nextAttempt(after: 1, failedAt: now) == now.addingTimeInterval(60))
        #expect(policy.nextAttempt(after: 3, failedAt: now) == now.addingTimeInterval(240))
        #expect(policy.nextAttempt(after: 9, failedAt: now) == now.addingTimeInterval(60 * 256))
        #expect(policy.nextAttempt(after: 11, failedAt: now) == now.addingTimeInterval(6 * 3600))
        #expect(policy.nextAttempt(after: 12, failedAt: now) == nil)
    }
}
