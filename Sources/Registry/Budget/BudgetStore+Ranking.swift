import FluentKit
import Foundation
import Policy
import Workflow

extension BudgetStore {
    /// The requests on a pool: the cases applying for its instrument, submitted in its year (in
    /// its district, for a district's pool; outside the districts with their own pool, for the
    /// city's), not rejected, withdrawn or lapsed — each with its granted amount once approved,
    /// the engine's amount at submission before.
    public func requests(on pool: BudgetPool) async throws -> [PoolRequest] {
        let others = pool.district == nil ? try await pools(year: pool.year, instrument: pool.instrument).compactMap(\.district) : []
        let excluded = [ApplicationState.draft, .rejected, .withdrawn, .lapsed].map(\.rawValue)
        var q = ApplicationModel.query(on: db)
            .filter(\.$instruments ~~ ",\(pool.instrument),")
            .filter(\.$submittedOn >= "\(pool.year)-01-01").filter(\.$submittedOn <= "\(pool.year)-12-31")
            .filter(\.$state !~ excluded)
        if let d = pool.district { q = q.filter(\.$district == d) }
        let cases = try await q.all().filter { !others.contains($0.district) }
        let decisions = try await ApplicationDecisionModel.query(on: db).filter(\.$outcome == "approved")
            .filter(\.$application.$id ~~ cases.compactMap(\.id)).all()
        var granted: [UUID: Money] = [:]
        for d in decisions { granted[d.$application.id] = Commitments.grants(d.grantsJSON)[pool.instrument] }
        return cases.compactMap { c in
            guard let id = c.id, let submitted = c.submittedOn.flatMap(Day.init(iso:)) else { return nil }
            let amount = granted[id] ?? Self.requested(c.requestedJSON)[pool.instrument] ?? .zero
            return PoolRequest(id: id.uuidString.lowercased(), amount: amount, investment: Self.declaredInvestment(c.projectJSON), appliedOn: submitted)
        }
    }

    /// `{"7a":"1234.00",…}`: the engine's amounts at submission, by instrument.
    static func requested(_ json: String) -> [String: Money] {
        guard case .object(let members)? = try? JSONParser.parse(json) else { return [:] }
        var out: [String: Money] = [:]
        for m in members { if case .string(let v) = m.value, let amount = Money(yuanText: v) { out[m.key] = amount } }
        return out
    }

    /// The project's declared investment, as submitted (zero when it gives none).
    static func declaredInvestment(_ projectJSON: String) -> Money {
        guard let value = try? JSONParser.parse(projectJSON)["investment"]?["declared"] else { return .zero }
        switch value {
        case .string(let s), .number(let s): return Money(yuanText: s) ?? .zero
        default: return .zero
        }
    }

    /// The pool's ranking under its method, the (七) threshold taken from the library on `day`.
    public func ranking(_ pool: BudgetPool, library: PolicyLibrary, on day: Day) async throws -> [PoolPlacement] {
        guard case .money(let threshold)? = library.parameters["clause7.investment_threshold"]?.value(on: day) else {
            throw RegistryError.conflict(LocalizedText(zh: "政策库没有第（七）条投资门槛 clause7.investment_threshold",
                                                       en: "the library has no investment threshold of (七), clause7.investment_threshold"))
        }
        return Rationing.ration(try await requests(on: pool), pool: pool.budget, method: pool.method, threshold: threshold)
    }
}
