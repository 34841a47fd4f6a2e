import Testing
import Policy
@testable import Workflow

@Suite struct ServiceLevelClockTests {
    let calendar = Fixtures.calendar
    let margin = Fixtures.workflow.process.serviceLevel.atRiskWorkingDaysLeft

    // Started Fri 2024-09-27 with 5 working days: due 2024-10-10 (the National Day break skipped).
    let clock = ServiceLevelClock(department: "finance", started: day("2024-09-27"), targetWorkingDays: 5)

    @Test func dueDaySkipsHolidays() throws {
        #expect(try clock.due(in: calendar) == day("2024-10-10"))
        #expect(try clock.workingDaysLeft(on: day("2024-09-30"), in: calendar) == 3)
    }

    @Test func onTrackAtRiskBreached() throws {
        #expect(try clock.status(on: day("2024-09-29"), in: calendar, atRiskWorkingDaysLeft: margin) == .onTrack)   // 4 left
        #expect(try clock.status(on: day("2024-09-30"), in: calendar, atRiskWorkingDaysLeft: margin) == .onTrack)   // 3 left
        #expect(try clock.status(on: day("2024-10-05"), in: calendar, atRiskWorkingDaysLeft: margin) == .onTrack)   // still 3: holiday
        #expect(try clock.status(on: day("2024-10-08"), in: calendar, atRiskWorkingDaysLeft: margin) == .atRisk)    // 2 left
        #expect(try clock.status(on: day("2024-10-10"), in: calendar, atRiskWorkingDaysLeft: margin) == .atRisk)    // due today
        #expect(try clock.status(on: day("2024-10-11"), in: calendar, atRiskWorkingDaysLeft: margin) == .breached)
    }

    @Test func completedSteps() throws {
        var done = clock
        done.completed = day("2024-10-09")
        #expect(try done.status(on: day("2024-10-20"), in: calendar, atRiskWorkingDaysLeft: margin) == .met)
        // Before the completion day the step still counts as open.
        #expect(try done.status(on: day("2024-10-08"), in: calendar, atRiskWorkingDaysLeft: margin) == .atRisk)
        done.completed = day("2024-10-11")
        #expect(try done.status(on: day("2024-10-20"), in: calendar, atRiskWorkingDaysLeft: margin) == .late)
    }

    @Test func theGreenChannelShortensTheEnvironmentalStep() throws {
        let roster = Fixtures.workflow.roster
        let env = try #require(roster.department("ecology-environment"))
        let normal = ServiceLevelClock(department: env, started: day("2025-03-03"), roster: roster, greenChannel: false)
        let green = ServiceLevelClock(department: env, started: day("2025-03-03"), roster: roster, greenChannel: true)
        #expect(try normal.due(in: calendar) == day("2025-03-24"))
        #expect(try green.due(in: calendar) == day("2025-03-12"))
    }

    @Test func escalationOnlyForOpenStepsAtRiskOrBreached() {
        #expect(ServiceLevelStatus.atRisk.needsEscalation && ServiceLevelStatus.breached.needsEscalation)
        #expect(!ServiceLevelStatus.onTrack.needsEscalation && !ServiceLevelStatus.met.needsEscalation && !ServiceLevelStatus.late.needsEscalation)
    }

    @Test func beyondTheCalendarIsRefused() {
        let late = ServiceLevelClock(department: "finance", started: day("2026-12-24"), targetWorkingDays: 10)
        #expect(throws: CalendarError.self) { try late.due(in: calendar) }
    }
}

@Suite struct ReviewRosterClocksTests {
    @Test func aCaseGetsOneClockPerRequiredDepartment() {
        let roster = Fixtures.workflow.roster
        let clocks = roster.clocks(for: ["13"], zeroLand: false, categories: ["technical-renovation"], industryCode: "C3973",
                                   started: day("2025-03-03"))
        #expect(clocks.map(\.department) == ["development-reform", "economy-informatization", "ecology-environment", "finance"])
        #expect(clocks.map(\.targetWorkingDays) == [10, 10, 7, 10])
        let plain = roster.clocks(for: ["13"], zeroLand: false, categories: [], industryCode: "C3973", started: day("2025-03-03"))
        #expect(plain.map(\.targetWorkingDays) == [10, 10, 15, 10])
    }
}
