import Foundation
import Policy

/// (c) Declared investment just above the priority threshold more often than the population
/// predicts: the count in the window [T, T + w) against the mean count of the bins of the same
/// width on either side. Only a significantly over-full window flags its projects; a project just
/// above the threshold in an ordinary population is not suspect.
struct ThresholdBunchingCheck {
    let scanner: RiskScanner

    struct Window {
        var threshold: Money
        var width: Money
        var observed: Int
        /// The counts of the neighbouring bins, summed, and how many bins.
        var neighbours: Int
        var bins: Int
        var inWindow: [RiskProjectRef]
    }

    func window(_ population: RiskPopulation) -> Window? {
        let s = scanner.settings
        guard let threshold = scanner.money(s.bunchingThreshold, on: scanner.day) else { return nil }
        let width = s.bunchingWidth.apply(to: threshold)
        guard width.fen > 0 else { return nil }
        let k = Int64(s.bunchingNeighbourBins)
        let low = threshold.fen - k * width.fen, high = threshold.fen + (k + 1) * width.fen
        var observed: [RiskProjectRef] = []
        var neighbours = 0
        for entry in population.entries {
            guard let d = entry.project.investment.declared?.fen, d >= low, d < high else { continue }
            if d >= threshold.fen && d < threshold.fen + width.fen { observed.append(entry.ref) } else { neighbours += 1 }
        }
        return Window(threshold: threshold, width: width, observed: observed.count, neighbours: neighbours,
                      bins: Int(2 * k), inWindow: observed)
    }

    /// Over-full: (observed − expected) > z·√expected with expected = neighbours / bins, in
    /// integers: (bins·observed − neighbours)² > z²·neighbours·bins.
    func overFull(_ w: Window) -> Bool {
        let s = scanner.settings
        guard w.observed >= s.bunchingMinCount else { return false }
        let excess = Decimal(w.bins * w.observed - w.neighbours)
        guard excess > 0 else { return false }
        let z = s.bunchingMinZ.decimal
        return excess * excess > z * z * Decimal(w.neighbours) * Decimal(w.bins)
    }

    func flags(_ population: RiskPopulation, focus: Set<RiskProjectRef>?) -> [RiskFlag] {
        guard let w = window(population), overFull(w) else { return [] }
        let expected = Double(w.neighbours) / Double(w.bins)
        // Shown only: the decision above is exact.
        let z = expected > 0 ? (Double(w.observed) - expected) / expected.squareRoot() : Double.infinity
        let upper = Money(fen: w.threshold.fen + w.width.fen)
        let expectedText = String(format: "%.1f", expected), zText = z.isFinite ? String(format: "%.1f", z) : "∞"
        return w.inWindow.filter { focus?.contains($0) ?? true }.map { ref in
            RiskFlag(kind: .thresholdBunching, project: ref,
                     reason: LocalizedText(
                        zh: "申报投资位于门槛上方区间 [\(w.threshold.grouped), \(upper.grouped)) 元，该区间有 \(w.observed) 个项目，相邻区间预计 \(expectedText) 个（z = \(zText)）",
                        en: "declared investment lies in [\(w.threshold.grouped), \(upper.grouped)) yuan just above the threshold, where \(w.observed) projects fall against \(expectedText) expected from the neighbouring bins (z = \(zText))"),
                     facts: [RiskFact("threshold", w.threshold.decimalString), RiskFact("windowEnd", upper.decimalString),
                             RiskFact("observed", String(w.observed)), RiskFact("expected", expectedText), RiskFact("z", zText)])
        }
    }
}
