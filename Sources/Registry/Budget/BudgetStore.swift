import FluentKit
import Foundation
import Policy
import Workflow

/// The budget pools: created and revised by the city officer (each change a new version, in the
/// audit trail), read with their committed and paid amounts and their ranking.
public struct BudgetStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    /// What a pool is set to.
    public struct Setting: Sendable {
        public var instrument: String
        public var year: Int
        public var district: String?
        public var budget: Money
        public var method: RationingMethod
        public var note: String?

        public init(instrument: String, year: Int, district: String?, budget: Money, method: RationingMethod, note: String?) {
            self.instrument = instrument
            self.year = year
            self.district = district
            self.budget = budget
            self.method = method
            self.note = note
        }
    }

    public func pools(year: Int? = nil, instrument: String? = nil) async throws -> [BudgetPool] {
        try await Self.pools(on: db, year: year, instrument: instrument)
    }

    static func pools(on db: any Database, year: Int? = nil, instrument: String? = nil) async throws -> [BudgetPool] {
        var q = BudgetPoolVersionModel.query(on: db)
        if let year { q = q.filter(\.$year == year) }
        if let instrument { q = q.filter(\.$instrument == instrument) }
        let rows = try await q.sort(\.$poolID).sort(\.$version).all()
        var out: [UUID: [BudgetPoolVersionModel]] = [:]
        for r in rows { out[r.poolID, default: []].append(r) }
        return out.map { BudgetPool(id: $0.key, current: $0.value.last!, versions: $0.value) }
            .sorted { ($0.year, $0.instrument, $0.district ?? "") < ($1.year, $1.instrument, $1.district ?? "") }
    }

    public func pool(_ id: UUID) async throws -> BudgetPool {
        let rows = try await BudgetPoolVersionModel.query(on: db).filter(\.$poolID == id).sort(\.$version).all()
        guard let last = rows.last else { throw Self.notFound(id) }
        return BudgetPool(id: id, current: last, versions: rows)
    }

    static func notFound(_ id: UUID) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到预算资金池 \(id.uuidString.lowercased())", en: "no budget pool \(id.uuidString.lowercased())"))
    }

    /// A new pool; one pool per instrument, year and district (or the city).
    public func create(_ setting: Setting, by who: AuditActor) async throws -> BudgetPool {
        let id = UUID()
        try await db.transaction { db in
            try await BudgetLock.take(BudgetLock.pool(instrument: setting.instrument, year: setting.year), on: db)
            let same = try await Self.pools(on: db, year: setting.year, instrument: setting.instrument).first { $0.district == setting.district }
            if let same {
                throw RegistryError.conflict(LocalizedText(
                    zh: "政策\(setting.instrument)在\(setting.year)年\(setting.district.map { "（\($0)）" } ?? "（全市）")已有资金池 \(same.id.uuidString.lowercased())，请修订该资金池",
                    en: "instrument \(setting.instrument) already has a pool for \(setting.year) (\(setting.district ?? "city")): \(same.id.uuidString.lowercased()); revise it"))
            }
            try await Self.write(setting, pool: id, version: 1, before: nil, by: who, on: db)
        }
        return try await pool(id)
    }

    /// A new version of the pool: the budget, method or note change; instrument, year and
    /// district stay (a pool of another scope is another pool).
    public func revise(_ id: UUID, budget: Money, method: RationingMethod, note: String?, by who: AuditActor) async throws -> BudgetPool {
        try await db.transaction { db in
            let rows = try await BudgetPoolVersionModel.query(on: db).filter(\.$poolID == id).sort(\.$version).all()
            guard let last = rows.last else { throw Self.notFound(id) }
            try await BudgetLock.take(BudgetLock.pool(instrument: last.instrument, year: last.year), on: db)
            // Read again under the lock: a revision made meanwhile takes the version first.
            let latest = try await BudgetPoolVersionModel.query(on: db).filter(\.$poolID == id).sort(\.$version, .descending).first() ?? last
            let setting = Setting(instrument: latest.instrument, year: latest.year, district: latest.district, budget: budget, method: method, note: note)
            try await Self.write(setting, pool: id, version: latest.version + 1, before: latest, by: who, on: db)
        }
        return try await pool(id)
    }

    static func write(_ s: Setting, pool: UUID, version: Int, before: BudgetPoolVersionModel?, by who: AuditActor, on db: any Database) async throws {
        let m = BudgetPoolVersionModel()
        m.id = UUID()
        m.poolID = pool
        m.version = version
        m.instrument = s.instrument
        m.year = s.year
        m.district = s.district
        m.budgetFen = s.budget.fen
        m.method = s.method.rawValue
        m.note = s.note
        m.savedBy = who.name
        m.savedAt = Date()
        try await m.create(on: db)
        func state(_ v: BudgetPoolVersionModel) -> String {
            AuditChange.state(["version": String(v.version), "instrument": v.instrument, "year": String(v.year), "district": v.district,
                               "budget": Money(fen: v.budgetFen).decimalString, "method": v.method, "note": v.note])
        }
        try await AuditTrail.append(AuditChange(action: before == nil ? "budget.pool.create" : "budget.pool.revise", subjectType: "budget_pool",
                                                subjectID: pool.uuidString.lowercased(), before: before.map(state), after: state(m)),
                                    by: who, on: db)
    }
}
