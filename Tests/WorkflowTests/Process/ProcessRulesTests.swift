import Foundation
import Testing
@testable import Workflow

@Suite struct ProcessRulesTests {
    let rules = Fixtures.workflow.process

    @Test func theShippedValues() {
        #expect(rules.deferral.counted == .calendar)
        #expect(rules.deferral.clause == "八")
        #expect(rules.serviceLevel.atRiskWorkingDaysLeft == 2)
        #expect(rules.commitmentFiling.commitmentItem == "commitment-letter")
    }

    @Test func whoMayFileOnCommitment() {
        let c = rules.commitmentFiling
        #expect(c.qualifies(categories: ["technical-renovation"], zeroLand: true))
        #expect(c.qualifies(categories: ["technical-renovation", "equipment-renewal"], zeroLand: true))
        #expect(!c.qualifies(categories: ["technical-renovation"], zeroLand: false))
        #expect(!c.qualifies(categories: ["equipment-renewal"], zeroLand: true))
    }
}
