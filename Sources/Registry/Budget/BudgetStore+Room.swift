import FluentKit
import Foundation
import Policy

extension BudgetStore {
    /// The pool a payment of `instrument` for `year` in `district` is charged to: the district's
    /// own pool if it has one, else the city's (nil: no pool applies). A city pool covers the
    /// districts that have no pool of their own for that instrument and year.
    static func pool(for instrument: String, year: Int, district: String?, on db: any Database) async throws -> (pool: BudgetPool, others: [String])? {
        let pools = try await pools(on: db, year: year, instrument: instrument)
        if let district, let own = pools.first(where: { $0.district == district }) { return (own, []) }
        guard let city = pools.first(where: { $0.district == nil }) else { return nil }
        return (city, pools.compactMap(\.district))
    }

    /// The room left in the pool a payment is charged to: budget − paid. Called by the ledger in
    /// the payment's transaction: it takes the instrument-year's lock first, so that two
    /// payments (on one server or two sharing PostgreSQL) never both see the same room.
    /// Commitments do not reserve the pool (see `PoolFigures.room`).
    public static func poolRoom(instrument: String, year: Int, district: String?, on db: any Database) async throws -> Money? {
        try await BudgetLock.take(BudgetLock.pool(instrument: instrument, year: year), on: db)
        guard let (pool, others) = try await pool(for: instrument, year: year, district: district, on: db) else { return nil }
        let paid = try await BudgetLedgerSums.paid(instrument: instrument, year: year, districts: pool.district.map { [$0] }, excluding: others, on: db)
        return pool.budget - paid
    }

    /// The pool's budget, committed and paid now.
    public func figures(_ pool: BudgetPool) async throws -> PoolFigures {
        let others = pool.district == nil ? try await pools(year: pool.year, instrument: pool.instrument).compactMap(\.district) : []
        let paid = try await BudgetLedgerSums.paid(instrument: pool.instrument, year: pool.year, districts: pool.district.map { [$0] }, excluding: others, on: db)
        let committed = try await Commitments.committed(on: db).filter { key, _ in
            key.instrument == pool.instrument && key.year == pool.year
                && (pool.district.map { key.district == $0 } ?? !others.contains(key.district))
        }.values.sum()
        return PoolFigures(budget: pool.budget, committed: committed, paid: paid)
    }
}
