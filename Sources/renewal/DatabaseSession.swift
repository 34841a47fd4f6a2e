import App
import Foundation
import Vapor

/// The platform's database for a command that is not the server: the same settings as `serve`
/// (DATABASE_URL, or the SQLite file), migrated, then shut down.
enum DatabaseSession {
    static func with<T>(sqlite: String?, policy: String? = nil, _ body: (Application) async throws -> T) async throws -> T {
        var settings = AppSettings.fromEnvironment()
        if let sqlite { settings.sqlitePath = sqlite }
        if let policy { settings.policyDirectory = URL(fileURLWithPath: policy) }
        let app = try await Application.make(.production)
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: settings)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
