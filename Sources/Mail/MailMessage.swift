import Foundation

/// One mail to one recipient, as the outbox hands it to the SMTP client: plain text in UTF-8.
/// Addresses are bare (`name@example.org`, no display name); the outbox refuses anything else
/// before a row is written, so nothing here can smuggle a header or a command.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: String
    public var subject: String
    public var body: String
    public var date: Date
    /// Without angle brackets: `<id>@<domain>`.
    public var messageID: String

    public init(from: String, to: String, subject: String, body: String, date: Date, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }
}
