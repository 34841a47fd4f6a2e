import FluentKit
import Policy

/// The part of the ledger an account reaches: the records of its scope (its enterprise, its
/// district, all), or a bank's or lessor's own contracts.
public enum LedgerScope: Sendable, Hashable {
    case records(RecordScope)
    case institution(String)

    func admits(enterpriseCode: String, district: String, institution: String?) -> Bool {
        switch self {
        case .records(let scope): return scope.admits(creditCode: enterpriseCode, district: district)
        case .institution(let name): return institution == name
        }
    }

    func apply(_ q: QueryBuilder<LedgerEntryModel>) {
        switch self {
        case .records(.everything): break
        case .records(.enterprise(let code)): q.filter(\.$enterpriseCode == code)
        case .records(.district(let d)): q.filter(\.$district == d)
        case .records(.nothing): q.filter(\.$enterpriseCode == "").filter(\.$enterpriseCode != "")
        case .institution(let name): q.filter(\.$institution == name)
        }
    }

    func apply(_ q: QueryBuilder<PaymentProposalModel>) {
        switch self {
        case .records(.everything): break
        case .records(.enterprise(let code)): q.filter(\.$enterpriseCode == code)
        case .records(.district(let d)): q.filter(\.$district == d)
        case .records(.nothing): q.filter(\.$enterpriseCode == "").filter(\.$enterpriseCode != "")
        case .institution(let name): q.filter(\.$institution == name)
        }
    }
}
