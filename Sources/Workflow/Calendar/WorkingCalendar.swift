import Policy

/// Working days (工作日) in China: Monday to Friday, less public holidays, plus make-up working
/// days on weekends, for the years that have a holiday file. Any question touching another year
/// throws `CalendarError`.
///
/// Counting convention, as service-level periods are counted: a period of N working days that
/// starts on day S ends on the N-th working day after S (S itself is not counted, 次日起算).
public struct WorkingCalendar: Sendable {
    public private(set) var years: [Int: HolidayYear]
    private var holidays: Set<Day>
    private var makeUps: Set<Day>

    public init(years: [HolidayYear]) {
        var byYear: [Int: HolidayYear] = [:]
        for y in years { byYear[y.year] = y }
        self.years = byYear
        self.holidays = Set(years.flatMap(\.holidayDays))
        self.makeUps = Set(years.flatMap(\.makeUpWorkingDays))
    }

    public var coveredYears: [Int] { years.keys.sorted() }

    public func covers(_ day: Day) -> Bool { years[day.year] != nil }

    public func isWorkingDay(_ day: Day) throws(CalendarError) -> Bool {
        guard covers(day) else { throw CalendarError(year: day.year, covered: coveredYears) }
        if makeUps.contains(day) { return true }
        if holidays.contains(day) { return false }
        return !day.isWeekend
    }

    /// The holiday a day belongs to, if any.
    public func holiday(on day: Day) -> HolidayYear.Holiday? {
        years[day.year]?.holidays.first { $0.from <= day && day <= $0.to }
    }

    /// The `n`-th working day after `day` (n ≥ 0; n = 0 gives `day` itself).
    public func adding(workingDays n: Int, to day: Day) throws(CalendarError) -> Day {
        var current = day
        var left = n
        while left > 0 {
            current = current.adding(days: 1)
            if try isWorkingDay(current) { left -= 1 }
        }
        return current
    }

    /// Working days after `from` up to and including `to`; negative (the count from `to` to
    /// `from`) when `to` is earlier. Equal days give 0.
    public func workingDays(from: Day, to: Day) throws(CalendarError) -> Int {
        if to < from { return -(try workingDays(from: to, to: from)) }
        var count = 0
        var current = from
        while current < to {
            current = current.adding(days: 1)
            if try isWorkingDay(current) { count += 1 }
        }
        return count
    }

    /// The day itself if it is a working day, else the next working day: where a period counted
    /// in calendar days ends on a holiday or weekend, it ends on the next working day instead.
    public func onOrNextWorkingDay(_ day: Day) throws(CalendarError) -> Day {
        var current = day
        while !(try isWorkingDay(current)) { current = current.adding(days: 1) }
        return current
    }
}
