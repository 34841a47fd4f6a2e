import NIOCore
import NIOPosix

/// Delivers one message per connection: greeting, EHLO, AUTH PLAIN when credentials are set,
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
                    var conversation = SMTPConversation(lines: inbound.makeAsyncIterator(), outbound: outbound)
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
}
