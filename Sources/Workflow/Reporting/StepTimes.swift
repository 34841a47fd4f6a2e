import Foundation
import Policy

/// Review steps aggregated per department over many cases: how many, how long, how many late.
public enum StepTimes {
    public struct Summary: Sendable, Hashable {
        public var department: String
        public var steps: Int
        public var completed: Int
        /// Steps done after their due day, or still open past it on `until`.
        public var overTarget: Int
        /// Time taken by the completed steps, and by the open ones so far.
        public var total: TimeSpan
        /// Mean working days per step (completed and open so far), exact to two decimals.
        public var meanWorkingDays: Decimal
    }

    public static func summaries(of clocks: [ServiceLevelClock], until: Day,
                                 calendar: WorkingCalendar) throws(CalendarError) -> [Summary] {
        var order: [String] = []
        var byDepartment: [String: Summary] = [:]
        for clock in clocks {
            if byDepartment[clock.department] == nil {
                order.append(clock.department)
                byDepartment[clock.department] = Summary(department: clock.department, steps: 0, completed: 0,
                                                         overTarget: 0, total: .zero, meanWorkingDays: 0)
            }
            let end = max(clock.completed ?? until, clock.started)
            let span = TimeSpan(calendarDays: clock.started.days(to: end),
                                workingDays: try calendar.workingDays(from: clock.started, to: end))
            let due = try clock.due(in: calendar)
            var s = byDepartment[clock.department]!
            s.steps += 1
            if clock.completed != nil { s.completed += 1 }
            if end > due { s.overTarget += 1 }
            s.total = s.total + span
            byDepartment[clock.department] = s
        }
        return order.map { code in
            var s = byDepartment[code]!
            var mean = Decimal(s.total.workingDays) / Decimal(s.steps)
            var rounded = Decimal()
            NSDecimalRound(&rounded, &mean, 2, .plain)
            s.meanWorkingDays = rounded
            return s
        }
    }
}
