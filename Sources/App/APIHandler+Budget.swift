import API
import Foundation
import Policy
import Registry
import Workflow

/// Budget pools (issue 11, item 4): the city officer sets and revises them; officers read them
/// with their money and ranking — a district officer its district's pools and the city's.
extension APIHandler {
    var budget: BudgetStore { BudgetStore(db: services.database()) }

    /// The district a district officer is bound to (nil for the city's roles).
    func ownDistrict() throws -> String?? {
        guard try access().principal.role == .districtOfficer else { return .some(nil) }
        guard case .district(let id) = try visibility().scope else { return .none }
        return .some(id)
    }

    /// The pool, if the caller may see it (404 as for a pool that does not exist otherwise).
    func visiblePool(_ text: String) async throws -> BudgetPool {
        let id = try uuid(text)
        let pool = try await budget.pool(id)
        switch try ownDistrict() {
        case .none: throw BudgetStoreErrors.notFound(id)
        case .some(let own?) where pool.district != nil && pool.district != own: throw BudgetStoreErrors.notFound(id)
        default: return pool
        }
    }

    func poolAnswer(_ pool: BudgetPool) async throws -> Components.Schemas.BudgetPool {
        let f = try await budget.figures(pool)
        return .init(id: pool.id.uuidString.lowercased(), instrument: pool.instrument, year: pool.year, district: pool.district,
                     version: pool.current.version, budget: pool.budget.decimalString, method: .init(pool.method),
                     note: pool.current.note, committed: f.committed.decimalString, paid: f.paid.decimalString,
                     room: f.room.decimalString, uncommitted: f.uncommitted.decimalString,
                     versions: pool.versions.map { v in
                         .init(version: v.version, budget: Money(fen: v.budgetFen).decimalString,
                               method: .init(RationingMethod(rawValue: v.method) ?? .priority), note: v.note, savedBy: v.savedBy, savedAt: v.savedAt)
                     })
    }

    /// The years a pool or a quota may be asked for (the contract's bounds, which the generated
    /// server does not check itself).
    static let budgetYears = 2024...2100

    func budgetYear(_ year: Int?) throws -> Int? {
        guard let year else { return nil }
        guard Self.budgetYears.contains(year) else {
            throw BadRequest("year 应在 2024 至 2100 之间", "year must be from 2024 to 2100", path: "year")
        }
        return year
    }

    func listBudgetPools(_ input: Operations.ListBudgetPools.Input) async throws -> Operations.ListBudgetPools.Output {
        let year = try budgetYear(input.query.year)
        guard case .some(let own) = try ownDistrict() else { return .ok(.init(body: .json([]))) }
        var out: [Components.Schemas.BudgetPool] = []
        for pool in try await budget.pools(year: year, instrument: input.query.instrument)
        where own == nil || pool.district == nil || pool.district == own {
            out.append(try await poolAnswer(pool))
        }
        return .ok(.init(body: .json(out)))
    }

