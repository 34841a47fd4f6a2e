import Foundation
import Policy

/// A list's figure for the dashboard, quarter by quarter: the entries of the latest edition
/// published by each quarter's last day (for a measure due each year, those of the quarter's
/// year only), from the plan's issue to now. Pure: the editions' counts are given.
public enum ListLevels {
    /// One edition's entries, counted by district and year.
    public struct Edition: Sendable {
        public var published: Day
        /// `(district, year) → entries`; nil district or year where the entry has none.
        public var counts: [Key: Int]
        public struct Key: Sendable, Hashable {
            public var district: String?
            public var year: Int?
            public init(district: String?, year: Int?) {
                self.district = district
                self.year = year
            }
        }
        public init(published: Day, counts: [Key: Int]) {
            self.published = published
            self.counts = counts
        }
    }

    /// - Parameter district: a district's view (its entries only), or nil for the city.
    public static func levels(editions: [Edition], perYear: Bool, district: String?, from: Quarter, now: Quarter) -> [Quarter: Decimal] {
        let ordered = editions.sorted { $0.published < $1.published }
        guard let first = ordered.first, from <= now || Quarter(day: first.published) <= now else { return [:] }
        let start = min(from, Quarter(day: first.published))
        var out: [Quarter: Decimal] = [:]
        for o in start.ordinal...now.ordinal {
            let q = Quarter(ordinal: o)
            guard let edition = ordered.last(where: { $0.published <= q.lastDay }) else { continue }
            var n = 0
            for (key, count) in edition.counts {
                if let district, key.district != district { continue }
                if perYear, key.year != q.year { continue }
                n += count
            }
            out[q] = Decimal(n)
        }
        return out
    }
}
