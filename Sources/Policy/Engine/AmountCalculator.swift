/// The arithmetic of one instrument: base × ratio rounded down to the fen, per unit and per year,
/// then the cap, applied per unit or shared by the project in year order (reading 2): the
/// earliest years are paid in full first, and within a year the contracts in input order.
struct AmountCalculator {
    let policy: ResolvedPolicy
    let facts: ProjectFacts
    let def: InstrumentDefinition
    let ratio: Ratio?
    let cap: Money?
    let unstated: Bool

    /// One amount before the cap: unit index, year (0 for a once-only amount), amount.
    private struct Piece {
        var unit: Int
        var year: Int
        var amount: Money
    }

    func compute(base: BaseDefinition, units: [Int], into result: inout InstrumentResult) {
        var pieces: [Piece] = []
        var baseTotal = Money.zero
        var limitLeft: Money?
        // A limit that is not given limits nothing.
        if let limit = def.baseLimit, case .money(let m?) = facts.quantity(limit, unit: 0) { limitLeft = m }
        let discount = DailyDiscount(def, policy)
        for i in units {
            let unitRatio: Ratio?
            if case .quantity(let q) = def.ratio, case .ratio(let r) = facts.quantity(q, unit: i) { unitRatio = r } else { unitRatio = ratio }
            var unitBase = Money.zero
            var unitUncapped = Money.zero
            var lines: [YearLine] = []
            if let discount {
                // N1: the principal is the base once; each year's amount comes from its days.
                let loan = facts.project.loans[i]
                if let start = loan.startDate {
                    discount.parts(principalFen: loan.principal.fen, start: start, end: loan.endDate) { part in
                        let amount = Money(fen: part.amount)
                        lines.append(YearLine(year: part.year, base: loan.principal, uncapped: amount, amount: .zero,
                                              place: .inWindow, days: part.days))
                        unitUncapped += amount
                        pieces.append(Piece(unit: i, year: part.year, amount: amount))
                    }
                    unitBase = loan.principal
                }
            } else {
                switch facts.quantity(base.quantity, unit: i) {
                case .money(let m):
                    unitBase = m ?? .zero
                    if let left = limitLeft {
                        unitBase = Money.min(unitBase, left)
                        limitLeft = left - unitBase
                    }
                    let raw = unitRatio?.apply(to: unitBase) ?? .zero
                    unitUncapped = raw
                    pieces.append(Piece(unit: i, year: 0, amount: raw))
                case .yearly(let years):
                    lines = window(years, ratio: unitRatio)
                    for line in lines where line.place == .inWindow {
                        unitBase += line.base
                        unitUncapped += line.uncapped
                        pieces.append(Piece(unit: i, year: line.year, amount: line.uncapped))
                    }
                case .ratio:
                    break
                }
            }
            baseTotal += unitBase
            if def.unit != .project, let k = result.units.firstIndex(where: { $0.id == facts.unitId(def.unit, i) }) {
                result.units[k].base = unitBase
                if case .quantity = def.ratio { result.units[k].ratio = unitRatio }
                result.units[k].uncapped = unitUncapped
                result.units[k].years = lines
            }
        }
        result.base = BaseLine(quantity: base.quantity.rawValue, label: base.label, amount: baseTotal)
        if unstated { return }

        // Apply the cap.
        var paid = pieces.map(\.amount)
        if let cap {
            switch def.capScope {
            case .unit:
                var left: [Int: Money] = [:]
                for (k, p) in pieces.enumerated() {
                    let remaining = left[p.unit] ?? cap
                    paid[k] = Money.min(p.amount, remaining)
                    left[p.unit] = remaining - paid[k]
                }
            case .project:
                let order = pieces.indices.sorted { (pieces[$0].year, $0) < (pieces[$1].year, $1) }
                var remaining = cap
                for k in order {
                    paid[k] = Money.min(pieces[k].amount, remaining)
                    remaining -= paid[k]
                }
            }
        }
        result.uncapped = pieces.map(\.amount).sum()
        result.amount = paid.sum()
        result.capBinding = result.amount < result.uncapped
        // Per unit and per year, after the cap.
        var yearTotals: [Int: (base: Money, uncapped: Money, amount: Money)] = [:]
        for (k, p) in pieces.enumerated() {
            if def.unit != .project, let u = result.units.firstIndex(where: { $0.id == facts.unitId(def.unit, p.unit) }) {
                result.units[u].amount += paid[k]
                if let y = result.units[u].years.firstIndex(where: { $0.year == p.year }) {
                    result.units[u].years[y].amount = paid[k]
                }
            }
            if p.year != 0 {
                let base = result.units.first { $0.id == facts.unitId(def.unit, p.unit) }?.years.first { $0.year == p.year }?.base ?? .zero
                let t = yearTotals[p.year] ?? (.zero, .zero, .zero)
                yearTotals[p.year] = (t.base + base, t.uncapped + p.amount, t.amount + paid[k])
            }
        }
        result.years = yearTotals.keys.sorted().map {
            // Days stay on each contract's lines: two loans of one year cover different days.
            YearLine(year: $0, base: yearTotals[$0]!.base, uncapped: yearTotals[$0]!.uncapped, amount: yearTotals[$0]!.amount, place: .inWindow)
        }
    }

    /// The calendar years of a yearly base, placed against the counting day (reading 12) and the
    /// window of consecutive years that opens with the first subsidised year (reading 2). A year
    /// inside the window with no amount still uses up its place.
    func window(_ years: [YearAmount], ratio: Ratio?) -> [YearLine] {
        var countedFromYear = Int.min
        if let key = def.countedFrom, case .day(let d)? = policy.value(key) { countedFromYear = d.year }
        var windowYears = Int.max
        if let key = def.years, case .integer(let n)? = policy.value(key) { windowYears = n }
        let first = years.first { $0.year >= countedFromYear && $0.amount > .zero }?.year
        return years.map { y in
            let place: YearLine.Place
            if y.year < countedFromYear { place = .beforeCounting }
            else if let first, y.year >= first, y.year - first < windowYears { place = .inWindow }
            else if let first, y.year >= first { place = .afterWindow }
            else { place = .beforeWindow }
            let raw = place == .inWindow ? (ratio?.apply(to: y.amount) ?? .zero) : .zero
            return YearLine(year: y.year, base: y.amount, uncapped: raw, amount: .zero, place: place)
        }
    }
}
