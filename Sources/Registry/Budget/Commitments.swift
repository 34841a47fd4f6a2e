import FluentKit
import Foundation
import Policy

/// What approved decisions have committed and the ledger has not yet paid: per case and
/// instrument, the granted amount (`grants_json`) less what the ledger paid that case under it,
/// never below zero; counted in the year of the decision and the case's district.
enum Commitments {
    struct Grant: Sendable {
        var application: UUID
        var district: String
        var decidedOn: String
        var granted: [String: Money]
        var year: Int { Int(decidedOn.prefix(4)) ?? 0 }
    }

    static func approvedGrants(on db: any Database) async throws -> [Grant] {
        let decisions = try await ApplicationDecisionModel.query(on: db).filter(\.$outcome == "approved")
            .with(\.$application).all()
        return decisions.map { d in
            Grant(application: d.$application.id, district: d.application.district, decidedOn: d.decidedOn, granted: grants(d.grantsJSON))
        }
    }

    /// `[{"instrument":"7a","granted":"1234.00",…}]` → amounts by instrument.
    static func grants(_ json: String) -> [String: Money] {
        guard case .array(let lines)? = try? JSONParser.parse(json) else { return [:] }
        var out: [String: Money] = [:]
        for line in lines {
            guard case .string(let id)? = line["instrument"], case .string(let text)? = line["granted"],
                  let amount = Money(yuanText: text) else { continue }
            out[id] = amount
        }
        return out
    }

    /// Committed per instrument, year and district.
    static func committed(on db: any Database) async throws -> [MoneyKey: Money] {
        let paid = try await BudgetLedgerSums.paidByCase(on: db)
        var out: [MoneyKey: Money] = [:]
        for g in try await approvedGrants(on: db) {
            for (instrument, amount) in g.granted {
                let left = amount - (paid[g.application]?[instrument] ?? .zero)
                guard left > .zero else { continue }
                out[MoneyKey(instrument: instrument, year: g.year, district: g.district), default: .zero] += left
            }
        }
        return out
    }
}
