import Policy

/// Intake (受理): given the instruments applied for, the checklist, what was provided and the
/// day, accept, accept with deficiencies, or refuse.
///
/// A material counts as provided only when its content is a kind the item accepts: a photo of a
/// spreadsheet is not the spreadsheet. A critical item is never deferred, whatever else is in.
public enum Intake {
    public static func decide(instruments: [String], checklist: MaterialsChecklist, provided: [ProvidedMaterial],
                              on day: Day, deferral: ProcessRules.Deferral,
                              calendar: WorkingCalendar) throws(CalendarError) -> IntakeDecision {
        let needed = checklist.items(for: instruments)
        let missing = needed.filter { item in
            !provided.contains { $0.item == item.id && item.accepted.contains($0.content) }
        }
        let critical = missing.filter { $0.kind == .critical }
        let deferrable = missing.filter { $0.kind == .deferrable }
        if !critical.isEmpty { return .cannotAccept(missingCritical: critical, missingDeferrable: deferrable) }
        if deferrable.isEmpty { return .accept }
        var deferred: [DeferredItem] = []
        for item in deferrable {
            deferred.append(DeferredItem(item: item.id, due: try dueDay(for: item, acceptedOn: day, deferral: deferral, calendar: calendar)))
        }
        return .acceptWithDeficiencies(deferred)
    }

    /// The due day of a deferred item accepted on `day`: its own period or the default, counted
    /// as the process says; a calendar-day period ending on a non-working day ends on the next
    /// working day.
    public static func dueDay(for item: MaterialItem, acceptedOn day: Day, deferral: ProcessRules.Deferral,
                              calendar: WorkingCalendar) throws(CalendarError) -> Day {
        let period = item.dueDays ?? deferral.dueDays
        switch deferral.counted {
        case .calendar: return try calendar.onOrNextWorkingDay(day.adding(days: period))
        case .working: return try calendar.adding(workingDays: period, to: day)
        }
    }
}
