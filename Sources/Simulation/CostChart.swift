import Policy

/// An SVG chart of the cost by year: one stacked bar per year (the baseline, by instrument) and,
/// for each reform, a marked line of its total. Geometry is integer pixels; labels bilingual.
public enum CostChart {
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                          "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31"]
    static let reformColours = ["#000000", "#b30000", "#006d2c"]

    public static func svg(_ r: SimulationResult, reforms: [ReformComparison], language: Language) -> String {
        let width = 960, height = 540, left = 90, right = 220, top = 60, bottom = 60
        let plotW = width - left - right, plotH = height - top - bottom
        let years = r.years
        let totals = [r.totalByYear] + reforms.map(\.result.totalByYear)
        let maxFen = max(totals.flatMap { $0 }.map(\.fen).max() ?? 1, 1)
        // A round top for the axis: 1, 2 or 5 × 10^k 万元.
        let wan: Int64 = 1_000_000
        var step: Int64 = wan
        search: for power in 0..<16 {
            var scale: Int64 = wan
            for _ in 0..<power { scale *= 10 }
            for m: Int64 in [1, 2, 5] where maxFen / (m * scale) <= 8 {
                step = m * scale
                break search
            }
        }
        let axisTop = (maxFen / step + 1) * step
        func y(_ fen: Int64) -> Int { top + plotH - Int(fen * Int64(plotH) / axisTop) }
        let slot = plotW / max(years.count, 1), bar = slot * 3 / 5
        let font = "font-family=\"Noto Sans CJK SC, Noto Sans SC, sans-serif\""
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" \(font) font-size=\"12\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        let title = language == .zh ? "按支付年度的财政成本（万元），\(r.projects) 个项目" : "Fiscal cost by year of payment (10,000 yuan), \(r.projects) projects"
        s += "<text x=\"\(left)\" y=\"30\" font-size=\"16\" font-weight=\"bold\">\(escape(title))</text>\n"
        var tick: Int64 = 0
        while tick <= axisTop {
            let ty = y(tick)
            s += "<line x1=\"\(left)\" y1=\"\(ty)\" x2=\"\(left + plotW)\" y2=\"\(ty)\" stroke=\"#ddd\"/>\n"
            s += "<text x=\"\(left - 8)\" y=\"\(ty + 4)\" text-anchor=\"end\">\(Money(fen: tick / wan * 100).grouped.replacingOccurrences(of: ".00", with: ""))</text>\n"
            tick += step
        }
        for (k, label) in years.enumerated() {
            let x = left + k * slot + (slot - bar) / 2
            var base: Int64 = 0
            for (f, instrument) in r.instruments.enumerated() where instrument.byYear[k] > .zero {
                let top = base + instrument.byYear[k].fen
                s += "<rect x=\"\(x)\" y=\"\(y(top))\" width=\"\(bar)\" height=\"\(y(base) - y(top))\" fill=\"\(palette[f % palette.count])\"><title>\(instrument.id) \(label): \(instrument.byYear[k].grouped)</title></rect>\n"
                base = top
            }
            let shown = label == "later" ? (language == .zh ? "以后" : "later") : label
            s += "<text x=\"\(x + bar / 2)\" y=\"\(top + plotH + 20)\" text-anchor=\"middle\">\(shown)</text>\n"
        }
        for (n, reform) in reforms.enumerated() {
            let colour = reformColours[n % reformColours.count]
            let points = reform.result.totalByYear.enumerated().map { k, v in "\(left + k * slot + slot / 2),\(y(v.fen))" }
            s += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\n"
            for p in points {
                let xy = p.split(separator: ",")
                s += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"4\" fill=\"\(colour)\"/>\n"
            }
        }
        // Legend.
        var ly = top
        for (f, instrument) in r.instruments.enumerated() where instrument.total > .zero {
            s += "<rect x=\"\(width - right + 20)\" y=\"\(ly - 10)\" width=\"12\" height=\"12\" fill=\"\(palette[f % palette.count])\"/>\n"
            s += "<text x=\"\(width - right + 38)\" y=\"\(ly)\">\(escape(instrument.id + " " + String(instrument.name.text(language).prefix(12))))</text>\n"
            ly += 18
        }
        for (n, reform) in reforms.enumerated() {
            s += "<line x1=\"\(width - right + 20)\" y1=\"\(ly - 4)\" x2=\"\(width - right + 32)\" y2=\"\(ly - 4)\" stroke=\"\(reformColours[n % reformColours.count])\" stroke-width=\"2\"/>\n"
            s += "<text x=\"\(width - right + 38)\" y=\"\(ly)\">\(escape((language == .zh ? "改革：" : "reform: ") + reform.name))</text>\n"
            ly += 18
        }
        return s + "</svg>\n"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
