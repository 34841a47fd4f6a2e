import FluentKit
import Foundation
import Policy
import SQLKit

/// The sums the budget reads from the ledger (`ledger_entries`, the lead's table; append-only).
/// A row's year is its subsidy year, or the year it was recorded for an entry of no year; its
/// `amount_fen` is its signed effect on the support paid (payments +, clawbacks −, corrections
/// the opposite of what they reverse), so a plain sum is what was paid.
enum BudgetLedgerSums {
    static let yearOf = "COALESCE(year, CAST(SUBSTR(recorded_on, 1, 4) AS INTEGER))"

    /// Paid per instrument, year and district.
    static func paid(on db: any Database) async throws -> [MoneyKey: Money] {
        let sql = try sqlDatabase(db)
        let rows = try await sql.raw("""
            SELECT instrument, \(unsafeRaw: yearOf) AS y, district, CAST(SUM(amount_fen) AS BIGINT) AS fen
            FROM ledger_entries GROUP BY instrument, \(unsafeRaw: yearOf), district
            """).all()
        var out: [MoneyKey: Money] = [:]
        for r in rows {
            let key = MoneyKey(instrument: try r.decode(column: "instrument", as: String.self), year: try r.decode(column: "y", as: Int.self),
                               district: try r.decode(column: "district", as: String.self))
            out[key, default: .zero] += Money(fen: try r.decode(column: "fen", as: Int64.self))
        }
        return out
    }

    /// Paid under `instrument` in `year`, in `districts` (nil: all), leaving out `excluding`.
    static func paid(instrument: String, year: Int, districts: [String]?, excluding: [String], on db: any Database) async throws -> Money {
        let sql = try sqlDatabase(db)
        var query = SQLQueryString("SELECT CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) AS fen FROM ledger_entries WHERE instrument = \(bind: instrument) AND \(unsafeRaw: yearOf) = \(bind: year)")
        if let districts {
            if districts.isEmpty { return .zero }
            query.appendInterpolation(unsafeRaw: " AND district IN (")
            for (n, d) in districts.enumerated() { if n > 0 { query.appendInterpolation(unsafeRaw: ", ") }; query.appendInterpolation(bind: d) }
            query.appendInterpolation(unsafeRaw: ")")
        }
        for d in excluding { query.appendInterpolation(unsafeRaw: " AND district <> "); query.appendInterpolation(bind: d) }
        let row = try await sql.raw(query).first()
        return Money(fen: try row?.decode(column: "fen", as: Int64.self) ?? 0)
    }

    /// Paid per application and instrument, over all years.
    static func paidByCase(on db: any Database) async throws -> [UUID: [String: Money]] {
        let sql = try sqlDatabase(db)
        let rows = try await sql.raw("""
            SELECT application_id, instrument, CAST(SUM(amount_fen) AS BIGINT) AS fen FROM ledger_entries
            WHERE application_id IS NOT NULL GROUP BY application_id, instrument
            """).all()
        var out: [UUID: [String: Money]] = [:]
        for r in rows {
            let id = try r.decode(column: "application_id", as: UUID.self)
            out[id, default: [:]][try r.decode(column: "instrument", as: String.self)] = Money(fen: try r.decode(column: "fen", as: Int64.self))
        }
        return out
    }

    static func sqlDatabase(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else {
            throw RegistryError.conflict(LocalizedText(zh: "数据库不支持 SQL 汇总", en: "the database cannot sum in SQL"))
        }
        return sql
    }
}
