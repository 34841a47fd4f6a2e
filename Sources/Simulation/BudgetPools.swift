import Policy

/// Budget pools of the finance bureau: which instruments each pays, and how much it has per year
/// (or in total). When a year's payments exceed a pool, they are served in the order officers
/// would use — projects with priority first (the 20,000,000 threshold of (七), reading 1), then
/// by application date — and the rest are rationed.
///
///     pools:
///       - id: renovation
///         name: {zh: 技术改造专项资金, en: Technical-renovation fund}
///         instruments: [7a, 7b, 7c]
///         annual: {2025: "3000000000", 2026: "3000000000"}   # per year, or:
///         # total: "10000000000"                              # over all years, in year order
public struct BudgetPool: Sendable {
    public var id: String
    public var name: LocalizedText
    public var instruments: [String]
    public var annual: [Int: Money]
    public var total: Money?

    public static func read(yaml text: String) throws -> [BudgetPool] {
        guard case .array(let items)? = try JSONValue.parseYAML(text)["pools"] else {
            throw SimulationError.input("budget file: expected `pools:` with a list of pools")
        }
        return try items.enumerated().map { n, item in
            func string(_ v: JSONValue?) -> String? {
                switch v { case .string(let s)?: return s; case .number(let s)?: return s; default: return nil }
            }
            guard let id = string(item["id"]) else { throw SimulationError.input("budget file: pools[\(n)].id is missing") }
            guard case .array(let ids)? = item["instruments"] else { throw SimulationError.input("budget file: pools[\(n)].instruments is missing") }
            var pool = BudgetPool(id: id, name: LocalizedText(zh: string(item["name"]?["zh"]) ?? id, en: string(item["name"]?["en"]) ?? id),
                                  instruments: ids.compactMap(string), annual: [:], total: nil)
            if case .object(let years)? = item["annual"] {
                for (year, amount) in years {
                    guard let y = Int(year), let m = string(amount).flatMap(Money.init(yuanText:)) else {
                        throw SimulationError.input("budget file: pools[\(n)].annual.\(year) must be a year and an amount in yuan")
                    }
                    pool.annual[y] = m
                }
            }
            if let t = item["total"] {
                guard let m = string(t).flatMap(Money.init(yuanText:)) else { throw SimulationError.input("budget file: pools[\(n)].total must be an amount in yuan") }
                pool.total = m
            }
            if pool.annual.isEmpty && pool.total == nil { throw SimulationError.input("budget file: pools[\(n)] needs annual or total") }
            return pool
        }
    }
}

/// What happened to one pool.
public struct PoolOutcome: Sendable, Codable {
    public var id: String
    public var name: LocalizedText
    /// The budget over all years, when the pool is given as a total.
    public var total: Money?
    public var demanded: Money
    public var paid: Money
    public var rationed: Money
    /// Projects that did not receive all their payment from this pool.
    public var rationedProjects: Int
    /// Per year: the budget, the demand, and the application date of the first payment that
    /// could not be paid in full ("when it ran out"), if any.
    public var years: [Year]

    public struct Year: Sendable, Codable {
        public var year: Int
        public var budget: Money?
        public var demanded: Money
        public var paid: Money
        public var exhaustedAt: String?
        /// A pool given as a total that was already used up before this year began.
        public var exhaustedBefore: Bool
        public var rationedProjects: Int
    }
}

enum Rationing {
    /// Serves payments from the pools; `ids` are the instrument ids by position.
    static func run(_ pools: [BudgetPool], payments: [SimulationSink.Payment], ids: [String]) -> [PoolOutcome] {
        pools.map { pool in
            let members = Set(pool.instruments.compactMap { ids.firstIndex(of: $0) })
            var mine = payments.filter { members.contains(Int($0.instrument)) }
            // Year, then priority (with priority or no priority condition first), then date, then project.
            mine.sort {
                let pa = $0.priority == 0 ? 1 : 0, pb = $1.priority == 0 ? 1 : 0
                return ($0.year, pa, $0.date, $0.project) < ($1.year, pb, $1.date, $1.project)
            }
            var totalLeft = pool.total?.fen ?? Int64.max
            var years: [Int: PoolOutcome.Year] = [:]
            var yearLeft: [Int: Int64] = [:]
            var rationed = Set<Int32>()
            var rationedByYear: [Int: Set<Int32>] = [:]
            for p in mine {
                let y = Int(p.year)
                var entry = years[y] ?? PoolOutcome.Year(year: y, budget: pool.annual[y], demanded: .zero, paid: .zero,
                                                         exhaustedAt: nil, exhaustedBefore: totalLeft == 0, rationedProjects: 0)
                let annualLeft = yearLeft[y] ?? pool.annual[y]?.fen ?? (pool.total == nil ? 0 : Int64.max)
                let pay = min(p.amount, annualLeft, totalLeft)
                entry.demanded += Money(fen: p.amount)
                entry.paid += Money(fen: pay)
                yearLeft[y] = annualLeft == Int64.max ? Int64.max : annualLeft - pay
                if totalLeft != Int64.max { totalLeft -= pay }
                if pay < p.amount {
                    if entry.exhaustedAt == nil && !entry.exhaustedBefore { entry.exhaustedAt = Day(packedValue: p.date)?.iso }
                    rationed.insert(p.project)
                    rationedByYear[y, default: []].insert(p.project)
                }
                years[y] = entry
            }
            let list = years.keys.sorted().map { y -> PoolOutcome.Year in
                var e = years[y]!
                e.rationedProjects = rationedByYear[y]?.count ?? 0
                return e
            }
            let demanded = list.map(\.demanded).sum(), paid = list.map(\.paid).sum()
            return PoolOutcome(id: pool.id, name: pool.name, total: pool.total, demanded: demanded, paid: paid, rationed: demanded - paid,
                               rationedProjects: rationed.count, years: list)
        }
    }
}

extension Day {
    init?(packedValue p: Int32) { self.init(year: Int(p / 10000), month: Int(p / 100 % 100), day: Int(p % 100)) }
}

public enum SimulationError: Error, CustomStringConvertible {
    case input(String)
    public var description: String {
        switch self { case .input(let s): return s }
    }
}
