/// What the batch engine found for one project, in reusable buffers: a sink reads it during
/// `record` and must copy out what it keeps (the buffers are overwritten by the next project).
/// Per-instrument figures are fixed-size inline arrays (at most `capacity` instruments), so
/// writing them costs no reference counting.
public struct ProjectOutcome {
    public static let capacity = 32
    public typealias PerInstrument<T> = InlineArray<32, T>

    public enum Status: UInt8, Sendable {
        case notMatched = 0, matched, amountUnstated, notInForce
    }

    /// The project's index in the population.
    public internal(set) var project = 0
    /// Instrument ids, city first then national (positions of the arrays below).
    public internal(set) var instrumentIds: [String] = []
    public internal(set) var cityCount = 0
    public internal(set) var status = PerInstrument<Status>(repeating: .notMatched)
    /// Standalone amount (fen): the instrument on its own, all its eligible contracts.
    public internal(set) var amount = PerInstrument<Int64>(repeating: 0)
    /// -1: no priority condition; 0: no priority; 1: priority.
    public internal(set) var priority = PerInstrument<Int8>(repeating: -1)
    public internal(set) var provisional = PerInstrument<Bool>(repeating: false)
    /// Amount in the recommended combination (fen), 0 when not in it.
    public internal(set) var recommended = PerInstrument<Int64>(repeating: 0)
    public internal(set) var inCombination = PerInstrument<Bool>(repeating: false)
    /// Position of the recommended grant, or -1.
    public internal(set) var grant = -1
    public internal(set) var total: Int64 = 0
    public internal(set) var exhaustive = true
    /// For each of the project's loans (then leases): the city instrument position it is
    /// assigned to, or -1.
    public internal(set) var loanChoice: [Int] = []
    public internal(set) var leaseChoice: [Int] = []
    /// Payments of the recommended combination by calendar year: parallel arrays.
    public internal(set) var paymentInstrument: [Int] = []
    public internal(set) var paymentYear: [Int] = []
    public internal(set) var paymentAmount: [Int64] = []
    /// The calendar year of the policy applied (the application year).
    public internal(set) var year = 0
}

/// Receives each project's outcome from one worker of the batch engine.
public protocol BatchSink {
    mutating func record(_ outcome: borrowing ProjectOutcome)
}
