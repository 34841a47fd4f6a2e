import Testing
@testable import Workflow

@Suite struct CommitmentFilingStatusTests {
    let filings = (1...20).map { "F-\($0)" }

    @Test func drawnFilingsAreVerifiedTheOthersStayFiled() {
        let sample = CommitmentSample.draw(filings: filings, rate: Fixtures.workflow.process.commitmentFiling.sampleRate, seed: 3)
        let drawn = sample.selected[0]
        let notDrawn = filings.first { !sample.selected.contains($0) }!
        #expect(CommitmentFilingStatus.afterDraw(drawn, sample: sample) == .selectedForVerification)
        #expect(CommitmentFilingStatus.afterDraw(notDrawn, sample: sample) == .filed)
    }

    @Test func verificationKeepsOrRevokes() {
        #expect(CommitmentFilingStatus.selectedForVerification.verified(commitmentKept: true) == .verified)
        #expect(CommitmentFilingStatus.selectedForVerification.verified(commitmentKept: false) == .revoked)
        #expect(CommitmentFilingStatus.filed.verified(commitmentKept: false) == .revoked)
        #expect(CommitmentFilingStatus.verified.verified(commitmentKept: false) == .revoked)
        #expect(CommitmentFilingStatus.filed.verified(commitmentKept: true) == nil)
        #expect(CommitmentFilingStatus.revoked.verified(commitmentKept: true) == nil)
        #expect(CommitmentFilingStatus.allCases.map(\.rawValue) == ["filed", "selected_for_verification", "verified", "revoked"])
    }
}
