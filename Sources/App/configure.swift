import Fluent
import Foundation
import Policy
import Registry
import Risk
import Vapor
import Workflow

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
    // The workflow's data lives in the same folder, and the library's version covers both.
    guard let directory = settings.policyDirectory ?? PolicyLibraryLoader.defaultDirectory() else {
        throw Abort(.internalServerError, reason: "policy library not found")
    }
    app.workflowLibrary = try WorkflowLibrary.load(directory: directory.appendingPathComponent("workflow"), policy: library)
    app.riskSettings = try RiskSettingsLoader.load(directory: directory, library: library)
    app.filesLibraryVersion = try LibraryFingerprint.of(directory: directory)
    app.libraryVersion = app.filesLibraryVersion
    app.platformClock = PlatformClock(fixed: settings.today)
    app.logger.info("policy library loaded", metadata: ["plan": .string(library.plan.id), "instruments": .stringConvertible(library.instruments.count)])

    // The registry owns its database setup; the server only hands it Vapor's list of databases.
    try RegistryDatabase.use(settings.database, on: app.databases)
    app.logger.info("database", metadata: ["database": .string(settings.database.described)])
    try await RegistryDatabase.prepare(app.db, settings: settings.database)
    app.importRunner = ImportRunner()
    app.accountServices = try AccountServices(settings: settings.access)
    app.lifecycle.use(ImportRunnerLifecycle())
    app.migrations.add(RegistryMigrations.all)
    if settings.autoMigrate {
        try await app.autoMigrate()
        try await app.installSavedPolicyChanges()
    }

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
    // Last, so that the account it finds reaches the handler's task (see `RequestContext`).
    app.middleware.use(AccessMiddleware(operations: .shared, authenticator: Authenticator(database: { $0.db })))
    try routes(app)
}
