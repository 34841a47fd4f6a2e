import Foundation
import MailTestSupport
import Testing
@testable import Mail

/// The client against an SMTP server in the test process: the conversation in order, the
/// encoded subject, the dot-stuffed body, and a refusal reported with the server's reply.
@Suite struct SMTPClientTests {
    static func message(body: String = "第一行\n.以点开头的一行\n.\nlast line") -> MailMessage {
        MailMessage(from: "noreply@renewal.test", to: "officer@pudong.test", subject: "审批结果 / Decision",
                    body: body, date: Date(timeIntervalSince1970: 1_800_000_000), messageID: "m1@renewal.test")
    }

    @Test func deliversWithTheWholeConversation() async throws {
        let server = try await FakeSMTPServer.start()
        defer { Task { try? await server.stop() } }
        let settings = SMTPSettings(host: "127.0.0.1", port: server.port, from: "noreply@renewal.test", heloName: "renewal.test",
                                    credentials: .init(username: "renewal", password: "s3cret"), timeoutSeconds: 300)
        try await SMTPClient(settings: settings).send(Self.message())

        let session = try #require(server.recorder.sessions.first)
        #expect(session.accepted)
        let plain = Data("\0renewal\0s3cret".utf8).base64EncodedString()
        #expect(session.commands == ["EHLO renewal.test", "AUTH PLAIN \(plain)", "MAIL FROM:<noreply@renewal.test> BODY=8BITMIME",
                                     "RCPT TO:<officer@pudong.test>", "DATA", "QUIT"])
        let lines = session.dataLines
        let blank = try #require(lines.firstIndex(of: ""))
        #expect(Array(lines[(blank + 1)...]) == ["第一行", "..以点开头的一行", "..", "last line"])
        let subject = try #require(lines.first { $0.hasPrefix("Subject: ") })
        #expect(subject.hasPrefix("Subject: =?UTF-8?B?"))
        #expect(lines.contains("Content-Transfer-Encoding: 8bit"))
        #expect(lines.contains("Date: Fri, 15 Jan 2027 08:00:00 +0000"))
    }

    @Test func withoutEightBitMIMETheBodyGoesInBase64() async throws {
        let server = try await FakeSMTPServer.start(announces8BitMIME: false)
        defer { Task { try? await server.stop() } }
        try await SMTPClient(settings: SMTPSettings(host: "127.0.0.1", port: server.port, from: "noreply@renewal.test", timeoutSeconds: 300)).send(Self.message())
        let session = try #require(server.recorder.sessions.first)
        #expect(session.commands[1] == "MAIL FROM:<noreply@renewal.test>")
        let blank = try #require(session.dataLines.firstIndex(of: ""))
        let body = try #require(Data(base64Encoded: session.dataLines[(blank + 1)...].joined()))
        #expect(String(decoding: body, as: UTF8.self) == "第一行\r\n.以点开头的一行\r\n.\r\nlast line")
    }

    @Test func aRefusedRecipientIsReportedWithTheServersReply() async throws {
        let server = try await FakeSMTPServer.start()
        defer { Task { try? await server.stop() } }
        server.recorder.recipientReply = "550 5.1.1 no such user"
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient(settings: SMTPSettings(host: "127.0.0.1", port: server.port, from: "noreply@renewal.test", timeoutSeconds: 300)).send(Self.message())
        }
        #expect(error?.isPermanent == true)
        #expect(error?.description.contains("550 5.1.1 no such user") == true)
        #expect(server.recorder.sessions.first?.accepted == false)
    }
}

/// STARTTLS: the conversation after it is encrypted, the server's certificate verified.
/// The fake server answers at once; the long timeout only keeps a loaded test machine from
/// failing a test that is slow, not wrong.
@Suite struct SMTPStartTLSTests {
    @Test func authAndTheMailGoOverTLS() async throws {
        let server = try await FakeSMTPServer.start(offersStartTLS: true)
        defer { Task { try? await server.stop() } }
        let roots = try TestCertificate.certificateFile()
        defer { try? FileManager.default.removeItem(at: roots) }
        let settings = SMTPSettings(host: "localhost", port: server.port, from: "noreply@renewal.test", heloName: "renewal.test",
                                    credentials: .init(username: "renewal", password: "s3cret"), startTLS: true, trustedCertificatesFile: roots.path, timeoutSeconds: 300)
        try await SMTPClient(settings: settings).send(SMTPClientTests.message())
        let session = try #require(server.recorder.sessions.first)
        #expect(session.tls && session.accepted)
        #expect(Array(session.commands.prefix(4)) == ["EHLO renewal.test", "STARTTLS", "EHLO renewal.test", "AUTH PLAIN \(Data("\0renewal\0s3cret".utf8).base64EncodedString())"])
    }

    @Test func aCertificateNotTrustedStopsTheMail() async throws {
        let server = try await FakeSMTPServer.start(offersStartTLS: true)
        defer { Task { try? await server.stop() } }
        let settings = SMTPSettings(host: "localhost", port: server.port, from: "noreply@renewal.test",
                                    credentials: .init(username: "renewal", password: "s3cret"), startTLS: true, timeoutSeconds: 300)
        await #expect(throws: (any Error).self) {
            try await SMTPClient(settings: settings).send(SMTPClientTests.message())
        }
        let session = try #require(server.recorder.sessions.first)
        // Nothing after STARTTLS: the credentials never left.
        #expect(session.commands == ["EHLO localhost", "STARTTLS"])
        #expect(!session.accepted)
    }

    @Test func aServerWithoutSTARTTLSIsRefused() async throws {
        let server = try await FakeSMTPServer.start()
        defer { Task { try? await server.stop() } }
        let settings = SMTPSettings(host: "127.0.0.1", port: server.port, from: "noreply@renewal.test", startTLS: true, timeoutSeconds: 300)
        await #expect(throws: SMTPError.self) {
            try await SMTPClient(settings: settings).send(SMTPClientTests.message())
        }
        #expect(server.recorder.sessions.first?.commands == ["EHLO localhost"])
    }
}
