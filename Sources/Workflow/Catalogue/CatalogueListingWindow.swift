import Policy

/// The windows of a listing (pure date arithmetic over policy data): published today for the
/// validity period; renewed for another period after the current one (or from today when the
/// listing has already ended); first on the market within the policy's years before publication.
public enum CatalogueListingWindow {
    /// `years` after `from`, less a day: a listing from 2025-03-01 for 3 years ends 2028-02-29.
    public static func lastDay(from: Day, years: Int) -> Day {
        let y = from.year + years
        let anniversary = Day(year: y, month: from.month, day: from.day) ?? Day(year: y, month: from.month, day: 28)!
        return anniversary.adding(days: -1)
    }

    public static func first(publishedOn day: Day, rules: CatalogueRules) -> (from: Day, until: Day) {
        (day, lastDay(from: day, years: rules.validityYears))
    }

    /// The next window after a listing ending on `lastDay`, renewed on `day`.
    public static func renewal(after lastDay: Day, on day: Day, rules: CatalogueRules) -> (from: Day, until: Day) {
        let from = lastDay < day ? day : lastDay.adding(days: 1)
        return (from, Self.lastDay(from: from, years: rules.renewalYears))
    }

    /// Whether the catalogue counts the product as on the market for the first time.
    public static func firstOnMarket(since date: Day?, publishedOn day: Day, rules: CatalogueRules) -> Bool {
        guard let date, date <= day else { return date == nil ? false : true }
        let earliest = Day(year: day.year - rules.firstOnMarketWithinYears, month: day.month, day: min(day.day, 28)) ?? day
        return date >= earliest
    }
}
