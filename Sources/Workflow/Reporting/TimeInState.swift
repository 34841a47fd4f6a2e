import Policy

/// Time spent in each state of one case, from its transitions (the time in each state is reported
/// per case and per department, issue 10 item 9).
///
/// A state lasts from the day it was entered to the day the next was entered (or `until` for
/// the current one); a state visited twice adds up. A final state takes no time. Days are whole
/// days; entering and leaving a state on one day counts 0.
public enum TimeInState {
    public struct Entry: Sendable, Hashable, Codable {
        public var state: ApplicationState
        public var entered: Day

        public init(state: ApplicationState, entered: Day) {
            self.state = state
            self.entered = entered
        }
    }

    public static func spans(of entries: [Entry], until: Day,
                             calendar: WorkingCalendar) throws(CalendarError) -> [ApplicationState: TimeSpan] {
        // Stable by day: entries of the same day keep the order they were recorded in.
        let ordered = entries.enumerated().sorted { ($0.element.entered, $0.offset) < ($1.element.entered, $1.offset) }.map(\.element)
        var out: [ApplicationState: TimeSpan] = [:]
        for (index, entry) in ordered.enumerated() where !entry.state.isFinal {
            let end = index + 1 < ordered.count ? ordered[index + 1].entered : max(until, entry.entered)
            let span = TimeSpan(calendarDays: entry.entered.days(to: end),
                                workingDays: try calendar.workingDays(from: entry.entered, to: end))
            out[entry.state, default: .zero] = out[entry.state, default: .zero] + span
        }
        return out
    }
}
