import Testing
import Policy
@testable import Workflow

@Suite struct ReviewRosterTests {
    let roster = Fixtures.workflow.roster

    @Test func requiredIsTheUnionInRosterOrder() {
        #expect(roster.requiredDepartments(for: ["16"]).map(\.code) == ["economy-informatization", "finance"])
        #expect(roster.requiredDepartments(for: ["16", "7a"]).map(\.code) ==
                ["development-reform", "economy-informatization", "planning-resources", "ecology-environment", "finance"])
        #expect(roster.requiredDepartments(for: ["7c"]).count == 7)
    }

    @Test func aZeroLandProjectNeedsNoLandReview() {
        #expect(!roster.requiredDepartments(for: ["7a"], zeroLand: true).map(\.code).contains("planning-resources"))
        #expect(roster.requiredDepartments(for: ["7a"], zeroLand: false).map(\.code).contains("planning-resources"))
    }

    @Test func targetsAndTheGreenChannel() throws {
        let env = try #require(roster.department("ecology-environment"))
        let finance = try #require(roster.department("finance"))
        #expect(roster.targetWorkingDays(for: env, greenChannel: false) == 15)
        #expect(roster.targetWorkingDays(for: env, greenChannel: true) == 7)
        #expect(roster.targetWorkingDays(for: finance, greenChannel: true) == 10)
    }
}
