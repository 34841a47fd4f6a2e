import Testing
import Policy
@testable import Workflow

@Suite struct TimeInStateTests {
    @Test func timeInEachStateAddsUpVisits() throws {
        let entries: [TimeInState.Entry] = [
            .init(state: .draft, entered: day("2025-03-03")),
            .init(state: .submitted, entered: day("2025-03-05")),
            .init(state: .returned, entered: day("2025-03-07")),       // Fri
            .init(state: .submitted, entered: day("2025-03-10")),      // Mon
            .init(state: .underReview, entered: day("2025-03-11")),
            .init(state: .approved, entered: day("2025-03-25")),
        ]
        let spans = try TimeInState.spans(of: entries, until: day("2025-06-01"), calendar: Fixtures.calendar)
        #expect(spans[.draft] == TimeSpan(calendarDays: 2, workingDays: 2))
        #expect(spans[.submitted] == TimeSpan(calendarDays: 3, workingDays: 3))
        #expect(spans[.returned] == TimeSpan(calendarDays: 3, workingDays: 1))
        #expect(spans[.underReview] == TimeSpan(calendarDays: 14, workingDays: 10))
        #expect(spans[.approved] == nil)
    }

    @Test func theCurrentStateRunsUntilTheGivenDayAndOrderIsByDay() throws {
        let entries: [TimeInState.Entry] = [
            .init(state: .underReview, entered: day("2025-09-26")),
            .init(state: .draft, entered: day("2025-09-20")),
        ]
        let spans = try TimeInState.spans(of: entries, until: day("2025-10-09"), calendar: Fixtures.calendar)
        #expect(spans[.draft] == TimeSpan(calendarDays: 6, workingDays: 5))        // Sun 21 off; Mon–Fri
        #expect(spans[.underReview] == TimeSpan(calendarDays: 13, workingDays: 4)) // 28 (make-up), 29, 30, the break, 9 Oct
    }
}
