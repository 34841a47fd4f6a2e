import Foundation
import Policy

/// The catalogue's figure for the dashboard (T6), quarter by quarter: the products with a
/// listing in force on each quarter's last day, from the plan's issue (or the first publication,
/// if earlier) to now. A product renewed counts once. Pure: the listings are given.
public enum CatalogueLevels {
    /// - Parameter district: a district's view: the products of its enterprises only
    ///   (`districtOf` gives an enterprise's district by credit code); nil for the city.
    public static func levels(_ entries: [CatalogueEntry], district: String?, districtOf: [String: String],
                              from: Quarter, now: Quarter) -> [Quarter: Decimal] {
        let counted = entries.filter { e in district == nil || e.enterpriseCode.flatMap { districtOf[$0] } == district }
        // From the catalogue's first publication (a district without products counts 0, as a list does).
        guard let first = entries.map(\.publishedOn).min() else { return [:] }
        let start = min(from, Quarter(day: first))
        guard start <= now else { return [:] }
        var out: [Quarter: Decimal] = [:]
        for o in start.ordinal...now.ordinal {
            let q = Quarter(ordinal: o)
            let day = q.lastDay
            // Published by the day, and in its window on it.
            out[q] = Decimal(Set(counted.filter { $0.publishedOn <= day && $0.isListed(on: day) }.map(\.productId)).count)
        }
        return out
    }
}
