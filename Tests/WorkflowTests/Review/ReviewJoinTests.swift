import Testing
import Policy
@testable import Workflow

@Suite struct ReviewJoinTests {
    let required = Fixtures.workflow.roster.requiredDepartments(for: ["13"])  // four departments

    func opinion(_ d: String, _ v: ReviewOpinion.Verdict, _ on: String = "2025-03-10") -> ReviewOpinion {
        ReviewOpinion(department: d, verdict: v, givenOn: day(on))
    }

    @Test func waitingOnWhom() throws {
        #expect(try ReviewJoin.outcome(required: required, opinions: []) ==
                .waiting(on: ["development-reform", "economy-informatization", "ecology-environment", "finance"]))
        #expect(try ReviewJoin.outcome(required: required, opinions: [opinion("finance", .approve)]) ==
                .waiting(on: ["development-reform", "economy-informatization", "ecology-environment"]))
    }

    @Test func allApprovedIsReadyForDecision() throws {
        let all = required.map { opinion($0.code, .approve) }
        #expect(try ReviewJoin.outcome(required: required, opinions: all) == .readyForDecision)
    }

    @Test func anyRejectionReturnsAtOnceWithReasons() throws {
        let outcome = try ReviewJoin.outcome(required: required, opinions: [
            opinion("finance", .approve), opinion("ecology-environment", .reject(reasons: "排放不达标")),
            opinion("development-reform", .askSupplement(reasons: "补充节能审查意见")),
        ])
        #expect(outcome == .returned([
            .init(department: "development-reform", verdict: .askSupplement(reasons: "补充节能审查意见"), reasons: "补充节能审查意见"),
            .init(department: "ecology-environment", verdict: .reject(reasons: "排放不达标"), reasons: "排放不达标"),
        ]))
    }

    @Test func theLatestOpinionOfADepartmentCounts() throws {
        var all = required.map { opinion($0.code, .approve, "2025-03-12") }
        all.append(opinion("finance", .reject(reasons: "earlier"), "2025-03-10"))
        #expect(try ReviewJoin.outcome(required: required, opinions: all) == .readyForDecision)
    }

    @Test func anOpinionFromADepartmentNotRequiredIsRefused() {
        #expect(throws: ReviewJoin.Problem.notRequired(department: "housing-construction")) {
            try ReviewJoin.outcome(required: required, opinions: [opinion("housing-construction", .approve)])
        }
    }
}
