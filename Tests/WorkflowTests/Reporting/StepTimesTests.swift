import Testing
import Policy
@testable import Workflow

@Suite struct StepTimesTests {
    @Test func perDepartmentAcrossCases() throws {
        let clocks = [
            ServiceLevelClock(department: "finance", started: day("2025-03-03"), targetWorkingDays: 10, completed: day("2025-03-10")),
            ServiceLevelClock(department: "ecology-environment", started: day("2025-03-03"), targetWorkingDays: 7, completed: day("2025-03-14")),
            ServiceLevelClock(department: "finance", started: day("2025-03-03"), targetWorkingDays: 10),
        ]
        let summaries = try StepTimes.summaries(of: clocks, until: day("2025-03-20"), calendar: Fixtures.calendar)
        #expect(summaries.map(\.department) == ["finance", "ecology-environment"])
        let finance = summaries[0]
        #expect(finance.steps == 2 && finance.completed == 1 && finance.overTarget == 1)  // the open one is past 03-17
        #expect(finance.total == TimeSpan(calendarDays: 7 + 17, workingDays: 5 + 13))
        #expect(finance.meanWorkingDays == 9)
        let env = summaries[1]
        #expect(env.overTarget == 1 && env.total.workingDays == 9)
    }
}