    func createBudgetPool(_ input: Operations.CreateBudgetPool.Input) async throws -> Operations.CreateBudgetPool.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        if !library.cityInstruments.contains(where: { $0.id == body.instrument }) {
            issues.append(ValidationIssue(path: "$.instrument", zh: "政策库中没有本市政策“\(body.instrument)”", en: "the library has no city instrument '\(body.instrument)'"))
        }
        if !Self.budgetYears.contains(body.year) {
            issues.append(ValidationIssue(path: "$.year", zh: "年度应在 2024 至 2100 之间", en: "the year must be from 2024 to 2100"))
        }
        var district: String?
        if let name = body.district {
            district = vocabulary.district(named: name)?.id
            if district == nil { issues.append(ValidationIssue(path: "$.district", zh: "未知的区：\(name)", en: "unknown district: \(name)")) }
        }
        let amount = Money(yuanText: body.budget)
        if amount == nil { issues.append(ValidationIssue(path: "$.budget", zh: "金额格式不正确", en: "not an amount in yuan")) }
        check(body.note, .note, at: "$.note", into: &issues)
        try refuse(issues)
        let setting = BudgetStore.Setting(instrument: body.instrument, year: body.year, district: district, budget: amount!,
                                          method: RationingMethod(body.method), note: body.note)
        let pool = try await budget.create(setting, by: currentActor())
        return .created(.init(body: .json(try await poolAnswer(pool))))
    }

    func getBudgetPool(_ input: Operations.GetBudgetPool.Input) async throws -> Operations.GetBudgetPool.Output {
        .ok(.init(body: .json(try await poolAnswer(try await visiblePool(input.path.id)))))
    }

    func reviseBudgetPool(_ input: Operations.ReviseBudgetPool.Input) async throws -> Operations.ReviseBudgetPool.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let id = try uuid(input.path.id)
        var issues: [ValidationIssue] = []
        let amount = Money(yuanText: body.budget)
        if amount == nil { issues.append(ValidationIssue(path: "$.budget", zh: "金额格式不正确", en: "not an amount in yuan")) }
        check(body.note, .note, at: "$.note", into: &issues)
        try refuse(issues)
        let pool = try await budget.revise(id, budget: amount!, method: RationingMethod(body.method), note: body.note, by: currentActor())
        return .created(.init(body: .json(try await poolAnswer(pool))))
    }

    func getBudgetPoolRanking(_ input: Operations.GetBudgetPoolRanking.Input) async throws -> Operations.GetBudgetPoolRanking.Output {
        let pool = try await visiblePool(input.path.id)
        let places = try await budget.ranking(pool, library: library, on: today)
        let requested = places.map(\.request.amount).sum()
        return .ok(.init(body: .json(.init(
            pool: pool.id.uuidString.lowercased(), budget: pool.budget.decimalString, method: .init(pool.method),
            requested: requested.decimalString, allotted: places.map(\.allotted).sum().decimalString, rationed: requested > pool.budget,
            places: places.map(Self.place)))))
    }

    static func place(_ p: PoolPlacement) -> Components.Schemas.PoolPlace {
        var reason: Components.Schemas.PoolPlace.ReasonPayload
        var share: String?, extra: Bool?
        switch p.reason {
        case .poolSuffices: reason = .poolSuffices
        case .priority(let above, _): reason = above ? .priorityAboveThreshold : .priorityBelowThreshold
        case .proRata(_, _, let s, let e): reason = .proRata; share = s.decimalString; extra = e
        }
        return .init(place: p.place, applicationId: p.request.id, requested: p.request.amount.decimalString, allotted: p.allotted.decimalString,
                     investment: p.request.investment.decimalString, appliedOn: p.request.appliedOn.iso, reason: reason,
                     share: share, remainderFen: extra, explanation: .init(zh: p.explanation.zh, en: p.explanation.en))
    }

    func listQuotas(_ input: Operations.ListQuotas.Input) async throws -> Operations.ListQuotas.Output {
        let year = try budgetYear(input.query.year) ?? today.year
        let status = try await QuotaCounts.status(services.workflow.quotas, year: year, on: services.database())
        return .ok(.init(body: .json(status.map { s in
            .init(id: s.quota.id, name: .init(zh: s.quota.name.zh, en: s.quota.name.en), instrument: s.quota.instrument, category: s.quota.category,
                  year: s.year, perYear: s.quota.perYear, used: s.used, left: s.left,
                  source: s.quota.source.map { .init(zh: $0.zh, en: $0.en) })
        })))
    }
}

extension Components.Schemas.RationingMethod {
    init(_ m: RationingMethod) { self = m == .priority ? .priority : .proRata }
}

extension RationingMethod {
    init(_ m: Components.Schemas.RationingMethod) { self = m == .priority ? .priority : .proRata }
}

/// The store's "no such pool", for a pool outside the caller's district.
enum BudgetStoreErrors {
    static func notFound(_ id: UUID) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到预算资金池 \(id.uuidString.lowercased())", en: "no budget pool \(id.uuidString.lowercased())"))
    }
}
