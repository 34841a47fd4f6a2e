import Foundation

/// Which database the platform keeps its registry in: PostgreSQL when a URL is given, else the
/// embedded SQLite file (or an in-memory one, for tests).
public struct DatabaseSettings: Sendable, Equatable {
    /// `postgres://user:pass@host:5432/db`; nil for SQLite.
    public var url: String?
    /// The SQLite file, relative to the working folder, used when there is no URL.
    public var sqlitePath = "renewal.sqlite"
    /// In-memory SQLite, for tests.
    public var inMemory = false
    /// PostgreSQL connections per event loop. Payments on one project wait for each other on
    /// its lock while holding a connection; more connections let the other requests through.
    public var connectionsPerEventLoop = 4
    /// How long a request waits for a free connection before it fails: long enough for a line
    /// of payments on one project (each takes the lock in turn) to drain.
    public var connectionWaitSeconds: Int64 = 60

    public init(url: String? = nil, sqlitePath: String = "renewal.sqlite", inMemory: Bool = false) {
        self.url = url
        self.sqlitePath = sqlitePath
        self.inMemory = inMemory
    }

    /// Defaults, then the environment: DATABASE_URL, RENEWAL_SQLITE.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> DatabaseSettings {
        var s = DatabaseSettings()
        if let url = env["DATABASE_URL"], !url.isEmpty { s.url = url }
        if let path = env["RENEWAL_SQLITE"], !path.isEmpty { s.sqlitePath = path }
        return s
    }

    /// For messages: the file, or that it is PostgreSQL (never the URL, which holds a password).
    public var described: String {
        if url != nil { return "PostgreSQL" }
        return inMemory ? "SQLite (in memory)" : "SQLite \(sqlitePath)"
    }
}
