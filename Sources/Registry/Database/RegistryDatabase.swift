import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Logging
import NIOCore
import SQLKit

/// Setting up the registry's database, the same for the server and for every command: the
/// driver for the settings, SQLite's pragmas, and the migrations.
public enum RegistryDatabase {
    /// Registers the database of `settings` as the default of `databases`.
    public static func use(_ settings: DatabaseSettings, on databases: Databases) throws {
        if let url = settings.url {
            databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: settings.connectionsPerEventLoop,
                                        connectionPoolTimeout: .seconds(settings.connectionWaitSeconds)), as: .psql)
        } else if settings.inMemory {
            databases.use(.sqlite(.memory, connectionPoolTimeout: .seconds(settings.connectionWaitSeconds)), as: .sqlite)
        } else {
            databases.use(.sqlite(.file(settings.sqlitePath), connectionPoolTimeout: .seconds(settings.connectionWaitSeconds)), as: .sqlite)
        }
    }

    /// What a connection needs before it is used.
    public static func prepare(_ db: any Database, settings: DatabaseSettings) async throws {
        // Write-ahead logging (kept in the file): readers are not blocked while an import
        // writes, and a commit is one append instead of a rollback journal rewritten.
        if settings.url == nil, !settings.inMemory, let sql = db as? any SQLDatabase {
            try await sql.raw("PRAGMA journal_mode = WAL").run()
        }
    }

    /// Brings the schema up to date with every migration of the registry.
    public static func migrate(_ databases: Databases, logger: Logger, on eventLoop: any EventLoop) async throws {
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoop, migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// The registry's migrations as Fluent's list.
    public static var migrations: Migrations {
        let m = Migrations()
        m.add(RegistryMigrations.all)
        return m
    }
}
