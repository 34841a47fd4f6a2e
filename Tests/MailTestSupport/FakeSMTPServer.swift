import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// An SMTP server for tests, in the test's own process on a free port of 127.0.0.1: it answers
/// like a real one (EHLO with 8BITMIME and AUTH PLAIN, a 354 for DATA, 250 when the lone dot
/// arrives), keeps every command and every DATA line as received (dot-stuffed), and answers
/// RCPT TO with whatever the test sets — 550 for a refused recipient.
public final class FakeSMTPServer: Sendable {
    public let port: Int
    public let recorder: Recorder
    private let channel: any Channel

    private init(port: Int, recorder: Recorder, channel: any Channel) {
        self.port = port
        self.recorder = recorder
        self.channel = channel
    }

    /// With `offersStartTLS`, EHLO announces STARTTLS and the server answers it with TLS under
    /// `TestCertificate`.
    public static func start(announces8BitMIME: Bool = true, offersStartTLS: Bool = false) async throws -> FakeSMTPServer {
        let tls = offersStartTLS ? try NIOSSLContext(configuration: .makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(TestCertificate.certificatePEM.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(TestCertificate.privateKeyPEM.utf8), format: .pem)))) : nil
        let recorder = Recorder(announces8BitMIME: announces8BitMIME, tls: tls)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SessionHandler(recorder: recorder))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return FakeSMTPServer(port: channel.localAddress?.port ?? 0, recorder: recorder, channel: channel)
    }

    public func stop() async throws {
        try await channel.close()
    }

    /// One connection's conversation.
    public struct Session: Sendable {
        /// Each command line as received (AUTH's token included).
        public var commands: [String] = []
        /// The DATA section's lines as they came over the wire, dot-stuffed, without the final dot.
        public var dataLines: [String] = []
        /// Whether the lone dot arrived and was answered 250.
        public var accepted = false
        /// Whether STARTTLS put TLS under the conversation.
        public var tls = false
    }

    public final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var _sessions: [Session] = []
        private var _recipientReply = "250 2.1.5 ok"
        public let announces8BitMIME: Bool
        let tls: NIOSSLContext?

        init(announces8BitMIME: Bool, tls: NIOSSLContext?) {
            self.announces8BitMIME = announces8BitMIME
            self.tls = tls
        }

        public var sessions: [Session] { lock.withLock { _sessions } }
        /// What RCPT TO is answered with, e.g. `550 5.1.1 no such user`.
        public var recipientReply: String {
            get { lock.withLock { _recipientReply } }
            set { lock.withLock { _recipientReply = newValue } }
        }

        func open() -> Int { lock.withLock { _sessions.append(Session()); return _sessions.count - 1 } }
        func update(_ index: Int, _ change: (inout Session) -> Void) { lock.withLock { change(&_sessions[index]) } }
    }
}

/// Lines without their CRLF.
private struct LineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String
    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else { return .needMoreData }
        var line = buffer.readString(length: end - buffer.readerIndex) ?? ""
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }
}

private final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = String
    typealias OutboundOut = ByteBuffer

    let recorder: FakeSMTPServer.Recorder
    var index = 0
    var inData = false
    var tlsStarted = false

    init(recorder: FakeSMTPServer.Recorder) { self.recorder = recorder }

    func channelActive(context: ChannelHandlerContext) {
        index = recorder.open()
        reply("220 fake.test ESMTP ready", context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = unwrapInboundIn(data)
        if inData {
            if line == "." {
                inData = false
                recorder.update(index) { $0.accepted = true }
                reply("250 2.0.0 queued", context: context)
            } else {
                recorder.update(index) { $0.dataLines.append(line) }
            }
            return
        }
        recorder.update(index) { $0.commands.append(line) }
        let verb = line.split(separator: " ", maxSplits: 1).first.map { $0.uppercased() } ?? ""
        switch verb {
        case "EHLO":
            var lines = ["250-fake.test greets you"]
            if recorder.announces8BitMIME { lines.append("250-8BITMIME") }
            if recorder.tls != nil, !tlsStarted { lines.append("250-STARTTLS") }
            lines += ["250-AUTH PLAIN", "250 SIZE 10000000"]
            reply(lines.joined(separator: "\r\n"), context: context)
        case "HELO", "RSET", "NOOP": reply("250 ok", context: context)
        case "AUTH": reply("235 2.7.0 authenticated", context: context)
        case _ where line.uppercased().hasPrefix("MAIL FROM:"): reply("250 2.1.0 ok", context: context)
        case _ where line.uppercased().hasPrefix("RCPT TO:"): reply(recorder.recipientReply, context: context)
        case "STARTTLS" where recorder.tls != nil && !tlsStarted:
            tlsStarted = true
            recorder.update(index) { $0.tls = true }
            let promise = context.eventLoop.makePromise(of: Void.self)
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "220 2.0.0 ready to start TLS\r\n")), promise: promise)
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let tls = recorder.tls!
            // The 220 leaves in the clear; everything after it goes through TLS.
            promise.futureResult.whenSuccess {
                _ = try? loopBound.value.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
            }
        case "DATA":
            inData = true
            reply("354 end with <CRLF>.<CRLF>", context: context)
        case "QUIT":
            let promise = context.eventLoop.makePromise(of: Void.self)
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "221 bye\r\n")), promise: promise)
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            promise.futureResult.whenComplete { _ in loopBound.value.close(promise: nil) }
        default: reply("502 5.5.1 unknown command", context: context)
        }
    }

    private func reply(_ text: String, context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
    }
}
