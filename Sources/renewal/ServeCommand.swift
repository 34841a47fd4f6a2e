import App
import ArgumentParser
import Foundation
import Registry
import Vapor

/// `renewal serve`: the platform's server. SQLite in the working folder by default, PostgreSQL
/// when DATABASE_URL is set; the policy library loaded and the database migrated at start;
/// stops gracefully on SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the server: JSON API under /api, docs at /docs, /health and /metrics."
    )

    @ArgumentParser.Option(help: "Address to listen on (default 127.0.0.1, or HOST).") var hostname: String?
    @ArgumentParser.Option(help: "Port (default 8080, or PORT).") var port: Int?
    @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?
    @ArgumentParser.Option(help: "Policy library folder.") var policy: String?

    func run() async throws {
        var settings = AppSettings.fromEnvironment()
        if let hostname { settings.hostname = hostname }
        if let port { settings.port = port }
        if let sqlite { settings.sqlitePath = sqlite }
        if let policy { settings.policyDirectory = URL(fileURLWithPath: policy) }
        var env = try Environment.detect(arguments: ["renewal"])
        try LoggingSystem.bootstrap(from: &env)
        RenewalMetrics.bootstrap()
        let app = try await Application.make(env)
        do {
            try await configure(app, settings: settings)
            let stale = try await ImportService(db: app.db, library: app.policyLibrary, actor: .system("serve")).markInterrupted()
            if stale > 0 { app.logger.warning("imports left running by a stopped process marked partial", metadata: ["count": .stringConvertible(stale)]) }
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
