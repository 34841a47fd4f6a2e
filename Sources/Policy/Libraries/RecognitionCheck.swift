/// A condition's check against the recognitions of the list library (十六), declared in the
/// instrument's YAML:
///
///     recognition: {product: contract.innovative_product, kinds: [first-sets, first-versions, first-batches], valid_years: 3}
///
/// With a recognitions snapshot the condition holds when the contract names a key that an
/// edition of one of `kinds` lists, published by the contract's day and in force then; without
/// one the condition's own test (the declared category) stands.
public struct RecognitionCheck: Sendable, Hashable {
    public enum ProductSource: String, Sendable, CaseIterable {
        /// The innovative-product contract's `productId` (十六; unit: project).
        case innovativeProductContract = "contract.innovative_product"
    }

    public var product: ProductSource
    /// The kinds of list (`workflow/lists.yaml`) whose entries decide the condition.
    public var kinds: [String]
    /// Years a recognition stands, counting its own year (nil: it does not lapse).
    public var validYears: Int?

    public init(product: ProductSource, kinds: [String], validYears: Int?) {
        self.product = product
        self.kinds = kinds
        self.validYears = validYears
    }
}

/// The list entry a recognition condition relied on, cited in the plan: which list, which
/// edition, the day it was checked for.
public struct RecognitionCitation: Sendable, Codable, Equatable {
    public var key: String
    public var name: String
    public var kind: String
    public var year: Int
    public var edition: Int
    public var editionTitle: String
    public var publishedOn: Day
    public var checkedOn: Day

    public init(_ e: RecognitionEntry, checkedOn: Day) {
        key = e.key
        name = e.name
        kind = e.kind
        year = e.year
        edition = e.edition
        editionTitle = e.editionTitle
        publishedOn = e.publishedOn
        self.checkedOn = checkedOn
    }
}
