import Policy
import Testing
@testable import Risk

@Suite struct SplitInvestmentCheckTests {
    typealias F = RiskFixtures

    @Test func twoPartsUnderTheThresholdTogetherAboveItAreFlagged() throws {
        let file = ProjectFile(enterprise: F.enterprise(1), projects: [
            F.project("A", declared: 12_000_000, start: "2025-01-01", end: "2025-12-31", applied: "2025-03-01"),
            F.project("B", declared: 9_000_000, start: "2025-02-01", end: "2025-10-31", applied: "2025-03-20"),
        ])
        let flags = try F.scanner().scan(RiskPopulation([file])).filter { $0.kind == .splitInvestment }
        #expect(flags.count == 2)
        let a = try #require(flags.first { $0.project.projectId == "A" })
        #expect(a.partners == [F.ref(1, "B")])
        #expect(a.fact("thresholdAmount") == "20000000.00")
        #expect(a.fact("total") == "21000000.00")
        #expect(a.fact("threshold") == "clause7.investment_threshold")
    }

    @Test func partsThatStayUnderTogetherOrDoNotOverlapAreNotFlagged() throws {
        let under = ProjectFile(enterprise: F.enterprise(1), projects: [
            F.project("A", declared: 8_000_000, start: "2025-01-01", end: "2025-12-31", applied: "2025-03-01"),
            F.project("B", declared: 9_000_000, start: "2025-01-01", end: "2025-12-31", applied: "2025-03-01"),
        ])
        let apart = ProjectFile(enterprise: F.enterprise(2), projects: [
            F.project("C", declared: 12_000_000, start: "2024-01-01", end: "2024-06-30", applied: "2024-07-01"),
            F.project("D", declared: 12_000_000, start: "2025-01-01", end: "2025-06-30", applied: "2025-07-01"),
        ])
        // Overlapping periods, but applications a year apart: two investments, not one split.
        let late = ProjectFile(enterprise: F.enterprise(3), projects: [
            F.project("E", declared: 12_000_000, start: "2024-01-01", end: "2026-12-31", applied: "2024-03-01"),
            F.project("G", declared: 12_000_000, start: "2025-01-01", end: "2026-12-31", applied: "2025-03-01"),
        ])
        // One part already above the threshold is no split to stay under it.
        let above = ProjectFile(enterprise: F.enterprise(4), projects: [
            F.project("H", declared: 25_000_000, start: "2025-01-01", end: "2025-12-31", applied: "2025-03-01"),
            F.project("I", declared: 5_000_000, start: "2025-01-01", end: "2025-12-31", applied: "2025-03-01"),
        ])
        let flags = try F.scanner().scan(RiskPopulation([under, apart, late, above])).filter { $0.kind == .splitInvestment }
        #expect(flags.isEmpty)
    }

    @Test func enterprisesSharingARepresentativeAreOneGroup() throws {
        let one = ProjectFile(enterprise: F.enterprise(1, representative: "张 三"), projects: [
            F.project("A", declared: 15_000_000, start: "2025-01-01", applied: "2025-03-01")])
        let two = ProjectFile(enterprise: F.enterprise(2, representative: "张三"), projects: [
            F.project("B", declared: 15_000_000, start: "2025-01-01", applied: "2025-04-01")])
        let flags = try F.scanner().scan(RiskPopulation([one, two])).filter { $0.kind == .splitInvestment }
        let b = try #require(flags.first { $0.project == F.ref(2, "B") })
        #expect(b.partners == [F.ref(1, "A")])
        #expect(b.enterprises == [F.code(1)])
    }
}
