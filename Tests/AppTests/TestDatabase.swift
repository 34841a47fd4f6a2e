import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The databases every server test runs against: SQLite always, and a real PostgreSQL server
/// when RENEWAL_TEST_POSTGRES_URL is set. With the variable set, a server that is down makes
/// the tests fail at connection — they never skip.
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var all: [TestDatabase] {
        ProcessInfo.processInfo.environment["RENEWAL_TEST_POSTGRES_URL"].map { !$0.isEmpty } == true ? [.sqlite, .postgres] : [.sqlite]
    }

    var testDescription: String { rawValue }

    var settings: AppSettings {
        var s = AppSettings()
        switch self {
        case .sqlite: s.inMemory = true
        case .postgres: s.databaseURL = ProcessInfo.processInfo.environment["RENEWAL_TEST_POSTGRES_URL"]
        }
        return s
    }
}

/// PostgreSQL tests share one database, so they take turns; each starts from an empty schema.
actor PostgresTurn {
    static let shared = PostgresTurn()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

/// Runs `body` with a configured application on a fresh database.
func withApp(_ database: TestDatabase, _ body: (Application) async throws -> Void) async throws {
    if database == .postgres { await PostgresTurn.shared.acquire() }
    let app = try await Application.make(.testing)
    do {
        var settings = database.settings
        settings.autoMigrate = false
        try await configure(app, settings: settings)
        if database == .postgres { try await app.autoRevert() }
        try await app.autoMigrate()
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        if database == .postgres { await PostgresTurn.shared.release() }
        throw error
    }
    try await app.asyncShutdown()
    if database == .postgres { await PostgresTurn.shared.release() }
}
