import NIOCore
import NIOPosix
import NIOSSL

/// Delivers one message per connection: greeting, EHLO, STARTTLS and EHLO again when the
/// settings ask for it, AUTH PLAIN when credentials are set,
/// MAIL FROM, RCPT TO, DATA, QUIT. One mail per connection keeps a failure to that mail, and
/// the outbox sends few enough that a connection's cost does not matter.
public struct SMTPClient: Sendable {
    public let settings: SMTPSettings
    let group: any EventLoopGroup

    public init(settings: SMTPSettings, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.settings = settings
        self.group = group
    }

    /// Returns when the server has accepted the message (250 after DATA); throws `SMTPError`
    /// (or the connection's own error) otherwise.
    public func send(_ message: MailMessage) async throws {
        let seconds = settings.timeoutSeconds
        let tls = try settings.startTLS ? tlsContext() : nil
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(Int64(seconds)))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let settings = self.settings
        try await channel.executeThenClose { inbound, outbound in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let startTLS: @Sendable () async throws -> Void = { [host = settings.host] in
                        guard let tls else { return }
                        let underlying = channel.channel
                        try await underlying.eventLoop.submit {
                            // First in the pipeline: under the line decoder, next to the socket.
                            let handler = try NIOSSLClientHandler(context: tls, serverHostname: Self.isIPAddress(host) ? nil : host)
                            try underlying.pipeline.syncOperations.addHandler(handler, position: .first)
                        }.get()
                    }
                    var conversation = SMTPConversation(lines: inbound.makeAsyncIterator(), outbound: outbound, startTLS: startTLS)
                    try await conversation.deliver(message, settings: settings)
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(seconds))
                    throw SMTPError.timedOut(seconds: seconds)
                }
                // The first to end decides; the other is cancelled (closing the channel ends a
                // conversation stuck waiting for a reply).
                defer { group.cancelAll() }
                try await group.next()
            }
        }
    }

    /// The server's certificate is verified, host name included, against the system's roots or
    /// the settings' own.
    func tlsContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = settings.trustedCertificatesFile {
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(file))
        }
        return try NIOSSLContext(configuration: configuration)
    }

    /// SNI takes host names only; an address is verified as an address.
    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }
}
