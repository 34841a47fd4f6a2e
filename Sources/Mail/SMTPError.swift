/// Why a mail was not delivered. The outbox records `description` as the row's last error and
/// tries again later; the code says whether the server thought it temporary (4xx) or not (5xx).
public enum SMTPError: Error, Sendable, CustomStringConvertible {
    /// The server answered a command with a negative reply.
    case refused(command: String, reply: SMTPReply)
    /// The server said something that is not SMTP.
    case malformedReply(String)
    /// The server closed the connection before the conversation ended.
    case connectionClosed(during: String)
    /// The whole conversation took longer than the settings allow.
    case timedOut(seconds: Int)
    /// AUTH was asked for and the server offers no AUTH PLAIN.
    case authenticationUnavailable
    /// STARTTLS was asked for and the server does not offer it.
    case startTLSUnavailable

    public var description: String {
        switch self {
        case .refused(let command, let reply): return "\(command) refused: \(reply)"
        case .malformedReply(let line): return "not an SMTP reply: \(line.prefix(200))"
        case .connectionClosed(let during): return "connection closed during \(during)"
        case .timedOut(let seconds): return "no answer within \(seconds) s"
        case .authenticationUnavailable: return "the server offers no AUTH PLAIN"
        case .startTLSUnavailable: return "the server offers no STARTTLS"
        }
    }

    /// 5xx: the server will say the same next time unless something changes.
    public var isPermanent: Bool {
        if case .refused(_, let reply) = self { return reply.code >= 500 }
        return false
    }
}
