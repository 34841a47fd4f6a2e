import Policy

/// The catalogue's process as policy data (`workflow/catalogue.yaml`): how many expert opinions,
/// the committee's quorum and majority, the listing's periods, the mark's prefix and the
/// categories a product may be submitted under.
public struct CatalogueRules: Sendable, Hashable {
    public var clause: String
    public var categories: [Category]
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
                firstOnMarketWithinYears: Int = 3, markPrefix: String = "SHCX", categories: [Category] = Category.defaults) {
        self.clause = clause
        self.categories = categories
        self.minExpertOpinions = minExpertOpinions
        self.quorumVotes = quorumVotes
        self.quorumShare = quorumShare
        self.majority = majority
        self.validityYears = validityYears
        self.renewalYears = renewalYears
        self.firstOnMarketWithinYears = firstOnMarketWithinYears
        self.markPrefix = markPrefix
    }

    /// A category of submission (申报类别), with its name in both languages.
    public struct Category: Sendable, Hashable {
        public var id: String
        public var name: LocalizedText
        public init(id: String, name: LocalizedText) {
            self.id = id
            self.name = name
        }

        /// Those of `workflow/catalogue.yaml`, for a library built in code (tests).
        public static let defaults: [Category] = [
            Category(id: "equipment", name: LocalizedText(zh: "装备", en: "Equipment")),
            Category(id: "software", name: LocalizedText(zh: "软件", en: "Software")),
            Category(id: "material", name: LocalizedText(zh: "材料", en: "Materials")),
            Category(id: "instrument", name: LocalizedText(zh: "仪器", en: "Instruments")),
            Category(id: "medical", name: LocalizedText(zh: "医疗器械", en: "Medical devices")),
        ]
    }

    public func category(_ id: String) -> Category? { categories.first { $0.id == id } }

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
