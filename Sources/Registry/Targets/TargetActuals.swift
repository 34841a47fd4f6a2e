import FluentKit
import Foundation
import Policy
import SQLKit
import Workflow

/// What the registry counts toward a target's measure (targets.yaml `counted:`), by SQL
/// aggregates over the stored projects, never loading them: per district and application month,
/// summed here into quarters. A project counts when its recommended combination holds any
/// instrument (`recommended_instruments` is not empty), as the simulation counts supported projects.
public struct TargetActuals: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    /// One aggregate row: a district's figure for the projects applied in one quarter.
    public struct Cell: Sendable, Equatable {
        public var district: String
        public var quarter: Quarter
        /// In the measure's unit: yuan for sums (fen / 100, exact), projects for counts.
        public var value: Decimal
    }

    static let supported = "p.recommended_instruments <> ','"

    /// The cells of a counted measure. Projects without an application date have no quarter and
    /// are not counted (they have not applied).
    public func cells(_ count: TargetCount) async throws -> [Cell] {
        let sql = try BudgetLedgerSums.sqlDatabase(db)
        let month = "SUBSTR(p.application_date, 1, 7)"
        var query: SQLQueryString
        switch count.figure {
        case .sum(.declaredInvestment):
            query = "SELECT p.district AS district, \(unsafeRaw: month) AS m, CAST(COALESCE(SUM(p.declared_fen), 0) AS BIGINT) AS v FROM projects p WHERE \(unsafeRaw: Self.supported) AND p.application_date IS NOT NULL GROUP BY p.district, \(unsafeRaw: month)"
        case .sum(.renewalEquipment):
            query = "SELECT p.district AS district, \(unsafeRaw: month) AS m, CAST(COALESCE(SUM(CAST(e.quantity AS BIGINT) * e.unit_price_fen), 0) AS BIGINT) AS v FROM equipment_items e JOIN projects p ON e.project_id = p.id WHERE e.replaces_old = \(bind: true) AND \(unsafeRaw: Self.supported) AND p.application_date IS NOT NULL GROUP BY p.district, \(unsafeRaw: month)"
        case .projects(let instrument, let category):
            query = "SELECT p.district AS district, \(unsafeRaw: month) AS m, CAST(COUNT(*) AS BIGINT) AS v FROM projects p WHERE p.recommended_instruments LIKE \(bind: "%," + instrument + ",%") AND p.application_date IS NOT NULL"
            if let category {
                query.appendInterpolation(unsafeRaw: " AND EXISTS (SELECT 1 FROM project_categories c WHERE c.project_id = p.id AND c.category = ")
                query.appendInterpolation(bind: category)
                query.appendInterpolation(unsafeRaw: ")")
            }
            query.appendInterpolation(unsafeRaw: " GROUP BY p.district, \(month)")
        }
        let isSum: Bool = { if case .sum = count.figure { return true } else { return false } }()
        var out: [String: Cell] = [:]
        for row in try await sql.raw(query).all() {
            let district = try row.decode(column: "district", as: String.self)
            let m = try row.decode(column: "m", as: String.self)
            guard let day = Day(iso: m + "-01") else { continue }
            let raw = try row.decode(column: "v", as: Int64.self)
            let value = isSum ? Decimal(raw) / 100 : Decimal(raw)
            let q = Quarter(day: day)
            out["\(district)|\(q.text)", default: Cell(district: district, quarter: q, value: 0)].value += value
        }
        return out.values.sorted { ($0.quarter, $0.district) < ($1.quarter, $1.district) }
    }
}
