/// Where and as whom the platform sends mail. Read from the environment by the server
/// (`RENEWAL_SMTP_HOST` and the rest); without a host there is no SMTP and mail stays queued.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The envelope sender and the `From:` header.
    public var from: String
    /// The name this client gives in EHLO (its host name, by RFC 5321).
    public var heloName: String
    /// For AUTH PLAIN; nil sends no AUTH. (No STARTTLS: see the README — use a relay on the
    /// same host or network when the credentials must not cross the network in the clear.)
    public var credentials: Credentials?
    /// The longest a whole conversation (connect to QUIT) may take.
    public var timeoutSeconds: Int

    public struct Credentials: Sendable, Equatable {
        public var username: String
        public var password: String
        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    public init(host: String, port: Int = 25, from: String, heloName: String = "localhost", credentials: Credentials? = nil, timeoutSeconds: Int = 30) {
        self.host = host
        self.port = port
        self.from = from
        self.heloName = heloName
        self.credentials = credentials
        self.timeoutSeconds = timeoutSeconds
    }

    /// RENEWAL_SMTP_HOST (required), RENEWAL_SMTP_PORT (25), RENEWAL_SMTP_FROM (required),
    /// RENEWAL_SMTP_HELO, RENEWAL_SMTP_USERNAME and RENEWAL_SMTP_PASSWORD (both or neither),
    /// RENEWAL_SMTP_TIMEOUT (seconds). Nil when no host is set.
    public static func fromEnvironment(_ env: [String: String]) -> SMTPSettings? {
        guard let host = env["RENEWAL_SMTP_HOST"], !host.isEmpty else { return nil }
        var settings = SMTPSettings(host: host, from: env["RENEWAL_SMTP_FROM"] ?? "")
        if let port = env["RENEWAL_SMTP_PORT"].flatMap(Int.init) { settings.port = port }
        if let helo = env["RENEWAL_SMTP_HELO"], !helo.isEmpty { settings.heloName = helo }
        if let user = env["RENEWAL_SMTP_USERNAME"], !user.isEmpty {
            settings.credentials = Credentials(username: user, password: env["RENEWAL_SMTP_PASSWORD"] ?? "")
        }
        if let timeout = env["RENEWAL_SMTP_TIMEOUT"].flatMap(Int.init), timeout > 0 { settings.timeoutSeconds = timeout }
        return settings
    }
}
