import Foundation
import Policy
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
    /// Sign-in, tokens, sessions, the rate limit and the lock.
    public var access = AccessSettings()
    /// A fixed today for the workflow's deadlines (`RENEWAL_TODAY`); nil: the day in Shanghai.
    public var today: Day?

    public init() {}

    /// Defaults, then the environment: DATABASE_URL, RENEWAL_SQLITE, RENEWAL_POLICY_DIR, HOST, PORT, RENEWAL_TODAY.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> AppSettings {
        var s = AppSettings()
        s.database = DatabaseSettings.fromEnvironment(env)
        if let dir = env["RENEWAL_POLICY_DIR"], !dir.isEmpty { s.policyDirectory = URL(fileURLWithPath: dir) }
        if let host = env["HOST"], !host.isEmpty { s.hostname = host }
        if let port = env["PORT"].flatMap(Int.init) { s.port = port }
        s.access = AccessSettings.fromEnvironment(env)
        if let today = env["RENEWAL_TODAY"], !today.isEmpty { s.today = Day(iso: today) }
        return s
    }
}
