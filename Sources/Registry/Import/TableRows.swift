import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Policy

/// Rows for one table, kept flat (row after row of `columns.count` values) and written in bulk
/// through the driver underneath Fluent: multi-row INSERTs with bound values on SQLite, COPY on
/// PostgreSQL.
///
/// Bulk import does not go through Fluent's models (Fluent finds a model's fields by reflection
/// for every row it writes) nor through SQLKit's statement builder (every value boxed, encoded
/// and serialized one by one): measured with perf, each cost more than the database's own work.
struct TableRows {
    let table: String
    let columns: [String]
    private(set) var values: [BulkValue] = []

    init(_ table: String, _ columns: [String]) {
        self.table = table
        self.columns = columns
    }

    var isEmpty: Bool { values.isEmpty }
    var count: Int { values.count / columns.count }

    mutating func append(_ row: [BulkValue]) {
        precondition(row.count == columns.count, "\(table): \(row.count) values for \(columns.count) columns")
        values.append(contentsOf: row)
    }

    func insert(on db: any Database) async throws {
        if isEmpty { return }
        if let sqlite = db as? any SQLiteDatabase {
            try await SQLiteBulkInsert.insert(self, on: sqlite)
        } else if let postgres = db as? any PostgresDatabase {
            try await PostgresCopy.copy(self, on: postgres, logger: db.logger)
        } else {
            throw RegistryError.conflict(LocalizedText(zh: "批量写入只支持 SQLite 和 PostgreSQL", en: "bulk writes support SQLite and PostgreSQL only"))
        }
    }
}
