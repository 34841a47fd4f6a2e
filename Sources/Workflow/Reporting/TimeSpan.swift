/// A length of time in whole days, counted both ways: calendar days and working days.
public struct TimeSpan: Sendable, Hashable, Codable {
    public var calendarDays: Int
    public var workingDays: Int

    public init(calendarDays: Int = 0, workingDays: Int = 0) {
        self.calendarDays = calendarDays
        self.workingDays = workingDays
    }

    public static let zero = TimeSpan()

    public static func + (a: TimeSpan, b: TimeSpan) -> TimeSpan {
        TimeSpan(calendarDays: a.calendarDays + b.calendarDays, workingDays: a.workingDays + b.workingDays)
    }
}
