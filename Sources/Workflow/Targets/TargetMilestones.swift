import Foundation
import Policy

/// A measure's quarterly milestones, from where it started to the 2027 value. Pure: the baseline
/// comes from the library or, when the library has none, from the measure's first report.
public struct TargetMilestones: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var quarter: Quarter
        public var value: Decimal
        /// Set in the library (targets.yaml `milestones:`) rather than computed.
        public var set: Bool
    }

    /// Quarter by quarter, ascending, from the start quarter to 2027Q4.
    public var points: [Point]

    /// Places a computed milestone is rounded to (hundredths of the unit), toward the target.
    public static let scale = 2

    /// - Parameters:
    ///   - baseline: the value and the quarter it stands for (the library's baseline, or the first
    ///     report); nil when there is neither, and then a straight line has no milestones.
    ///   - from: the first quarter of `yearly` and `level` measures (the plan's issue quarter).
    public init(measure: TargetMeasure, baseline: (value: Decimal, quarter: Quarter)?, from: Quarter) {
        let target = TargetNumber.decimal(measure.value) ?? 0
        let end = Quarter.horizon
        var points: [Point] = []
        switch measure.pace {
        case .straight:
            if let baseline {
                let start = min(baseline.quarter, end)
                let steps = end.ordinal - start.ordinal
                for k in 0...steps {
                    let value: Decimal
                    if k == steps { value = target } else if k == 0 { value = baseline.value } else {
                        let raw = baseline.value + (target - baseline.value) * Decimal(k) / Decimal(steps)
                        value = TargetNumber.rounded(raw, scale: Self.scale, up: target >= baseline.value)
                    }
                    points.append(Point(quarter: start.advanced(by: k), value: value, set: false))
                }
            }
        case .yearly:
            for o in from.ordinal...max(from.ordinal, end.ordinal) {
                let q = Quarter(ordinal: o)
                let raw = target * Decimal(q.number) / 4
                points.append(Point(quarter: q, value: TargetNumber.rounded(raw, scale: Self.scale, up: true), set: false))
            }
        case .level:
            for o in from.ordinal...max(from.ordinal, end.ordinal) {
                points.append(Point(quarter: Quarter(ordinal: o), value: target, set: false))
            }
        }
        for m in measure.milestones {
            guard let q = Quarter(text: m.quarter), let v = TargetNumber.decimal(m.value) else { continue }
            if let i = points.firstIndex(where: { $0.quarter == q }) {
                points[i] = Point(quarter: q, value: v, set: true)
            } else {
                points.append(Point(quarter: q, value: v, set: true))
            }
        }
        self.points = points.sorted { $0.quarter < $1.quarter }
    }

    /// The milestone of a quarter: its own; before the first, none (nothing was due yet); after
    /// 2027Q4, the last (the target stays the bar).
    public func milestone(at quarter: Quarter) -> Decimal? {
        if let p = points.first(where: { $0.quarter == quarter }) { return p.value }
        guard let last = points.last, quarter > last.quarter else {
            // Between two set milestones with no computed line (no baseline): the latest before.
            return points.last(where: { $0.quarter < quarter })?.value
        }
        return last.value
    }
}
