import Testing
import Policy
@testable import Workflow

@Suite struct CommitmentFilingDecisionTests {
    let w = Fixtures.workflow
    let letter = [ProvidedMaterial(item: "commitment-letter", content: .pdf)]

    func decide(_ categories: Set<String>, zeroLand: Bool, _ provided: [ProvidedMaterial]) -> CommitmentFilingDecision {
        CommitmentFilingDecision.decide(categories: categories, zeroLand: zeroLand, provided: provided, on: day("2025-04-01"),
                                        rules: w.process.commitmentFiling, checklist: w.materials)
    }

    @Test func aZeroLandTechnicalRenovationProjectFilesAtOnce() {
        #expect(decide(["technical-renovation"], zeroLand: true, letter) == .filed(on: day("2025-04-01")))
        #expect(decide(["technical-renovation"], zeroLand: true, letter).message.zh == "已于2025-04-01承诺备案")
    }

    @Test func othersCannot() {
        #expect(decide(["technical-renovation"], zeroLand: false, letter) == .notEligible)
        #expect(decide(["equipment-renewal"], zeroLand: true, letter) == .notEligible)
        #expect(decide([], zeroLand: true, letter).message.en.hasPrefix("only zero-land"))
    }

    @Test func theSignedCommitmentIsNeeded() {
        #expect(decide(["technical-renovation"], zeroLand: true, []) == .commitmentMissing(item: "commitment-letter"))
        #expect(decide(["technical-renovation"], zeroLand: true, [ProvidedMaterial(item: "commitment-letter", content: .image)])
                == .commitmentMissing(item: "commitment-letter"))
    }
}
