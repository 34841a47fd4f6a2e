import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Policy

/// A select run through the driver underneath SQLKit, its rows read by column position.
///
/// Bulk reads of stored projects (`StoredPopulation`) decode tens of millions of values for a
/// million projects; through SQLKit's `SQLRow` every one goes by column name through a
/// `Decodable` decoder, which costs more than the database's own work. Here a value is taken
/// from SQLite's or PostgreSQL's own row as the driver gave it.
enum StoredRows {
    /// One row. Positions are those of the select's columns.
    struct Row {
        fileprivate enum Cells {
            case sqlite(SQLiteRow, [String])
            case postgres(PostgresRandomAccessRow)
        }
        fileprivate let cells: Cells

        func int(_ i: Int) throws -> Int64? {
            switch cells {
            case .sqlite(let row, let names):
                switch row.column(names[i]) {
                case .integer(let v): return Int64(v)
                case .null, nil: return nil
                case let other?: throw Self.mismatch(names[i], "integer", "\(other)")
                }
            case .postgres(let row):
                return try row[i].decode(Int64?.self)
            }
        }

        func text(_ i: Int) throws -> String? {
            switch cells {
            case .sqlite(let row, let names):
                switch row.column(names[i]) {
                case .text(let v): return v
                case .null, nil: return nil
                case let other?: throw Self.mismatch(names[i], "text", "\(other)")
                }
            case .postgres(let row):
                return try row[i].decode(String?.self)
            }
        }

        func bool(_ i: Int) throws -> Bool {
            switch cells {
            case .sqlite(let row, let names):
                switch row.column(names[i]) {
                case .integer(let v): return v != 0
                case let other: throw Self.mismatch(names[i], "boolean", "\(String(describing: other))")
                }
            case .postgres(let row):
                return try row[i].decode(Bool.self)
            }
        }

        func uuid(_ i: Int) throws -> UUID {
            switch cells {
            case .sqlite(let row, let names):
                // SQLiteKit stores a UUID as its text.
                guard case .text(let v) = row.column(names[i]), let id = UUID(uuidString: v) else {
                    throw Self.mismatch(names[i], "uuid", "\(String(describing: row.column(names[i])))")
                }
                return id
            case .postgres(let row):
                return try row[i].decode(UUID.self)
            }
        }

        func requiredInt(_ i: Int) throws -> Int64 {
            guard let v = try int(i) else { throw Self.mismatch(name(i), "integer", "null") }
            return v
        }

        func requiredText(_ i: Int) throws -> String {
            guard let v = try text(i) else { throw Self.mismatch(name(i), "text", "null") }
            return v
        }

        private func name(_ i: Int) -> String {
            switch cells {
            case .sqlite(_, let names): names[i]
            case .postgres(let row): row[i].columnName
            }
        }

        private static func mismatch(_ column: String, _ expected: String, _ found: String) -> RegistryError {
            .conflict(LocalizedText(zh: "存储的列 \(column) 不是预期的类型（\(expected)）：\(found)",
                                    en: "stored column \(column) is not of the expected type (\(expected)): \(found)"))
        }
    }

    /// Runs `sql` (placeholders `?`, values UUIDs; the columns named in order in `columns`, as the
    /// select's result names them) and hands each row to `body` as it comes.
    static func each(_ db: any Database, _ sql: String, columns: [String], binds: [UUID],
                     _ body: (Row) throws -> Void) async throws {
        if let sqlite = db as? any SQLiteDatabase {
            // The connection's own query, its rows taken on the thread that steps the statement:
            // the database's `query` hands each row to the event loop (a wake-up per row).
            let values: [SQLiteData] = binds.map { .text($0.uuidString) }
            let rows = try await sqlite.withConnection { connection in
                let collected = CollectedRows()
                try await connection.query(sql, values) { collected.rows.append($0) }
                return collected.rows
            }
            for row in rows { try body(Row(cells: .sqlite(row, columns))) }
        } else if let postgres = db as? any PostgresDatabase {
            var text = "", n = 0
            for ch in sql {
                if ch == "?" { n += 1; text += "$\(n)" } else { text.append(ch) }
            }
            var bindings = PostgresBindings(capacity: binds.count)
            for id in binds { bindings.append(id) }
            let query = PostgresQuery(unsafeSQL: text, binds: bindings)
            let logger = db.logger
            // The rows are collected on the connection, then read here: `body` is not Sendable.
            let rows = try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask { try await connection.query(query, logger: logger).collect() }
            }.get()
            for row in rows { try body(Row(cells: .postgres(row.makeRandomAccess()))) }
        } else {
            throw RegistryError.conflict(LocalizedText(zh: "批量读取只支持 SQLite 和 PostgreSQL", en: "bulk reads support SQLite and PostgreSQL only"))
        }
    }
}

/// The rows of one SQLite query as the connection's thread steps them. Unchecked: only that
/// thread appends, one row after another, and the rows are read once the query has returned.
private final class CollectedRows: @unchecked Sendable {
    var rows: [SQLiteRow] = []
}
