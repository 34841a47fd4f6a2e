import Foundation
import Policy

/// (e) A unit price far from its industry's peers: the items of the same (normalised) name whose
/// enterprises share the industry code, judged by the median and the median absolute deviation
/// (robust: a few extreme prices do not move them). The statistics are computed over the whole
/// group, the item included, and only with enough peers.
struct UnitPriceCheck {
    let settings: RiskSettings

    struct Key: Hashable {
        var industry: String
        var name: String
    }

    func flags(_ population: RiskPopulation, focus: Set<RiskProjectRef>?) -> [RiskFlag] {
        var groups: [Key: [(ref: RiskProjectRef, index: Int, price: Int64)]] = [:]
        for entry in population.entries {
            for (i, item) in entry.project.equipment.enumerated() {
                guard let name = RiskNormal.words(item.name) else { continue }
                groups[Key(industry: entry.enterprise.industryCode, name: name), default: []].append((entry.ref, i, item.unitPrice.fen))
            }
        }
        var out: [RiskFlag] = []
        for (key, items) in groups where items.count - 1 >= settings.priceMinPeers {
            guard focus.map({ f in items.contains { f.contains($0.ref) } }) ?? true else { continue }
            let prices = items.map(\.price).sorted()
            let median = Self.median(prices)
            let mad = Self.median(prices.map { abs($0 - median) }.sorted())
            let floor = settings.priceMADFloor.apply(to: Money(fen: median)).fen
            let scale = max(mad, floor)
            guard scale > 0 else { continue }
            let factor = settings.priceMADFactor.decimal
            for item in items where focus?.contains(item.ref) ?? true {
                let deviation = abs(item.price - median)
                guard Decimal(deviation) > factor * Decimal(scale) else { continue }
                let multiple = Decimal(deviation) / Decimal(scale)
                var rounded = Decimal(), m = multiple
                NSDecimalRound(&rounded, &m, 1, .down)
                let above = item.price > median
                out.append(RiskFlag(
                    kind: .unitPriceOutlier, project: item.ref,
                    reason: LocalizedText(
                        zh: "设备“\(key.name)”单价 \(Money(fen: item.price).grouped) 元\(above ? "高于" : "低于")同行业（\(key.industry)）\(items.count - 1) 个同类设备的中位数 \(Money(fen: median).grouped) 元，偏离 \(rounded) 倍中位绝对偏差",
                        en: "unit price \(Money(fen: item.price).grouped) yuan of '\(key.name)' is \(above ? "above" : "below") the median \(Money(fen: median).grouped) yuan of \(items.count - 1) peers in industry \(key.industry), \(rounded) MADs away"),
                    facts: [RiskFact("item", "equipment[\(item.index)]"), RiskFact("industryCode", key.industry),
                            RiskFact("name", key.name), RiskFact("unitPrice", Money(fen: item.price).decimalString),
                            RiskFact("median", Money(fen: median).decimalString), RiskFact("mad", Money(fen: mad).decimalString),
                            RiskFact("peers", String(items.count - 1)), RiskFact("deviationInMADs", "\(rounded)")]))
            }
        }
        return out
    }

    /// The median of sorted values; of an even count, the mean of the middle two rounded down.
    static func median(_ sorted: [Int64]) -> Int64 {
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}
