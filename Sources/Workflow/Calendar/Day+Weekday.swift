import Policy

extension Day {
    /// Monday is 1, Sunday 7 (ISO 8601). 1970-01-01 was a Thursday.
    public var isoWeekday: Int {
        let r = (daysSince1970 + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The day `n` calendar days later (earlier when negative).
    public func adding(days n: Int) -> Day {
        // Days hold 1900–2200; the workflow's periods are weeks, never centuries.
        Day(daysSince1970: daysSince1970 + n)!
    }

    /// Calendar days from `self` to `other` (negative when `other` is earlier).
    public func days(to other: Day) -> Int { other.daysSince1970 - daysSince1970 }
}
