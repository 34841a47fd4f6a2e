import Policy

/// The daily watch over deferred items: which need a reminder today, which are overdue (and so
/// lapse their application).
public enum DeferralWatch {
    public struct Reminder: Sendable, Hashable {
        public var item: DeferredItem
        /// Calendar days left until the due day (0: due today).
        public var daysLeft: Int
    }

    /// Reminders due on `day`: an item not yet supplied whose due day is one of the offsets away.
    /// Run once a day, each offset gives one reminder; a day missed is not made up later, so the
    /// scheduler should run on every day.
    public static func reminders(on day: Day, deferred: [DeferredItem], supplied: Set<String>,
                                 daysBefore offsets: [Int]) -> [Reminder] {
        deferred.compactMap { item in
            guard !supplied.contains(item.item) else { return nil }
            let left = day.days(to: item.due)
            return offsets.contains(left) ? Reminder(item: item, daysLeft: left) : nil
        }
    }

    /// Items not supplied whose due day is before `day`: the application lapses (an item is
    /// on time through the whole of its due day).
    public static func overdue(on day: Day, deferred: [DeferredItem], supplied: Set<String>) -> [DeferredItem] {
        deferred.filter { !supplied.contains($0.item) && $0.due < day }
    }

    /// Items still to be supplied.
    public static func outstanding(deferred: [DeferredItem], supplied: Set<String>) -> [DeferredItem] {
        deferred.filter { !supplied.contains($0.item) }
    }
}
