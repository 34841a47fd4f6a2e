import Foundation
import Policy
import Registry
import Workflow

/// The demonstration's target reports: every measure the registry cannot count reported
/// quarter by quarter from the plan's issue up to last quarter, as the city officer would, plus
/// Pudong's own figures for a few cumulative counts — so that the dashboard shows lines, and
/// green, amber and red.
/// The figures are synthetic: each measure's milestone of the quarter (the engine's straight
/// line, or a start at 85% of the 2027 value for a rate without a baseline) times a pace of
/// 105%, 90% or 70% by the measure's place in the library.
struct DemoTargets {
    let store: TargetReportStore
    let city: AuditActor
    let today: Day

    static let paces: [Decimal] = [Decimal(string: "1.05")!, Decimal(string: "0.9")!, Decimal(string: "0.7")!]

    /// Appends the reports (each through the store, in the audit trail); returns how many.
    func report() async throws -> Int {
        let library = store.library
        let issue = Quarter(day: library.plan.issued), last = Quarter(day: today).advanced(by: -1)
        guard issue.advanced(by: 1) <= last else { return 0 }
        let reported = library.targets.flatMap { t in t.measures.filter { $0.counted == nil && !store.listed.contains($0.id) }.map { (t, $0) } }
        var count = 0
        for (k, (target, measure)) in reported.enumerated() {
            guard let goal = TargetNumber.decimal(measure.value) else { continue }
            let pace = Self.paces[k % Self.paces.count]
            let start = issue.advanced(by: 1)
            let baseline = measure.baseline.flatMap { b in TargetNumber.decimal(b.value).map { ($0, Quarter(day: b.day)) } }
                ?? (goal * Decimal(string: "0.85")!, start)
            let line = TargetMilestones(measure: measure, baseline: baseline, from: issue)
            for o in start.ordinal...last.ordinal {
                let q = Quarter(ordinal: o)
                let milestone = line.milestone(at: q) ?? baseline.0
                let value = TargetFigureCut.hundredths(milestone * pace)
                for district in k < 8 && measure.baseline != nil && measure.unit.en != "%" ? [nil, "pudong"] : [nil] {
                    let share = district == nil ? value : TargetFigureCut.hundredths(value / 10)
                    _ = try await store.append(.init(target: target.id, measure: measure.id, quarter: q.text, district: district,
                                                     value: TargetNumber.text(share), evidence: "演示数据：\(q.text) 季度统计（合成）/ demo data: synthetic figures of \(q.text)"),
                                               today: today, by: city)
                    count += 1
                }
            }
        }
        return count
    }
}

/// A synthetic figure cut to hundredths, as a report is written.
enum TargetFigureCut {
    static func hundredths(_ d: Decimal) -> Decimal {
        var value = d, out = Decimal()
        NSDecimalRound(&out, &value, 2, .down)
        return out
    }
}
