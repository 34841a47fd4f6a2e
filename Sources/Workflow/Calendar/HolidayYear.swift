import Policy

/// One year's public holidays and make-up working days (调休上班), as the State Council's notice
/// for that year announces them (`calendars/YYYY.yaml`).
public struct HolidayYear: Sendable, Hashable {
    public struct Holiday: Sendable, Hashable {
        public var name: LocalizedText
        public var from: Day
        public var to: Day

        public init(name: LocalizedText, from: Day, to: Day) {
            self.name = name
            self.from = from
            self.to = to
        }

        public var days: [Day] {
            guard from <= to else { return [] }
            return (0...from.days(to: to)).map { from.adding(days: $0) }
        }
    }

    public var year: Int
    public var source: LocalizedText
    public var published: Day?
    public var holidays: [Holiday]
    /// Weekend days that are working days.
    public var makeUpWorkingDays: Set<Day>

    public init(year: Int, source: LocalizedText, published: Day? = nil, holidays: [Holiday], makeUpWorkingDays: Set<Day>) {
        self.year = year
        self.source = source
        self.published = published
        self.holidays = holidays
        self.makeUpWorkingDays = makeUpWorkingDays
    }

    public var holidayDays: Set<Day> { Set(holidays.flatMap(\.days)) }
}
