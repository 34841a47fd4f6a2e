import FluentKit
import Foundation
import Policy
import Workflow

/// A quota in a year: how many approvals it counted, how many are left.
public struct QuotaStatus: Sendable {
    public var quota: Quota
    public var year: Int
    public var used: Int
    /// Never below zero; approvals past the quota (with a stated reason) show in `used`.
    public var left: Int { max(0, quota.perYear - used) }
}

/// Counts the quotas of the library from the approved decisions of a year, and refuses an
/// approval past one unless the city officer states why (kept in the decision and the audit).
public enum QuotaCounts {
    public static func status(_ quotas: [Quota], year: Int, on db: any Database) async throws -> [QuotaStatus] {
        let approvals = try await approved(year: year, on: db)
        return quotas.map { q in
            QuotaStatus(quota: q, year: year, used: approvals.filter { q.counts(granted: $0.granted, categories: $0.categories) }.count)
        }
    }

    struct Approval { var granted: [String: Money]; var categories: Set<String> }

    static func approved(year: Int, on db: any Database) async throws -> [Approval] {
        let decisions = try await ApplicationDecisionModel.query(on: db).filter(\.$outcome == "approved")
            .filter(\.$decidedOn >= "\(year)-01-01").filter(\.$decidedOn <= "\(year)-12-31").with(\.$application).all()
        return decisions.map { Approval(granted: Commitments.grants($0.grantsJSON), categories: categories($0.application.projectJSON)) }
    }

    static func categories(_ projectJSON: String) -> Set<String> {
        guard case .array(let items)? = try? JSONParser.parse(projectJSON)["categories"] else { return [] }
        return Set(items.compactMap { if case .string(let s) = $0 { return s } else { return nil } })
    }

    /// Called in the decision's transaction, before it is written: the quotas this approval
    /// would pass. Each is refused with 409 naming it, unless `override` gives a reason; then
    /// the quotas passed are answered, to be kept with the reason. Each quota's year is locked
    /// first, so two approvals at once cannot both take its last place.
    static func check(_ quotas: [Quota], granted: [String: Money], categories: Set<String>, year: Int,
                      override: String?, on db: any Database) async throws -> [Quota] {
        let concerned = quotas.filter { $0.counts(granted: granted, categories: categories) }
        guard !concerned.isEmpty else { return [] }
        for q in concerned.sorted(by: { $0.id < $1.id }) { try await BudgetLock.take(BudgetLock.quota(q.id, year: year), on: db) }
        let passed = try await status(concerned, year: year, on: db).filter { $0.used >= $0.quota.perYear }
        guard !passed.isEmpty else { return [] }
        if let override, !override.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return passed.map(\.quota) }
        let names = passed.map { "\($0.quota.id)" }.joined(separator: ", ")
        let zh = passed.map { "\($0.quota.name.zh)（\($0.year)年配额 \($0.quota.perYear)，已核准 \($0.used)）" }.joined(separator: "、")
        let en = passed.map { "\($0.quota.name.en) (\($0.year) quota \($0.quota.perYear), \($0.used) approved)" }.joined(separator: "; ")
        throw RegistryError.conflict(LocalizedText(
            zh: "超出年度配额 \(names)：\(zh)；如确需核准，请在 quotaOverride 中说明理由",
            en: "past the yearly quota \(names): \(en); to approve all the same, state the reason in quotaOverride"))
    }
}
