import Testing
import Policy
@testable import Workflow

@Suite struct DecisionCheckTests {
    let maxima = ["7a": Money(yuan: 1_500_000), "13": Money(yuan: 4_000_000)]
    let declared = Money(yuan: 30_000_000)

    func decision(_ investment: Int64, _ granted: [String: Money]) -> ApprovalDecision {
        ApprovalDecision(approvedInvestment: Money(yuan: investment), granted: granted, decidedOn: day("2025-06-30"))
    }

    @Test func withinTheMaximaPasses() throws {
        let d = decision(28_000_000, ["7a": Money(yuan: 1_500_000), "13": Money(fen: 350_000_012)])
        #expect(DecisionCheck.problems(of: d, appliedFor: ["7a", "13"], declaredInvestment: declared, maxima: maxima).isEmpty)
        #expect(try DecisionCheck.check(d, appliedFor: ["7a", "13"], declaredInvestment: declared, maxima: maxima) == d)
        #expect(d.total == Money(fen: 500_000_012))
    }

    @Test func aGrantAboveTheMaximumIsRefusedNamingTheInstrument() {
        let d = decision(28_000_000, ["7a": Money(fen: 150_000_001)])
        let problems = DecisionCheck.problems(of: d, appliedFor: ["7a"], declaredInvestment: declared, maxima: maxima)
        #expect(problems == [.exceedsMaximum(instrument: "7a", granted: Money(fen: 150_000_001), maximum: Money(yuan: 1_500_000))])
        #expect(problems[0].message.zh == "政策7a核准金额1,500,000.01元超过按核准日有效参数计算的上限1,500,000.00元")
        #expect(problems[0].message.en.hasPrefix("instrument 7a: granted 1,500,000.01 yuan exceeds"))
    }

    @Test func approvedInvestmentAtMostDeclared() {
        let d = decision(30_000_001, [:])
        #expect(DecisionCheck.problems(of: d, appliedFor: [], declaredInvestment: declared, maxima: maxima) ==
                [.investmentAboveDeclared(approved: Money(yuan: 30_000_001), declared: declared)])
        #expect(throws: DecisionProblem.investmentAboveDeclared(approved: Money(yuan: 30_000_001), declared: declared)) {
            try DecisionCheck.check(d, appliedFor: [], declaredInvestment: declared, maxima: maxima)
        }
    }

    @Test func everyOtherRefusal() {
        let d = ApprovalDecision(approvedInvestment: Money(fen: -1),
                                 granted: ["7a": Money(fen: -5), "12": Money(yuan: 10), "10b": .zero, "16": Money(yuan: 1)],
                                 decidedOn: day("2025-06-30"))
        let problems = DecisionCheck.problems(of: d, appliedFor: ["7a", "12", "10b"], declaredInvestment: declared, maxima: maxima)
        #expect(problems == [.negativeInvestment, .negativeAmount(instrument: "7a"), .noMaximum(instrument: "12"),
                             .notAppliedFor(instrument: "16")])
        for p in problems { #expect(!p.message.zh.isEmpty && !p.message.en.isEmpty && p.description.contains(" / ")) }
    }
}
