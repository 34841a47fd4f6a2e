import App
import ArgumentParser
import Fluent
import Foundation
import Vapor

/// `renewal migrate`: brings the database's schema up to date (what `serve` does at start).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or update the database schema.")

    @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?

    func run() async throws {
        var settings = AppSettings.fromEnvironment()
        if let sqlite { settings.sqlitePath = sqlite }
        let app = try await Application.make(.production)
        do {
            try await configure(app, settings: settings)
            print("migrated: \(settings.databaseURL == nil ? settings.sqlitePath : "PostgreSQL")")
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
