/// What the ledger asks the engine before a payment: which instrument, on what confirmed base,
/// and what the ledger has already paid. The ledger's sums are inputs here, so that every rule of
/// the payment — ratio, window of years, cap, the decision's award — is the engine's and none is
/// the store's.
public struct PaymentQuestion: Sendable, Equatable {
    /// What the payment is computed on.
    public enum Basis: Sendable, Equatable {
        /// A year of a loan's interest subsidy (7a, 17a): the interest the bank confirmed for
        /// each year of that loan, up to and including `year` (earlier years decide the window).
        case interest(loanId: String, year: Int, confirmed: [YearAmount])
        /// A lease's subsidy (7b, 17b) on the equipment investment the lessor confirmed.
        case lease(leaseId: String, confirmedInvestment: Money)
        /// A grant, on the project as approved.
        case grant
    }

    public var instrument: String
    public var basis: Basis
    /// The ledger's net amount paid to the project under this instrument: payments less
    /// clawbacks and reversals. The cap's room is the cap less this.
    public var paidUnderCap: Money
    /// Already paid for this very contract and year (or lease, or grant): nothing is paid twice.
    public var paidForUnit: Money
    /// The amount the decision granted for the instrument (nil: support without an application).
    public var award: Money?
    /// What the ledger has paid of that award.
    public var paidUnderAward: Money
    /// What is left of the budget pool the payment is charged to (nil: no pool applies).
    public var poolRoom: Money?

    public init(instrument: String, basis: Basis, paidUnderCap: Money, paidForUnit: Money,
                award: Money? = nil, paidUnderAward: Money = .zero, poolRoom: Money? = nil) {
        self.instrument = instrument
        self.basis = basis
        self.paidUnderCap = paidUnderCap
        self.paidForUnit = paidForUnit
        self.award = award
        self.paidUnderAward = paidUnderAward
        self.poolRoom = poolRoom
    }

    /// The contract the payment is for (nil for a grant).
    public var contractId: String? {
        switch basis {
        case .interest(let id, _, _), .lease(let id, _): return id
        case .grant: return nil
        }
    }

    /// The subsidy year (interest only).
    public var year: Int? {
        if case .interest(_, let year, _) = basis { return year }
        return nil
    }
}
