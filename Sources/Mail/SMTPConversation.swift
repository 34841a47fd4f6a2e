import Foundation
import NIOCore

/// The commands of one delivery and the replies they expect, in order (RFC 5321 §3, §4.1).
struct SMTPConversation {
    var lines: NIOAsyncChannelInboundStream<String>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    /// Puts TLS under the conversation (after STARTTLS's 220).
    let startTLS: @Sendable () async throws -> Void

    mutating func deliver(_ message: MailMessage, settings: SMTPSettings) async throws {
        try await expect(220, after: "greeting")
        var extensions = try await greet(as: settings.heloName)
        if settings.startTLS {
            guard extensions.contains("STARTTLS") else { throw SMTPError.startTLSUnavailable }
            try await command("STARTTLS", expecting: 220)
            try await startTLS()
            // What the server offered in the clear counts no more (RFC 3207 §4.2).
            extensions = try await greet(as: settings.heloName)
        }
        if let credentials = settings.credentials {
            let offersPlain = extensions.contains { $0.hasPrefix("AUTH ") && $0.split(separator: " ").contains("PLAIN") }
            guard offersPlain else { throw SMTPError.authenticationUnavailable }
            let token = Data(([0] + Array(credentials.username.utf8) + [0] + Array(credentials.password.utf8))).base64EncodedString()
            try await command("AUTH PLAIN \(token)", expecting: 235, shownAs: "AUTH PLAIN")
        }
        let eightBit = extensions.contains { $0 == "8BITMIME" || $0.hasPrefix("8BITMIME ") }
        let rendered = MessageRendering.lines(of: message, eightBit: eightBit)
        try await command("MAIL FROM:<\(message.from)>" + (rendered.usesEightBit ? " BODY=8BITMIME" : ""), expecting: 250)
        try await command("RCPT TO:<\(message.to)>", expecting: 250, 251)
        try await command("DATA", expecting: 354)
        try await send(DotStuffing.data(rendered.lines))
        try await expect(250, after: "the message")
        // The mail is accepted: a failure to say goodbye changes nothing.
        _ = try? await command("QUIT", expecting: 221)
    }

    /// EHLO, and the extensions it announces (upper-cased); a server that does not know EHLO
    /// (502 or 500) is greeted with HELO and has none.
    mutating func greet(as name: String) async throws -> [String] {
        try await send("EHLO \(name)\r\n")
        let reply = try await readReply(during: "EHLO")
        if reply.code == 250 { return reply.lines.dropFirst().map { $0.uppercased() } }
        guard reply.code == 500 || reply.code == 502 else { throw SMTPError.refused(command: "EHLO \(name)", reply: reply) }
        try await command("HELO \(name)", expecting: 250)
        return []
    }

    /// Sends a command line and reads its reply, which must carry one of `codes`.
    @discardableResult
    mutating func command(_ line: String, expecting codes: Int..., shownAs shown: String? = nil) async throws -> SMTPReply {
        try await send(line + "\r\n")
        let name = shown ?? line
        let reply = try await readReply(during: name)
        guard codes.contains(reply.code) else { throw SMTPError.refused(command: name, reply: reply) }
        return reply
    }

    mutating func expect(_ code: Int, after what: String) async throws {
        let reply = try await readReply(during: what)
        guard reply.code == code else { throw SMTPError.refused(command: what, reply: reply) }
    }

    func send(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    /// One reply, its continuation lines (`250-…`) gathered until the last (`250 …`).
    mutating func readReply(during what: String) async throws -> SMTPReply {
        var texts: [String] = []
        while true {
            guard let line = try await lines.next() else { throw SMTPError.connectionClosed(during: what) }
            guard let parsed = SMTPReply.parse(line) else { throw SMTPError.malformedReply(line) }
            texts.append(parsed.text)
            if !parsed.continues { return SMTPReply(code: parsed.code, lines: texts) }
        }
    }
}
