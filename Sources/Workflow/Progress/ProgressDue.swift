import Policy

/// When a quarter's progress report falls due, and whether it is overdue: pure rules over the
/// working-day calendar.
public enum ProgressDue {
    /// The due day: `workingDays` working days after the quarter's last day. Throws when the
    /// calendar does not cover the days counted (a holiday file is missing).
    public static func dueDay(_ quarter: Quarter, workingDays: Int, calendar: WorkingCalendar) throws(CalendarError) -> Day {
        try calendar.adding(workingDays: workingDays, to: quarter.lastDay)
    }

    /// A report's standing for a quarter on `today`.
    public enum Standing: String, Sendable, Equatable {
        /// Not due yet and not reported.
        case pending
        /// Reported by the due day.
        case reported
        /// Reported, but first after the due day.
        case late
        /// Due day passed, no report.
        case overdue
    }

    /// `firstReported`: the day the quarter's first version was filed (nil: none).
    public static func standing(due: Day, firstReported: Day?, today: Day) -> Standing {
        if let r = firstReported { return r > due ? .late : .reported }
        return today > due ? .overdue : .pending
    }
}
