import App
import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The databases every server test runs against: SQLite always, and a real PostgreSQL server
/// when RENEWAL_TEST_POSTGRES_URL is set. With the variable set, a server that is down makes
/// the tests fail at connection — they never skip.
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["RENEWAL_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var all: [TestDatabase] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }
}

/// Runs `body` with a configured application on a fresh database: in-memory SQLite, or a
/// PostgreSQL database of its own cloned from the migrated template (so PostgreSQL tests run in
/// parallel, as the SQLite ones do), dropped afterwards.
func withApp(_ database: TestDatabase, settings adjust: (inout AppSettings) -> Void = { _ in },
             _ body: (Application) async throws -> Void) async throws {
    var settings = AppSettings()
    settings.autoMigrate = false
    // Bcrypt's lowest cost: hashing is not what the tests measure.
    settings.access.bcryptCost = 4
    // A loaded machine makes a line of requests for one connection slow, not failed: a hang
    // guard, not a timed assertion (the ledger's concurrency tests queue 100 payments).
    settings.database.connectionWaitSeconds = 600
    adjust(&settings)
    var clone: PostgresTestDatabases.Clone?
    switch database {
    case .sqlite:
        settings.inMemory = true
    case .postgres:
        let made = try await PostgresTestDatabases.shared.clone()
        clone = made
        settings.databaseURL = made.url
    }
    // As `renewal serve` does; once per process, however many applications the tests configure.
    RenewalMetrics.bootstrap()
    let app = try await Application.make(.testing)
    do {
        try await configure(app, settings: settings)
        // A clone has the template's migrations already (this finds nothing to do); SQLite starts empty.
        try await app.autoMigrate()
        try await TestAccounts.prepareAdministrator(app)
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        if let clone { try? await PostgresTestDatabases.shared.drop(clone) }
        throw error
    }
    try await app.asyncShutdown()
    if let clone { try await PostgresTestDatabases.shared.drop(clone) }
}
