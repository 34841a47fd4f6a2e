import Policy

/// A step to bring to the escalation target's attention (督办): the city officer by default.
public struct Escalation: Sendable, Hashable {
    public var clock: ServiceLevelClock
    public var status: ServiceLevelStatus
    public var due: Day
    public var to: Role

    /// The escalations on `day` among a case's clocks: each open step at risk or breached.
    public static func escalations(on day: Day, clocks: [ServiceLevelClock], calendar: WorkingCalendar,
                                   rules: ProcessRules.ServiceLevel, to role: Role) throws(CalendarError) -> [Escalation] {
        var out: [Escalation] = []
        for clock in clocks {
            let status = try clock.status(on: day, in: calendar, atRiskWorkingDaysLeft: rules.atRiskWorkingDaysLeft)
            if status.needsEscalation { out.append(Escalation(clock: clock, status: status, due: try clock.due(in: calendar), to: role)) }
        }
        return out
    }
}
