import App
import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import Vapor

/// PostgreSQL databases for tests, as SwiftPackageIndex-Server does it: the schema is migrated
/// once per test process into a template database, and each test gets a database of its own,
/// copied from it with `CREATE DATABASE … TEMPLATE …` (a file copy: milliseconds, where running the
/// migrations costs a second), dropped when the test ends. Tests then run in parallel instead of
/// taking turns on one shared database.
///
/// Names derive from the database of RENEWAL_TEST_POSTGRES_URL (`renewal_test` →
/// `renewal_test_template`, `renewal_test_t_1a2b3c4d`), so runs against different base databases
/// on one server do not meet. At most `slots` test databases exist at once: each test's
/// application holds connections, and the server's `max_connections` is finite.
actor PostgresTestDatabases {
    static let shared = PostgresTestDatabases()

    struct Clone: Sendable {
        let name: String
        let url: String
    }

    private var template: Task<Void, any Error>?
    private var free = 8
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// A fresh database with the migrated schema. Throws (the test fails) when the server is down.
    func clone() async throws -> Clone {
        let base = try Self.base()
        if template == nil {
            // Set before the first suspension: concurrent callers wait for this one migration.
            template = Task { try await Self.makeTemplate(base) }
        }
        try await template!.value
        await acquire()
        let name = "\(base.name)_t_\(UUID().uuidString.prefix(8).lowercased())"
        do {
            try await Self.run(on: base.url, "CREATE DATABASE \"\(name)\" TEMPLATE \"\(base.name)_template\"")
        } catch {
            release()
            throw error
        }
        return Clone(name: name, url: Self.url(base.url, database: name))
    }

    func drop(_ clone: Clone) async throws {
        defer { release() }
        try await Self.run(on: try Self.base().url, "DROP DATABASE IF EXISTS \"\(clone.name)\" WITH (FORCE)")
    }

    private func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }

    // MARK: - The server

    struct Base: Sendable {
        let url: String
        let name: String
    }

    static func base() throws -> Base {
        guard let url = TestDatabase.postgresURL, let parts = URLComponents(string: url) else {
            throw TestDatabaseError("RENEWAL_TEST_POSTGRES_URL is not a URL")
        }
        let name = String(parts.path.drop { $0 == "/" })
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw TestDatabaseError("RENEWAL_TEST_POSTGRES_URL must name a database of letters, digits and _: \(name)")
        }
        return Base(url: url, name: name)
    }

    static func url(_ url: String, database: String) -> String {
        var parts = URLComponents(string: url)!
        parts.path = "/" + database
        return parts.string!
    }

    /// Drops and recreates the template (the migrations may have changed since the last run),
    /// then migrates it through the application's own setup. Test databases left by a process
    /// that died are dropped first: one test process per base database at a time, as in CI.
    static func makeTemplate(_ base: Base) async throws {
        let template = "\(base.name)_template"
        let pattern = base.name.replacingOccurrences(of: "_", with: "\\_") + "\\_t\\_%"
        for name in try await names(on: base.url, "SELECT datname FROM pg_database WHERE datname LIKE '\(pattern)'") {
            try await run(on: base.url, "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
        }
        try await run(on: base.url, "DROP DATABASE IF EXISTS \"\(template)\" WITH (FORCE)")
        try await run(on: base.url, "CREATE DATABASE \"\(template)\"")
        let app = try await Application.make(.testing)
        do {
            var settings = AppSettings()
            settings.databaseURL = url(base.url, database: template)
            settings.autoMigrate = true
            try await configure(app, settings: settings)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        // Shut down before any clone: a template with open connections cannot be copied.
        try await app.asyncShutdown()
    }

    /// One statement on the base database, on a connection of its own.
    static func run(on url: String, _ sql: String) async throws {
        _ = try await names(on: url, sql)
    }

    /// One statement on the base database; the first column of every row it returns.
    static func names(on url: String, _ sql: String) async throws -> [String] {
        let app = try await Application.make(.testing)
        let names: [String]
        do {
            try app.databases.use(.postgres(url: url), as: .psql)
            guard let db = app.db as? any SQLDatabase else { throw TestDatabaseError("not an SQL database") }
            names = try await db.raw("\(unsafeRaw: sql)").all().map { row in
                try row.allColumns.first.map { try row.decode(column: $0, as: String.self) } ?? ""
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        return names
    }
}

struct TestDatabaseError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
