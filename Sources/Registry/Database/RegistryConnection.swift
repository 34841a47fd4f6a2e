import FluentKit
import Logging
import NIOCore
import NIOPosix

/// The registry's database opened by a command that is not the server (`renewal import`,
/// `export`, `migrate`, `reevaluate`, `simulate --database`): no HTTP server, no Vapor
/// application — Fluent's databases on the process's shared event loops and thread pool.
public final class RegistryConnection: Sendable {
    public let settings: DatabaseSettings
    let databases: Databases
    let logger: Logger

    /// A handle on the database (one event loop of the shared group).
    public var db: any Database {
        databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    private init(settings: DatabaseSettings, databases: Databases, logger: Logger) {
        self.settings = settings
        self.databases = databases
        self.logger = logger
    }

    /// Opens the database of `settings` and migrates it.
    public static func open(_ settings: DatabaseSettings, logger: Logger = Logger(label: "renewal.registry")) async throws -> RegistryConnection {
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        let connection = RegistryConnection(settings: settings, databases: databases, logger: logger)
        do {
            try RegistryDatabase.use(settings, on: databases)
            try await RegistryDatabase.prepare(connection.db, settings: settings)
            try await RegistryDatabase.migrate(databases, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        } catch {
            await databases.shutdownAsync()
            throw error
        }
        return connection
    }

    /// Opens, runs `body`, and closes whatever happens.
    public static func with<T>(_ settings: DatabaseSettings, logger: Logger = Logger(label: "renewal.registry"),
                               _ body: (RegistryConnection) async throws -> T) async throws -> T {
        let connection = try await open(settings, logger: logger)
        do {
            let result = try await body(connection)
            await connection.close()
            return result
        } catch {
            await connection.close()
            throw error
        }
    }

    public func close() async { await databases.shutdownAsync() }
}
