import Policy

/// The clock of one review step: started on a day, with a target in working days.
public struct ServiceLevelClock: Sendable, Hashable, Codable {
    public var department: String
    public var started: Day
    public var targetWorkingDays: Int
    /// The day the step's opinion was given, if it was.
    public var completed: Day?

    public init(department: String, started: Day, targetWorkingDays: Int, completed: Day? = nil) {
        self.department = department
        self.started = started
        self.targetWorkingDays = targetWorkingDays
        self.completed = completed
    }

    /// The clock of a department's step on a case, with the green channel's target when the
    /// project qualifies.
    public init(department: Department, started: Day, roster: ReviewRoster, greenChannel: Bool) {
        self.init(department: department.code, started: started,
                  targetWorkingDays: roster.targetWorkingDays(for: department, greenChannel: greenChannel))
    }

    /// The last day of the step: the target-th working day after the start.
    public func due(in calendar: WorkingCalendar) throws(CalendarError) -> Day {
        try calendar.adding(workingDays: targetWorkingDays, to: started)
    }

    /// Working days left on `day` until the due day (negative once past it).
    public func workingDaysLeft(on day: Day, in calendar: WorkingCalendar) throws(CalendarError) -> Int {
        try calendar.workingDays(from: day, to: due(in: calendar))
    }

    public func status(on day: Day, in calendar: WorkingCalendar, atRiskWorkingDaysLeft margin: Int) throws(CalendarError) -> ServiceLevelStatus {
        let due = try due(in: calendar)
        if let completed, completed <= day { return completed <= due ? .met : .late }
        if day > due { return .breached }
        return try calendar.workingDays(from: day, to: due) <= margin ? .atRisk : .onTrack
    }
}

extension ReviewRoster {
    /// The clocks of a case sent to review on `started`: one per required department, the
    /// environmental one on the green channel's target when the project qualifies.
    public func clocks(for instrumentIDs: [String], zeroLand: Bool, categories: Set<String>, industryCode: String,
                       started: Day) -> [ServiceLevelClock] {
        let green = greenChannel?.qualifies(categories: categories, industryCode: industryCode) ?? false
        return requiredDepartments(for: instrumentIDs, zeroLand: zeroLand).map {
            ServiceLevelClock(department: $0, started: started, roster: self, greenChannel: green)
        }
    }
}
