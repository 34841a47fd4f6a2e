import ArgumentParser
import Foundation
import Registry

/// `renewal migrate`: brings the database's schema up to date (what `serve` does at start),
/// through the registry alone.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or update the database schema.")

    @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?

    func run() async throws {
        let settings = DatabaseSession.settings(sqlite: sqlite)
        try await RegistryConnection.with(settings) { _ in }
        print("migrated: \(settings.described)")
    }
}
