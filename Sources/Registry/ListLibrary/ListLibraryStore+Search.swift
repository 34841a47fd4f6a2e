import FluentKit
import Foundation
import Policy
import SQLKit
import Workflow

extension ListLibraryStore {
    /// What a search asks: each given filter must hold. Without `edition`, each kind's latest
    /// edition is searched (what the lists say now); with it, that edition of `kind`.
    public struct Search: Sendable {
        public var kind: String?
        /// A substring of the key, name, enterprise, credit code or a field, any case.
        public var text: String?
        /// A substring of the enterprise's name, or its credit code exactly.
        public var enterprise: String?
        public var district: String?
        public var year: Int?
        public var edition: Int?
        public init(kind: String? = nil, text: String? = nil, enterprise: String? = nil, district: String? = nil, year: Int? = nil, edition: Int? = nil) {
            self.kind = kind
            self.text = text
            self.enterprise = enterprise
            self.district = district
            self.year = year
            self.edition = edition
        }
    }

    /// A page of the entries found, in kind, edition and row order, and how many there are.
    public func search(_ s: Search, page: Int, perPage: Int) async throws -> (entries: [(ListEditionEntryModel, ListEditionModel)], total: Int) {
        var editions: [ListEditionModel]
        if let number = s.edition {
            guard let kind = s.kind else {
                throw RegistryError.invalid([ValidationIssue(path: "edition", zh: "按版本查询时须同时给出 kind", en: "an edition is searched with its kind")])
            }
            editions = [try await edition(kind: kind, number: number)]
        } else {
            var latest: [String: ListEditionModel] = [:]
            for e in try await self.editions(kind: s.kind) where (latest[e.kind]?.number ?? 0) < e.number { latest[e.kind] = e }
            editions = Array(latest.values)
        }
        if editions.isEmpty { return ([], 0) }
        let byID = Dictionary(uniqueKeysWithValues: editions.compactMap { e in e.id.map { ($0, e) } })
        func query() -> QueryBuilder<ListEditionEntryModel> {
            var q = ListEditionEntryModel.query(on: db).filter(\.$editionID ~~ Array(byID.keys))
            if let text = s.text?.lowercased(), !text.isEmpty { q = q.filter(\.$search, .contains(inverse: false, .anywhere), Self.literal(text)) }
            if let who = s.enterprise, !who.isEmpty {
                if CreditCode.problem(in: who) == nil { q = q.filter(\.$creditCode == who) } else {
                    q = q.filter(\.$enterprise, .contains(inverse: false, .anywhere), Self.literal(who))
                }
            }
            if let d = s.district { q = q.filter(\.$district == d) }
            if let y = s.year { q = q.filter(\.$year == y) }
            return q
        }
        let total = try await query().count()
        let rows = try await query().sort(\.$kind).sort(\.$row).range(((page - 1) * perPage)..<(page * perPage)).all()
        return (rows.compactMap { m in byID[m.editionID].map { (m, $0) } }, total)
    }

    /// A search text as a LIKE pattern's literal: its `%`, `_` and `\` match only themselves.
    static func literal(_ text: String) -> String {
        // Fluent's `contains` does not escape; these characters are dropped rather than matching
        // everything (a name rarely holds them, and a search is a convenience, not a proof).
        text.filter { $0 != "%" && $0 != "_" && $0 != "\\" }
    }

    /// A kind's editions with their entries counted by district and year (SQL aggregate), for
    /// the dashboard's `ListLevels`.
    public func countedEditions(kind: String) async throws -> [ListLevels.Edition] {
        let editions = try await self.editions(kind: kind)
        guard !editions.isEmpty else { return [] }
        let sql = try BudgetLedgerSums.sqlDatabase(db)
        let rows = try await sql.select().column("edition_id").column("district").column("year").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(ListEditionEntryModel.schema).where("kind", .equal, kind).groupBy("edition_id").groupBy("district").groupBy("year").all()
        var counts: [UUID: [ListLevels.Edition.Key: Int]] = [:]
        for r in rows {
            let id = try r.decode(column: "edition_id", as: UUID.self)
            let key = ListLevels.Edition.Key(district: try r.decode(column: "district", as: String?.self), year: try r.decode(column: "year", as: Int?.self))
            counts[id, default: [:]][key, default: 0] += try r.decode(column: "n", as: Int.self)
        }
        return editions.compactMap { e in
            guard let id = e.id, let day = Day(iso: e.publishedOn) else { return nil }
            return ListLevels.Edition(published: day, counts: counts[id] ?? [:])
        }
    }
}
