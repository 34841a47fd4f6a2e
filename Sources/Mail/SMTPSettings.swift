/// Where and as whom the platform sends mail. Read from the environment by the server
/// (`RENEWAL_SMTP_HOST` and the rest); without a host there is no SMTP and mail stays queued.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The envelope sender and the `From:` header.
    public var from: String
    /// The name this client gives in EHLO (its host name, by RFC 5321).
    public var heloName: String
    /// For AUTH PLAIN; nil sends no AUTH. Without `startTLS` they cross the network in the
    /// clear: only for a relay on the same host or a trusted network.
    public var credentials: Credentials?
    /// STARTTLS right after EHLO (RFC 3207), the server's certificate verified: the rest of the
    /// conversation, AUTH included, is encrypted. A server that does not offer it is refused.
    public var startTLS: Bool
    /// A PEM file of the certificates to trust instead of the system's (a relay with its own
    /// authority).
    public var trustedCertificatesFile: String?
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

    public init(host: String, port: Int = 25, from: String, heloName: String = "localhost", credentials: Credentials? = nil,
                startTLS: Bool = false, trustedCertificatesFile: String? = nil, timeoutSeconds: Int = 30) {
        self.host = host
        self.port = port
        self.from = from
        self.heloName = heloName
        self.credentials = credentials
        self.startTLS = startTLS
        self.trustedCertificatesFile = trustedCertificatesFile
        self.timeoutSeconds = timeoutSeconds
    }

    /// RENEWAL_SMTP_HOST (required), RENEWAL_SMTP_PORT (25), RENEWAL_SMTP_FROM (required),
    /// RENEWAL_SMTP_HELO, RENEWAL_SMTP_USERNAME and RENEWAL_SMTP_PASSWORD (both or neither),
    /// RENEWAL_SMTP_STARTTLS (`1` or `true`), RENEWAL_SMTP_CA_FILE, RENEWAL_SMTP_TIMEOUT (seconds).
    /// Nil when no host is set.
    public static func fromEnvironment(_ env: [String: String]) -> SMTPSettings? {
        guard let host = env["RENEWAL_SMTP_HOST"], !host.isEmpty else { return nil }
        var settings = SMTPSettings(host: host, from: env["RENEWAL_SMTP_FROM"] ?? "")
        if let port = env["RENEWAL_SMTP_PORT"].flatMap(Int.init) { settings.port = port }
        if let helo = env["RENEWAL_SMTP_HELO"], !helo.isEmpty { settings.heloName = helo }
        if let user = env["RENEWAL_SMTP_USERNAME"], !user.isEmpty {
            settings.credentials = Credentials(username: user, password: env["RENEWAL_SMTP_PASSWORD"] ?? "")
        }
        settings.startTLS = ["1", "true", "yes"].contains(env["RENEWAL_SMTP_STARTTLS"]?.lowercased() ?? "")
        if let file = env["RENEWAL_SMTP_CA_FILE"], !file.isEmpty { settings.trustedCertificatesFile = file }
        if let timeout = env["RENEWAL_SMTP_TIMEOUT"].flatMap(Int.init), timeout > 0 { settings.timeoutSeconds = timeout }
        return settings
    }
}
