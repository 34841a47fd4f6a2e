import ArgumentParser
import FluentKit
import Foundation
import Logging
import Policy
import Registry
import Workflow

/// The platform's database for a command that is not the server: the same settings as `serve`
/// (DATABASE_URL, or the SQLite file), opened and migrated by the registry itself — no Vapor
/// application is started — with the policy library the command evaluates under.
struct DatabaseSession {
    let connection: RegistryConnection
    let library: PolicyLibrary
    /// The folder the library was loaded from (its `workflow/` is beside the instruments).
    let libraryDirectory: URL

    var db: any Database { connection.db }
    var projectStore: ProjectStore {
        // The scenario fields, for the designations stored recommendations consult (十八).
        let scenarios = (try? WorkflowLibrary.load(directory: libraryDirectory.appendingPathComponent("workflow"), policy: library))?.scenarios
        return ProjectStore(db: connection.db, engine: Engine(library: library), scenarios: scenarios ?? ScenarioFields())
    }

    static func settings(sqlite: String?) -> DatabaseSettings {
        var settings = DatabaseSettings.fromEnvironment()
        if let sqlite { settings.sqlitePath = sqlite }
        return settings
    }

    static func with<T>(sqlite: String?, policy: String? = nil, _ body: (DatabaseSession) async throws -> T) async throws -> T {
        let folder = policy ?? ProcessInfo.processInfo.environment["RENEWAL_POLICY_DIR"]
        let library = try PolicyLoading.load(folder)
        guard let directory = folder.map({ URL(fileURLWithPath: $0) }) ?? PolicyLibraryLoader.defaultDirectory() else { throw ExitCode(3) }
        var logger = Logger(label: "renewal")
        logger.logLevel = .warning
        return try await RegistryConnection.with(settings(sqlite: sqlite), logger: logger) { connection in
            // The library in force, as the server has it: the files with the changes saved in the database.
            let inForce = try await PolicyChangeStore(db: connection.db).library(over: library)
            return try await body(DatabaseSession(connection: connection, library: inForce, libraryDirectory: directory))
        }
    }
}
