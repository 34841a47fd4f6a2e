import Testing
import Policy
@testable import Workflow

@Suite struct EscalationTests {
    @Test func atRiskAndBreachedStepsGoToTheCityOfficer() throws {
        let w = Fixtures.workflow
        let clocks = [
            ServiceLevelClock(department: "finance", started: day("2025-03-03"), targetWorkingDays: 10),              // due 03-17
            ServiceLevelClock(department: "ecology-environment", started: day("2025-02-24"), targetWorkingDays: 7),   // due 03-05
            ServiceLevelClock(department: "economy-informatization", started: day("2025-03-03"), targetWorkingDays: 3), // due 03-06
            ServiceLevelClock(department: "development-reform", started: day("2025-02-24"), targetWorkingDays: 3, completed: day("2025-02-26")),
        ]
        let escalations = try Escalation.escalations(on: day("2025-03-06"), clocks: clocks, calendar: w.calendar,
                                                     rules: w.process.serviceLevel, to: w.roster.escalateTo)
        #expect(escalations.map(\.clock.department) == ["ecology-environment", "economy-informatization"])
        #expect(escalations.map(\.status) == [.breached, .atRisk])
        #expect(escalations.map(\.due) == [day("2025-03-05"), day("2025-03-06")])
        #expect(escalations.allSatisfy { $0.to == .cityOfficer })
    }
}
