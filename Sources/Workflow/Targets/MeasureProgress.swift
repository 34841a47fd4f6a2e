import Foundation
import Policy

/// One measure's progress as the dashboard shows it: its baseline, the milestone now, the
/// latest actual against the milestone of that actual's quarter, and the series for a chart.
/// Pure: the actuals are given, quarter by quarter, as levels (what the measure stood at).
public struct MeasureProgress: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var quarter: Quarter
        public var milestone: Decimal?
        public var actual: Decimal?
    }

    public var baseline: (value: Decimal, quarter: Quarter)?
    public var milestoneNow: Decimal?
    public var actual: Decimal?
    public var actualQuarter: Quarter?
    public var status: TargetStatus?
    /// From the first milestone or actual to 2027Q4 (or `now`, if later).
    public var series: [Point]

    public static func == (a: MeasureProgress, b: MeasureProgress) -> Bool {
        a.baseline?.value == b.baseline?.value && a.baseline?.quarter == b.baseline?.quarter && a.milestoneNow == b.milestoneNow
            && a.actual == b.actual && a.actualQuarter == b.actualQuarter && a.status == b.status && a.series == b.series
    }

    /// - Parameters:
    ///   - levels: the measure's value by quarter (a report's standing value, or counted figures
    ///     already made levels by `levels(increments:pace:)`).
    ///   - judged: false for a district's view: the plan sets its targets for the city, so a
    ///     district's figures have no milestone or status of their own.
    public init(measure: TargetMeasure, levels: [Quarter: Decimal], now: Quarter, issue: Quarter, rule: TargetStatusRule, judged: Bool = true) {
        let first = levels.keys.min()
        if let b = measure.baseline, let v = TargetNumber.decimal(b.value) {
            baseline = (v, Quarter(day: b.day))
        } else if let first, let v = levels[first] {
            baseline = (v, first)
        } else {
            baseline = nil
        }
        let line = TargetMilestones(measure: measure, baseline: baseline, from: issue)
        let upToNow = levels.filter { $0.key <= now }
        actualQuarter = upToNow.keys.max()
        actual = actualQuarter.flatMap { levels[$0] }
        milestoneNow = judged ? line.milestone(at: now) : nil
        if judged, let q = actualQuarter, let a = actual, let m = line.milestone(at: q) {
            status = TargetStatus.of(actual: a, milestone: m, kind: measure.kind, rule: rule)
        } else {
            status = nil
        }
        let starts = [line.points.first?.quarter, first].compactMap { $0 }
        var points: [Point] = []
        if let start = starts.min() {
            let end = max(Quarter.horizon, now)
            for o in start.ordinal...end.ordinal {
                let q = Quarter(ordinal: o)
                points.append(Point(quarter: q, milestone: judged ? line.milestone(at: q) : nil, actual: q <= now ? levels[q] : nil))
            }
        }
        series = points
    }

    /// Counted figures (what the projects of each quarter add) as levels: summed from the first
    /// quarter on for a cumulative measure, within each year for a `yearly` one; each quarter up
    /// to `now` has its level.
    public static func levels(increments: [Quarter: Decimal], pace: TargetPace, from: Quarter, now: Quarter) -> [Quarter: Decimal] {
        let start = min(increments.keys.min() ?? from, from)
        guard start <= now else { return [:] }
        var out: [Quarter: Decimal] = [:]
        var running: Decimal = 0
        for o in start.ordinal...now.ordinal {
            let q = Quarter(ordinal: o)
            if pace == .yearly && q.number == 1 { running = 0 }
            running += increments[q] ?? 0
            out[q] = running
        }
        return out
    }
}
