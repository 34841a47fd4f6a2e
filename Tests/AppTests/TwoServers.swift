import App
import Foundation
import NIOPosix
import Vapor

/// Two servers on one database, as two `renewal serve` behind a load balancer: two applications,
/// each with its own connection pool, on one PostgreSQL database (cloned from the template) or
/// on one SQLite file.
func withTwoServers(_ database: TestDatabase, _ body: (Application, Application) async throws -> Void) async throws {
    var settings = AppSettings()
    // As in `withApp`: a hang guard for a loaded machine, not a timed assertion.
    settings.database.connectionWaitSeconds = 600
    var clone: PostgresTestDatabases.Clone?
    var sqliteFile: URL?
    switch database {
    case .postgres:
        let made = try await PostgresTestDatabases.shared.clone()
        clone = made
        settings.databaseURL = made.url
        settings.autoMigrate = false
    case .sqlite:
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("renewal-two-servers-\(UUID().uuidString).sqlite")
        sqliteFile = file
        settings.sqlitePath = file.path
    }
    RenewalMetrics.bootstrap()
    var apps: [Application] = []
    func shutdown() async {
        for app in apps { try? await app.asyncShutdown() }
        if let clone { try? await PostgresTestDatabases.shared.drop(clone) }
        if let file = sqliteFile {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        }
    }
    do {
        for index in 0..<2 {
            let app = try await Application.make(.testing)
            apps.append(app)
            // A thread pool of its own, as a process of its own has: SQLite's busy handler
            // (sqlite-nio retries while the other writer holds the lock) then holds a thread of
            // this server's pool, never one the other server needs to commit and let go.
            app.threadPool = NIOThreadPool(numberOfThreads: 2)
            var own = settings
            own.serverID = "server-\(index == 0 ? "a" : "b")"
            // The first migrates the SQLite file; the second finds it done (a clone is migrated).
            own.autoMigrate = database == .sqlite && index == 0
            try await configure(app, settings: own)
        }
        try await body(apps[0], apps[1])
    } catch {
        await shutdown()
        throw error
    }
    await shutdown()
}
