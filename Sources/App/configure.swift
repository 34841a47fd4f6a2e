import Fluent
import SQLKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Policy
import Registry
import Vapor

/// Sets up the whole application: database (SQLite by default, PostgreSQL with a URL), the
/// policy library, migrations, middleware, routes and the JSON API. Tests call the same function.
public func configure(_ app: Application, settings: AppSettings) async throws {
    let library: PolicyLibrary
    if let dir = settings.policyDirectory {
        library = try PolicyLibraryLoader.load(directory: dir)
    } else {
        library = try PolicyLibraryLoader.loadDefault()
    }
    app.policyLibrary = library
    app.logger.info("policy library loaded", metadata: ["plan": .string(library.plan.id), "instruments": .stringConvertible(library.instruments.count)])

    if let url = settings.databaseURL {
        try app.databases.use(.postgres(url: url), as: .psql)
        app.logger.info("database: PostgreSQL")
    } else if settings.inMemory {
        app.databases.use(.sqlite(.memory), as: .sqlite)
    } else {
        app.databases.use(.sqlite(.file(settings.sqlitePath)), as: .sqlite)
        app.logger.info("database: SQLite", metadata: ["file": .string(settings.sqlitePath)])
        // Write-ahead logging (kept in the file): readers are not blocked while an import
        // writes, and a commit is one append instead of a rollback journal rewritten.
        if let sql = app.db as? any SQLDatabase { try await sql.raw("PRAGMA journal_mode = WAL").run() }
    }
    app.importRunner = ImportRunner()
    app.lifecycle.use(ImportRunnerLifecycle())
    app.migrations.add(RegistryMigrations.all)
    if settings.autoMigrate { try await app.autoMigrate() }

    app.http.server.configuration.hostname = settings.hostname
    app.http.server.configuration.port = settings.port
    // Each route's body limit is RequestLimits' (RequestSizeMiddleware), the import's upload
    // its own; Vapor's own collecting (routes outside the API) stays at its default.

    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(JSONErrorMiddleware())
    app.middleware.use(RequestMetricsMiddleware())
    app.middleware.use(RequestSizeMiddleware())
    app.middleware.use(HeaderEncodingMiddleware())
    try routes(app)
}
