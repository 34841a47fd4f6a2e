import Foundation
import Testing
import Policy
@testable import Workflow

/// Milestones on the straight line, yearly and level paces, set milestones, and the status at
/// its thresholds — every figure exact.
@Suite struct TargetProgressTests {
    func measure(_ id: String) throws -> TargetMeasure {
        try #require(Fixtures.policy.targets.flatMap(\.measures).first { $0.id == id })
    }
    func d(_ text: String) -> Decimal { TargetNumber.decimal(text)! }
    func q(_ text: String) -> Quarter { Quarter(text: text)! }
    let issue = Quarter(day: Fixtures.policy.plan.issued)

    @Test func quarters() {
        #expect(issue.text == "2024Q2")
        #expect(Quarter(day: Day(iso: "2027-12-31")!) == Quarter.horizon)
        #expect(q("2025Q4").lastDay == Day(iso: "2025-12-31")! && q("2025Q2").lastDay == Day(iso: "2025-06-30")!)
        #expect(q("2025Q1").advanced(by: 4) == q("2026Q1"))
        #expect(Quarter(text: "2025Q5") == nil && Quarter(text: "2025-Q1") == nil && Quarter(text: "25Q1") == nil)
    }

    @Test func aStraightLineFromZeroAtIssueTo200Billion() throws {
        let m = try measure("equipment-renewal-cumulative")
        let line = TargetMilestones(measure: m, baseline: (0, issue), from: issue)
        #expect(line.points.count == 15) // 2024Q2 … 2027Q4: 14 steps
        #expect(line.points.first?.value == 0)
        // 200e9 / 14 = 14285714285.714…, rounded up to the fen-like hundredth.
        #expect(line.milestone(at: q("2024Q3")) == d("14285714285.72"))
        #expect(line.milestone(at: q("2026Q1")) == d("100000000000"))   // 7 of 14
        #expect(line.milestone(at: q("2027Q4")) == d("200000000000"))
        #expect(line.milestone(at: q("2028Q2")) == d("200000000000"))
        #expect(line.milestone(at: q("2024Q1")) == nil)
        #expect(TargetNumber.text(line.milestone(at: q("2024Q3"))!) == "14285714285.72")
    }

    @Test func growthOn2023StartsAtTheEndOf2023() throws {
        let m = try measure("equipment-investment-growth")
        let line = TargetMilestones(measure: m, baseline: (0, Quarter(day: Day(iso: "2023-12-31")!)), from: issue)
        #expect(line.points.count == 17)
        #expect(line.milestone(at: q("2024Q1")) == d("1.57"))  // 25 / 16 = 1.5625, up
        #expect(line.milestone(at: q("2025Q4")) == d("12.5"))
    }

    @Test func aFirstReportAsBaselineAndSetMilestones() throws {
        var m = try measure("digital-rd-tools-penetration") // 95%, no baseline in the library
        #expect(TargetMilestones(measure: m, baseline: nil, from: issue).points.isEmpty)
        let line = TargetMilestones(measure: m, baseline: (d("83"), q("2025Q4")), from: issue)
        #expect(line.points.map(\.quarter.text) == ["2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4", "2027Q1", "2027Q2", "2027Q3", "2027Q4"])
        #expect(line.milestone(at: q("2026Q4")) == d("89"))   // 83 + 12 × 4 / 8
        m.milestones = [TargetMilestone(quarter: "2026Q4", value: "90")]
        let set = TargetMilestones(measure: m, baseline: (d("83"), q("2025Q4")), from: issue)
        #expect(set.milestone(at: q("2026Q4")) == d("90"))
        #expect(set.points.first { $0.quarter == q("2026Q4") }?.set == true)
        #expect(set.milestone(at: q("2027Q1")) == d("90.5"))  // the line between is still computed
    }

    @Test func yearlyAndLevelPaces() throws {
        let yearly = TargetMilestones(measure: try measure("first-sets-yearly"), baseline: nil, from: issue)
        #expect(yearly.points.first?.quarter == issue)
        #expect([q("2025Q1"), q("2025Q2"), q("2025Q3"), q("2025Q4")].map { yearly.milestone(at: $0) } == [d("7.5"), 15, d("22.5"), 30])
        let level = TargetMilestones(measure: try measure("annual-energy-saving"), baseline: nil, from: issue)
        #expect(Set(level.points.map(\.value)) == [1])
        #expect(level.points.count == 15)
    }

    @Test func statusAtTheThresholds() {
        let rule = Fixtures.policy.dashboard.status
        func s(_ actual: String, _ kind: String? = nil) -> TargetStatus {
            TargetStatus.of(actual: d(actual), milestone: 100, kind: kind, rule: rule)
        }
        #expect([s("100"), s("120"), s("99.99"), s("80"), s("79.99")] == [.green, .green, .amber, .amber, .red])
        // about: ±10 green, ±20 amber (1 − 0.8), red beyond, on both sides.
        #expect([s("110", "about"), s("90", "about"), s("110.01", "about"), s("120", "about"),
                 s("80", "about"), s("120.01", "about"), s("79.99", "about")] == [.green, .green, .amber, .amber, .amber, .red, .red])
        #expect(TargetStatus.of(actual: 0, milestone: 0, kind: nil, rule: rule) == .green)
    }
}
