import Policy

/// The catalogue's process as policy data (`workflow/catalogue.yaml`): how many expert opinions,
/// the committee's quorum and majority, the listing's periods and the mark's prefix.
public struct CatalogueRules: Sendable, Hashable {
    public var clause: String
    public var minExpertOpinions: Int
    public var quorumVotes: Int
    public var quorumShare: Fraction
    public var majority: Fraction
    public var validityYears: Int
    public var renewalYears: Int
    public var firstOnMarketWithinYears: Int
    public var markPrefix: String
    /// The dashboard measure the catalogue feeds (T6's `innovative-product-catalogue`): the
    /// products listed in force at each quarter's end, no longer reported by hand.
    public var countsMeasure: String? = nil

    public init(clause: String = "十七", minExpertOpinions: Int = 3, quorumVotes: Int = 3, quorumShare: Fraction = Fraction(2, 3),
                majority: Fraction = Fraction(2, 3), validityYears: Int = 3, renewalYears: Int = 3,
                firstOnMarketWithinYears: Int = 3, markPrefix: String = "SHCX") {
        self.clause = clause
        self.minExpertOpinions = minExpertOpinions
        self.quorumVotes = quorumVotes
        self.quorumShare = quorumShare
        self.majority = majority
        self.validityYears = validityYears
        self.renewalYears = renewalYears
        self.firstOnMarketWithinYears = firstOnMarketWithinYears
        self.markPrefix = markPrefix
    }

    /// An exact share, `2/3`: compared by cross-multiplying, never in floating point.
    public struct Fraction: Sendable, Hashable, CustomStringConvertible {
        public var numerator: Int
        public var denominator: Int
        public init(_ numerator: Int, _ denominator: Int) {
            self.numerator = numerator
            self.denominator = denominator
        }

        /// `"2/3"`, with 0 ≤ share ≤ 1 and a positive denominator.
        public init?(text: String) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]), d > 0, n >= 0, n <= d else { return nil }
            self.init(n, d)
        }

        /// Whether `part` is at least this share of `whole`.
        public func reached(_ part: Int, of whole: Int) -> Bool { part * denominator >= numerator * whole }
        public var description: String { "\(numerator)/\(denominator)" }
    }
}
