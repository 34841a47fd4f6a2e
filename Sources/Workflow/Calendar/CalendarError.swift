import Policy

/// The calendar cannot answer: a day falls in a year for which no holiday file exists.
///
/// The calendar refuses rather than guess: a guessed year would count the Spring Festival or
/// National Day as working days and put a due day or a breach on the wrong day. The cure is to add
/// `calendars/YYYY.yaml` once the State Council publishes the year's notice (usually in November).
public struct CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    /// The years the calendar does cover.
    public var covered: [Int]

    public init(year: Int, covered: [Int]) {
        self.year = year
        self.covered = covered
    }

    public var message: LocalizedText {
        let years = covered.map(String.init).joined(separator: ", ")
        return LocalizedText(
            zh: "工作日历未收录\(year)年的节假日安排（已收录：\(years)）；请在 calendars/\(year).yaml 中按国务院办公厅通知补充后再计算。",
            en: "the working-day calendar has no holiday arrangement for \(year) (it covers \(years)); add calendars/\(year).yaml from the State Council's notice before counting.")
    }

    public var description: String { "\(message.zh) / \(message.en)" }
}
