/// One listing of a product in the municipal innovative-product recommendation catalogue
/// (上海市创新产品推荐目录, 十七): the product, the edition it was published in and the window in
/// which it is listed. A product renewed for another period has one entry per period.
public struct CatalogueEntry: Sendable, Equatable, Codable {
    /// The catalogue's product id, the one a loan, lease or market contract names.
    public var productId: String
    public var name: String
    /// The enterprise that makes the product (unified social credit code), when known.
    public var enterpriseCode: String?
    public var category: String?
    /// The edition (publication) the listing belongs to: the committee's first publication is 1,
    /// each renewal adds one.
    public var edition: Int
    public var publishedOn: Day
    /// The listing's window, both days included.
    public var validFrom: Day
    public var validUntil: Day
    /// The date the product was first put on the market, and whether the catalogue counts it as
    /// "on the market for the first time" (首次投放市场, what 17a asks).
    public var firstOnMarketDate: Day?
    public var firstOnMarket: Bool
    /// Judged especially innovative (创新性特别强, what 17c asks) by the committee.
    public var especiallyInnovative: Bool
    /// The code of the visual innovative-product mark (可视化创新产品标志).
    public var markCode: String?
    /// A listing ended before its window closed (expired by the authority), from this day.
    public var endedOn: Day?

    public init(productId: String, name: String, enterpriseCode: String? = nil, category: String? = nil, edition: Int = 1,
                publishedOn: Day, validFrom: Day, validUntil: Day, firstOnMarketDate: Day? = nil, firstOnMarket: Bool,
                especiallyInnovative: Bool, markCode: String? = nil, endedOn: Day? = nil) {
        self.productId = productId
        self.name = name
        self.enterpriseCode = enterpriseCode
        self.category = category
        self.edition = edition
        self.publishedOn = publishedOn
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.firstOnMarketDate = firstOnMarketDate
        self.firstOnMarket = firstOnMarket
        self.especiallyInnovative = especiallyInnovative
        self.markCode = markCode
        self.endedOn = endedOn
    }

    /// The last day the listing stands: its window's end, or the day before an early end.
    public var lastDay: Day {
        guard let ended = endedOn, let before = Day(daysSince1970: ended.daysSince1970 - 1) else { return validUntil }
        return min(before, validUntil)
    }

    public func isListed(on day: Day) -> Bool { validFrom <= day && day <= lastDay }
}
