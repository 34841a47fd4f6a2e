/// A condition's check against the catalogue, declared in the instrument's YAML:
///
///     catalogue: {product: loan, needs: [listed, first_on_market]}
///
/// With a catalogue snapshot the condition holds when the unit names a product that the
/// catalogue lists on the unit's date with what `needs` asks; without one the condition's own
/// test (the project's declaration) stands, exactly as before the catalogue existed.
public struct CatalogueCheck: Sendable, Hashable {
    /// Where the product id is read.
    public enum ProductSource: String, Sendable, CaseIterable {
        /// The loan's `catalogueProductId` (unit: loan).
        case loan
        /// The lease's `catalogueProductId` (unit: lease).
        case lease
        /// The market contract's `productId` (十七's 17c; unit: project).
        case marketContract = "contract.market"
    }

    public enum Need: String, Sendable, CaseIterable {
        /// In the catalogue on the day.
        case listed
        /// And counted by the catalogue as on the market for the first time.
        case firstOnMarket = "first_on_market"
        /// And judged especially innovative.
        case especiallyInnovative = "especially_innovative"
    }

    public var product: ProductSource
    public var needs: Set<Need>

    public init(product: ProductSource, needs: Set<Need>) {
        self.product = product
        self.needs = needs.union([.listed])
    }
}

/// The catalogue entry a condition relied on, cited in the plan (id, edition, window).
public struct CatalogueCitation: Sendable, Codable, Equatable {
    public var productId: String
    public var name: String
    public var edition: Int
    public var publishedOn: Day
    public var validFrom: Day
    public var validUntil: Day
    public var endedOn: Day?
    public var markCode: String?
    /// The day the catalogue was consulted for.
    public var checkedOn: Day

    public init(_ e: CatalogueEntry, checkedOn: Day) {
        productId = e.productId
        name = e.name
        edition = e.edition
        publishedOn = e.publishedOn
        validFrom = e.validFrom
        validUntil = e.validUntil
        endedOn = e.endedOn
        markCode = e.markCode
        self.checkedOn = checkedOn
    }
}
