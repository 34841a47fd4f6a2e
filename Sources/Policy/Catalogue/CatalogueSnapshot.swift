/// The catalogue as the engine sees it: a value handed in (from a file given to `renewal match
/// --catalogue`, or read from the store by the server), never a query. The engine knows no SQL.
public struct CatalogueSnapshot: Sendable, Equatable {
    /// Every listing of each product, oldest first.
    public let listings: [String: [CatalogueEntry]]

    public init(entries: [CatalogueEntry]) {
        var byProduct: [String: [CatalogueEntry]] = [:]
        for e in entries { byProduct[e.productId, default: []].append(e) }
        listings = byProduct.mapValues { $0.sorted { ($0.validFrom, $0.edition) < ($1.validFrom, $1.edition) } }
    }

    public var count: Int { listings.values.reduce(0) { $0 + $1.count } }

    /// What the catalogue says of a product on a day.
    public enum Lookup: Sendable, Equatable {
        /// Listed on the day, by this entry.
        case listed(CatalogueEntry)
        /// Listed before the day, no longer: the latest listing, ended.
        case expired(CatalogueEntry)
        /// Listed only after the day: the first listing.
        case notYet(CatalogueEntry)
        /// Never listed.
        case unknown
    }

    public func lookup(_ productId: String, on day: Day) -> Lookup {
        guard let all = listings[productId], !all.isEmpty else { return .unknown }
        if let now = all.last(where: { $0.isListed(on: day) }) { return .listed(now) }
        if let past = all.last(where: { $0.lastDay < day }) { return .expired(past) }
        return .notYet(all.first { $0.validFrom > day } ?? all[0])
    }
}
