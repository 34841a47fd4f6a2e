import Policy

/// The drawing of a `SupportCurve` as SVG coordinates: where each point, threshold and cap falls
/// in a 640 × 320 box. Geometry only — the points are the engine's evaluations; the scale is the
/// largest of them. Coordinates are whole units of the box, computed from fen in integers.
struct SupportChart: Encodable {
    struct Rule: Encodable { var x1: Int; var y1: Int; var x2: Int; var y2: Int; var label: String; var lx: Int; var ly: Int }
    struct Tick: Encodable { var x: Int; var y: Int; var label: String }

    static let width = 640, height = 320, left = 70, right = 45, top = 20, bottom = 50

    var width = SupportChart.width
    var height = SupportChart.height
    var polyline: String
    var currentX: Int
    var currentY: Int
    var thresholds: [Rule]
    var caps: [Rule]
    var xTicks: [Tick]
    var yTicks: [Tick]
    var axisX: Rule
    var axisY: Rule
    var summary: String
    var title: String
    var xLabel: String
    var description: String

    init(curve: SupportCurve, lang: Language, catalogue: WebCatalogue) {
        switch curve.variable {
        case .investment:
            title = catalogue.text("plan_chart_title", lang)
            xLabel = catalogue.text("plan_chart_x", lang)
            description = catalogue.text("plan_chart_desc", lang)
        case .interest(let loan):
            title = "\(catalogue.text("plan_chart_title_interest", lang)) \(loan)"
            xLabel = catalogue.text("plan_chart_x_interest", lang)
            description = catalogue.text("plan_chart_desc_interest", lang)
        }
        let plotW = Int64(Self.width - Self.left - Self.right), plotH = Int64(Self.height - Self.top - Self.bottom)
        let maxX = max(curve.points.map(\.investment.fen).max() ?? 1, 1)
        let maxY = max(max(curve.points.map(\.total.fen).max() ?? 1, curve.caps.map(\.value.fen).max() ?? 0), 1)
        func x(_ m: Money) -> Int { Self.left + Int(m.fen * plotW / maxX) }
        func y(_ m: Money) -> Int { Self.top + Int(plotH - min(m.fen, maxY) * plotH / maxY) }
        // A step drawn as two points: the support jumps at a threshold, it does not slope.
        var coords: [String] = []
        var last: SupportCurve.Point?
        for p in curve.points {
            if let l = last, l.total != p.total, curve.thresholds.contains(where: { $0.value == p.investment }) {
                coords.append("\(x(p.investment)),\(y(l.total))")
            }
            coords.append("\(x(p.investment)),\(y(p.total))")
            last = p
        }
        polyline = coords.joined(separator: " ")
        let here = curve.points.first { $0.investment == curve.current }
        currentX = x(curve.current)
        currentY = y(here?.total ?? .zero)
        let bottomY = Self.top + Int(plotH)
        // Labels of thresholds at the same place stack downwards instead of overprinting.
        thresholds = curve.thresholds.enumerated().map { i, t in
            Rule(x1: x(t.value), y1: Self.top, x2: x(t.value), y2: bottomY,
                 label: "\(t.instrument) \(AmountText.wanNumber(t.value))", lx: x(t.value) + 4, ly: Self.top + 12 + 14 * (i % 8))
        }
        caps = curve.caps.map { c in
            Rule(x1: Self.left, y1: y(c.value), x2: Self.width - Self.right, y2: y(c.value),
                 label: "\(c.instrument) \(AmountText.wanNumber(c.value))", lx: Self.width - Self.right - 4, ly: y(c.value) - 4)
        }
        xTicks = (0...4).map { i in
            let m = Money(fen: maxX * Int64(i) / 4)
            return Tick(x: x(m), y: bottomY + 18, label: AmountText.wanNumber(m))
        }
        yTicks = (0...4).map { i in
            let m = Money(fen: maxY * Int64(i) / 4)
            return Tick(x: Self.left - 6, y: y(m) + 4, label: AmountText.wanNumber(m))
        }
        axisX = Rule(x1: Self.left, y1: bottomY, x2: Self.width - Self.right, y2: bottomY, label: "", lx: 0, ly: 0)
        axisY = Rule(x1: Self.left, y1: Self.top, x2: Self.left, y2: bottomY, label: "", lx: 0, ly: 0)
        summary = "\(AmountText.shown(curve.current, lang)) → \(AmountText.shown(here?.total ?? .zero, lang))"
    }
}
