import Foundation
import Policy
import Mail
import Registry

/// How the server is set up. Layered as the hummingbird examples do: command-line options
/// override the environment, which overrides these defaults.
public struct AppSettings: Sendable {
    /// The registry's database (PostgreSQL URL, SQLite file or in memory).
    public var database = DatabaseSettings()
    /// `postgres://user:pass@host:5432/db`; nil for the embedded SQLite file.
    public var databaseURL: String? {
        get { database.url }
        set { database.url = newValue }
    }
    /// The SQLite file, relative to the working folder, used when there is no database URL.
    public var sqlitePath: String {
        get { database.sqlitePath }
        set { database.sqlitePath = newValue }
    }
    /// In-memory SQLite, for tests.
    public var inMemory: Bool {
        get { database.inMemory }
        set { database.inMemory = newValue }
    }
    public var policyDirectory: URL?
    public var hostname = "127.0.0.1"
    public var port = 8080
    public var autoMigrate = true
    /// How often the scheduler looks for due work (`ScheduledJob`); nil runs none. Nil here, so
    /// that tests and tools opt in; `fromEnvironment` (what `renewal serve` reads) sets 30 s.
    public var schedulerInterval: Duration?
    /// This server's name in the job claims: which of several servers ran a job.
    public var serverID = AppSettings.defaultServerID
    /// Where mail goes; nil leaves mail queued in the outbox, unsent.
    public var smtp: SMTPSettings?

    /// Sign-in, tokens, sessions, the rate limit and the lock.
    public var access = AccessSettings()
    /// A fixed today for the workflow's deadlines (`RENEWAL_TODAY`); nil: the day in Shanghai.
    public var today: Day?

    public init() {}

    /// The host's name and the process's id: unique among servers running at once. The name
    /// from gethostname(2), not `ProcessInfo.hostName`, which may wait on a DNS lookup.
    public static var defaultServerID: String {
        var name = [CChar](repeating: 0, count: 256)
        let host = gethostname(&name, name.count - 1) == 0 ? String(cString: name) : "localhost"
        return "\(host)#\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Defaults, then the environment: DATABASE_URL, RENEWAL_SQLITE, RENEWAL_POLICY_DIR, HOST, PORT,
    /// RENEWAL_SCHEDULER_INTERVAL (seconds, default 30; 0 runs no scheduled work),
    /// RENEWAL_SERVER_ID, RENEWAL_TODAY, and RENEWAL_SMTP_HOST with the rest of `SMTPSettings.fromEnvironment`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> AppSettings {
        var s = AppSettings()
        s.database = DatabaseSettings.fromEnvironment(env)
        if let dir = env["RENEWAL_POLICY_DIR"], !dir.isEmpty { s.policyDirectory = URL(fileURLWithPath: dir) }
        if let host = env["HOST"], !host.isEmpty { s.hostname = host }
        if let port = env["PORT"].flatMap(Int.init) { s.port = port }
        s.access = AccessSettings.fromEnvironment(env)
        if let today = env["RENEWAL_TODAY"], !today.isEmpty { s.today = Day(iso: today) }
        let interval = env["RENEWAL_SCHEDULER_INTERVAL"].flatMap(Double.init) ?? 30
        s.schedulerInterval = interval > 0 ? .milliseconds(Int64(interval * 1000)) : nil
        if let id = env["RENEWAL_SERVER_ID"], !id.isEmpty { s.serverID = id }
        s.smtp = SMTPSettings.fromEnvironment(env)
        return s
    }
}
