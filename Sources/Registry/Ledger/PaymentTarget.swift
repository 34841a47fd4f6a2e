import Policy

/// What a payment is asked for: a year of a loan's interest, a lease, or a grant.
public enum PaymentTarget: Sendable, Equatable {
    case interest(loanId: String, year: Int)
    case lease(leaseId: String)
    case grant

    var basisName: String {
        switch self {
        case .interest: return "interest"
        case .lease: return "lease"
        case .grant: return "grant"
        }
    }

    var contractId: String? {
        switch self {
        case .interest(let id, _), .lease(let id): return id
        case .grant: return nil
        }
    }

    var year: Int? {
        if case .interest(_, let year) = self { return year }
        return nil
    }

    /// The entry a payment of this target writes.
    var entryKind: LedgerEntryKind {
        switch self {
        case .interest: return .interest
        case .lease: return .lease
        case .grant: return .grant
        }
    }

    /// The target a stored proposal was made for.
    init?(basis: String, contract: String?, year: Int?) {
        switch (basis, contract, year) {
        case ("interest", let c?, let y?): self = .interest(loanId: c, year: y)
        case ("lease", let c?, _): self = .lease(leaseId: c)
        case ("grant", _, _): self = .grant
        default: return nil
        }
    }
}
