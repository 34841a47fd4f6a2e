import Testing
import Policy
@testable import Workflow

@Suite struct WorkingCalendarTests {
    let calendar = Fixtures.calendar

    @Test func weekdaysHolidaysAndMakeUpDays() throws {
        #expect(try calendar.isWorkingDay(day("2025-01-27")))   // Monday
        #expect(try !calendar.isWorkingDay(day("2025-01-28")))  // Spring Festival eve, a Tuesday
        #expect(try calendar.isWorkingDay(day("2025-01-26")))   // Sunday, make-up working day
        #expect(try calendar.isWorkingDay(day("2025-02-08")))   // Saturday, make-up
        #expect(try !calendar.isWorkingDay(day("2025-10-08")))  // National Day + Mid-Autumn, 8 days
        #expect(try !calendar.isWorkingDay(day("2025-03-01")))  // plain Saturday
        #expect(try !calendar.isWorkingDay(day("2026-02-23")))  // 2026 Spring Festival, 9 days, a Monday
        #expect(try calendar.isWorkingDay(day("2026-01-04")))   // Sunday, make-up
    }

    @Test func workingDaysPerYearMatchTheNotices() throws {
        // 2025 and 2026 have two statutory days more than 2024 (the 2024 amendment of the rules).
        for (year, expected) in [(2024, 251), (2025, 248), (2026, 248)] {
            let count = try calendar.workingDays(from: day("\(year - 1)-12-31"), to: day("\(year)-12-31"))
            #expect(count == expected, "\(year)")
        }
    }

    @Test func addingWorkingDaysSkipsTheBreakAndCountsMakeUpDays() throws {
        // Fri 2024-09-27: Sun 29 (make-up) 1, Mon 30 2, 1–7 Oct off, 8, 9, 10.
        #expect(try calendar.adding(workingDays: 5, to: day("2024-09-27")) == day("2024-10-10"))
        #expect(try calendar.adding(workingDays: 1, to: day("2025-01-27")) == day("2025-02-05"))
        #expect(try calendar.adding(workingDays: 0, to: day("2025-01-28")) == day("2025-01-28"))
    }

    @Test func countingBetweenDays() throws {
        #expect(try calendar.workingDays(from: day("2024-09-27"), to: day("2024-10-10")) == 5)
        #expect(try calendar.workingDays(from: day("2024-10-10"), to: day("2024-09-27")) == -5)
        #expect(try calendar.workingDays(from: day("2024-10-10"), to: day("2024-10-10")) == 0)
    }

    @Test func onOrNextWorkingDay() throws {
        #expect(try calendar.onOrNextWorkingDay(day("2025-10-01")) == day("2025-10-09"))
        #expect(try calendar.onOrNextWorkingDay(day("2025-10-09")) == day("2025-10-09"))
    }

    @Test func holidayNames() {
        #expect(calendar.holiday(on: day("2024-02-12"))?.name.zh == "春节")
        #expect(calendar.holiday(on: day("2024-02-19")) == nil)
    }

    @Test func aYearWithoutAFileIsRefusedInBothLanguages() {
        #expect(calendar.coveredYears == [2024, 2025, 2026])
        #expect(throws: CalendarError(year: 2027, covered: [2024, 2025, 2026])) {
            try calendar.isWorkingDay(day("2027-01-04"))
        }
        // Crossing into an uncovered year is refused too, rather than counted half-known.
        #expect(throws: CalendarError.self) { try calendar.adding(workingDays: 10, to: day("2026-12-28")) }
        let message = CalendarError(year: 2027, covered: [2026]).message
        #expect(message.zh.contains("2027年") && message.zh.contains("calendars/2027.yaml"))
        #expect(message.en.contains("no holiday arrangement for 2027"))
    }

    @Test func weekdays() {
        #expect(day("2024-01-01").isoWeekday == 1)
        #expect(day("1970-01-01").isoWeekday == 4)
        #expect(day("1969-12-28").isoWeekday == 7)
        #expect(day("2025-02-08").isWeekend)
        #expect(day("2024-02-28").adding(days: 2) == day("2024-03-01"))
        #expect(day("2024-03-01").days(to: day("2024-02-28")) == -2)
    }
}
