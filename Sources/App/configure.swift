import Fluent
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

    // The registry owns its database setup; the server only hands it Vapor's list of databases.
    try RegistryDatabase.use(settings.database, on: app.databases)
    app.logger.info("database", metadata: ["database": .string(settings.database.described)])
    try await RegistryDatabase.prepare(app.db, settings: settings.database)
    app.importRunner = ImportRunner()
    app.lifecycle.use(ImportRunnerLifecycle())
    app.migrations.add(RegistryMigrations.all)
    if settings.autoMigrate { try await app.autoMigrate() }

    app.http.server.configuration.hostname = settings.hostname
    app.http.server.configuration.port = settings.port
    // Each route's body limit is RequestLimits' (RequestSizeMiddleware), the import's upload
    // its own; Vapor's own collecting (routes outside the API) stays at its default.

    try configureScheduledWork(app, settings: settings)

    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(JSONErrorMiddleware())
    app.middleware.use(RequestMetricsMiddleware())
    app.middleware.use(RequestSizeMiddleware())
    app.middleware.use(HeaderEncodingMiddleware())
    try routes(app)
}
