import Foundation
import Policy
import Workflow

/// A measure's progress drawn as SVG coordinates: the milestones (dashed) and the actuals
/// (solid, with a dot per quarter that has one) quarter by quarter, the 2027 value as a rule.
/// Geometry only: the figures are the engine's (`MeasureProgress.series`); the scale is the
/// largest of them. Coordinates are whole units of a 640 × 260 box, computed in decimals.
struct TrendChart: Encodable {
    struct Dot: Encodable { var x: Int; var y: Int; var label: String }
    struct Tick: Encodable { var x: Int; var y: Int; var label: String }
    struct Rule: Encodable { var x1: Int; var y1: Int; var x2: Int; var y2: Int; var label: String; var lx: Int; var ly: Int }

    static let width = 640, height = 260, left = 104, right = 20, top = 24, bottom = 40

    var width = TrendChart.width
    var height = TrendChart.height
    /// The polylines' points; nil when there is none to draw.
    var milestones: String?
    var actuals: String?
    var dots: [Dot]
    /// The 2027 value's rule; none on a district's view (the plan sets the city's value only).
    var goal: Rule?
    var xTicks: [Tick]
    var yTicks: [Tick]
    var axisX: Rule
    var axisY: Rule
    var title: String

    /// Nil when the series is empty (nothing due and nothing reported yet): no chart to draw.
    init?(series: [MeasureProgress.Point], goal value: Decimal?, title: String, goalLabel: String) {
        guard series.count > 0 else { return nil }
        let plotW = Decimal(Self.width - Self.left - Self.right), plotH = Decimal(Self.height - Self.top - Self.bottom)
        let figures = series.flatMap { [$0.milestone, $0.actual].compactMap { $0 } } + [value].compactMap { $0 }
        let top = max(figures.max() ?? 1, 1)
        let steps = Decimal(max(series.count - 1, 1))
        func x(_ i: Int) -> Int { Self.left + Self.whole(Decimal(i) * plotW / steps) }
        func y(_ v: Decimal) -> Int { Self.top + Self.whole(plotH - min(max(v, 0), top) * plotH / top) }
        milestones = series.enumerated().compactMap { i, p in p.milestone.map { "\(x(i)),\(y($0))" } }.joined(separator: " ")
        if milestones == "" { milestones = nil }
        let reached = series.enumerated().compactMap { i, p in p.actual.map { (i, $0, p.quarter) } }
        actuals = reached.isEmpty ? nil : reached.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ")
        dots = reached.map { Dot(x: x($0.0), y: y($0.1), label: "\($0.2.text): \(TargetFigureText.grouped($0.1))") }
        let bottomY = Self.top + Self.whole(plotH)
        goal = value.map { v in
            Rule(x1: Self.left, y1: y(v), x2: Self.width - Self.right, y2: y(v),
                 label: "\(goalLabel) \(TargetFigureText.grouped(v))", lx: Self.width - Self.right - 4, ly: y(v) - 4)
        }
        // The first quarter's label, then each year's at its first quarter (not crowding the first).
        xTicks = series.enumerated().compactMap { i, p in
            (i == 0 || (p.quarter.number == 1 && i >= 3)) ? Tick(x: x(i), y: bottomY + 18, label: i == 0 ? p.quarter.text : String(p.quarter.year)) : nil
        }
        yTicks = (0...4).map { k in
            let v = top * Decimal(k) / 4
            return Tick(x: Self.left - 6, y: y(v) + 4, label: TargetFigureText.grouped(TargetFigureText.cut(v)))
        }
        axisX = Rule(x1: Self.left, y1: bottomY, x2: Self.width - Self.right, y2: bottomY, label: "", lx: 0, ly: 0)
        axisY = Rule(x1: Self.left, y1: Self.top, x2: Self.left, y2: bottomY, label: "", lx: 0, ly: 0)
        self.title = title
    }

    static func whole(_ d: Decimal) -> Int {
        var value = d, out = Decimal()
        NSDecimalRound(&out, &value, 0, .plain)
        return NSDecimalNumber(decimal: out).intValue
    }
}

/// A target's figure as a page shows it: the engine's plain decimal with thousands separators
/// in its whole part ("200,000,000,000", "12.5"). Formatting only.
enum TargetFigureText {
    static func grouped(_ d: Decimal) -> String { grouped(TargetNumber.text(d)) }

    static func grouped(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = String(parts.first ?? "")
        let sign = whole.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { whole.removeFirst() }
        var out = ""
        for (i, c) in whole.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return sign + String(out.reversed()) + fraction
    }

    /// A tick's figure cut to hundredths (a scale label, not a figure of the measure).
    static func cut(_ d: Decimal) -> Decimal {
        var value = d, out = Decimal()
        NSDecimalRound(&out, &value, 2, .down)
        return out
    }
}
