import FluentSQLiteDriver
import Foundation

/// Multi-row INSERTs with bound values for SQLite, the values converted the way SQLiteKit's
/// encoder converts the same Swift types (UUID as its upper-case text, Date as seconds since
/// 1970, Bool as 0/1), so Fluent reads the rows back unchanged.
enum SQLiteBulkInsert {
    /// Bound values a statement (SQLite allows 32,766 by default; this build more).
    static let bindsPerStatement = 30_000

    static func insert(_ rows: TableRows, on db: any SQLiteDatabase) async throws {
        let width = rows.columns.count
        let perStatement = max(1, bindsPerStatement / width)
        let total = rows.count
        // Every full statement has the same text; only the last, shorter one differs.
        let full = sql(rows, count: min(perStatement, total))
        var start = 0
        while start < total {
            let n = min(perStatement, total - start)
            let text = n == min(perStatement, total) ? full : sql(rows, count: n)
            var binds: [SQLiteData] = []
            binds.reserveCapacity(n * width)
            for value in rows.values[(start * width)..<((start + n) * width)] { binds.append(data(value)) }
            _ = try await db.query(text, binds)
            start += n
        }
    }

    static func sql(_ rows: TableRows, count: Int) -> String {
        let tuple = "(" + Array(repeating: "?", count: rows.columns.count).joined(separator: ",") + ")"
        var text = "INSERT INTO \"\(rows.table)\" (" + rows.columns.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES "
        text.reserveCapacity(text.utf8.count + count * (tuple.utf8.count + 1))
        for i in 0..<count {
            if i > 0 { text += "," }
            text += tuple
        }
        return text
    }

    static func data(_ value: BulkValue) -> SQLiteData {
        switch value {
        case .null: .null
        case .int(let v): .integer(Int(v))
        case .text(let v): .text(v)
        case .bool(let v): v.sqliteData ?? .null
        case .uuid(let v): .text(UUIDText.upper(v))
        case .time(let v): v.sqliteData ?? .null
        }
    }
}
