/// How a project's recommended support changes as its investment (or one loan's interest)
/// varies, with the thresholds the figure crosses and the caps that bind: the points of the
/// calculator's chart, every one an evaluation by the engine (the page only draws them).
public struct SupportCurve: Sendable, Equatable {
    /// The figure that varies along the curve.
    public enum Variable: Sendable, Equatable {
        /// The investment counted (declared, and approved where the project has one).
        case investment
        /// The interest paid on this loan, summed over its years; each year scaled alike.
        case interest(loan: String)
    }

    public struct Point: Sendable, Equatable {
        /// The figure along the curve: the investment, or the loan's interest in total.
        public var investment: Money
        /// The recommended combination's city total at that investment.
        public var total: Money
    }

    /// A value on one axis that explains a turn of the curve: an instrument's threshold on the
    /// investment, or its cap on the amount.
    public struct Mark: Sendable, Equatable {
        public var instrument: String
        public var value: Money
        public var label: LocalizedText
    }

    public var variable: Variable = .investment
    /// The project's own figure, where the curve passes through its actual plan.
    public var current: Money
    public var points: [Point]
    public var thresholds: [Mark]
    public var caps: [Mark]
}

extension Engine {
    /// The curve over `steps` even steps from zero to twice the investment (or past the highest
    /// threshold), with the points on either side of each threshold added so that the jump shows.
    /// Nil for a project with no investment given. Pure: evaluates copies of the project.
    public func supportCurve(for project: Project, steps: Int = 40, on day: Day? = nil) -> SupportCurve? {
        guard let current = project.investment.approved ?? project.investment.declared, current > .zero else { return nil }
        let policy = policy(on: day ?? project.applicationDate ?? defaultDay)
        let base = evaluate(project, policy: policy)

        // Thresholds on the investment: numeric conditions whose figure is the counted investment.
        var thresholds: [SupportCurve.Mark] = []
        for result in base.instruments + base.national {
            for c in result.conditions where c.figure == current {
                guard let t = c.threshold, t > .zero, !thresholds.contains(where: { $0.value == t && $0.instrument == result.id }) else { continue }
                thresholds.append(.init(instrument: result.id, value: t, label: c.label))
            }
        }
        let highest = thresholds.map(\.value).max() ?? .zero
        let upper = Money.max(Money(fen: current.fen * 2), Money(fen: highest.fen + highest.fen / 4))
        let n = Int64(max(steps, 2))
        var xs = Set((0...n).map { Money(fen: upper.fen * $0 / n) })
        xs.insert(current)
        for t in thresholds {
            xs.insert(t.value)
            if t.value.fen > 100 { xs.insert(Money(fen: t.value.fen - 100)) }
        }
        let points = xs.sorted().map { x -> SupportCurve.Point in
            var p = project
            p.investment.declared = x
            if p.investment.approved != nil { p.investment.approved = x }
            if let new = p.investment.new, new > x { p.investment.new = x }
            return .init(investment: x, total: evaluate(p, policy: policy).recommendation.total)
        }
        // Caps of the instruments that can enter the combination somewhere on the curve.
        var caps: [SupportCurve.Mark] = []
        for result in base.instruments where result.cap != nil && !result.capAdvisory {
            guard let cap = result.cap, !caps.contains(where: { $0.value == cap }) else { continue }
            caps.append(.init(instrument: result.id, value: cap, label: result.name))
        }
        let top = points.map(\.total).max() ?? .zero
        return SupportCurve(variable: .investment, current: current, points: points, thresholds: thresholds.sorted { $0.value < $1.value },
                            caps: caps.filter { $0.value <= Money(fen: top.fen * 2) }.sorted { $0.value < $1.value })
    }
}

extension Engine {
    /// The curve as one loan's interest paid varies from none to twice what was paid, every year
    /// scaled by the same step (in whole fen, rounded down), with the caps of the combination's
    /// instruments marked. Nil for a loan not in the project or with no interest paid.
    public func interestCurve(for project: Project, loan id: String, steps: Int = 40, on day: Day? = nil) -> SupportCurve? {
        guard let index = project.loans.firstIndex(where: { $0.id == id }) else { return nil }
        let paid = project.loans[index].interestPaid
        let current = paid.map(\.amount).sum()
        guard current > .zero else { return nil }
        let policy = policy(on: day ?? project.applicationDate ?? defaultDay)
        let base = evaluate(project, policy: policy)
        let n = Int64(max(steps, 2))
        // Step k of 2n scales each year's interest by k/n: k = n is the project as it is.
        let points = (0...(2 * n)).map { k -> SupportCurve.Point in
            var p = project
            p.loans[index].interestPaid = paid.map { YearAmount(year: $0.year, amount: Money(fen: $0.amount.fen * k / n)) }
            let x = p.loans[index].interestPaid.map(\.amount).sum()
            return .init(investment: x, total: evaluate(p, policy: policy).recommendation.total)
        }
        var caps: [SupportCurve.Mark] = []
        for result in base.instruments where result.cap != nil && !result.capAdvisory && result.units.contains(where: { $0.kind == .loan }) {
            guard let cap = result.cap, !caps.contains(where: { $0.value == cap }) else { continue }
            caps.append(.init(instrument: result.id, value: cap, label: result.name))
        }
        let top = points.map(\.total).max() ?? .zero
        return SupportCurve(variable: .interest(loan: id), current: points[Int(n)].investment, points: points, thresholds: [],
                            caps: caps.filter { $0.value <= Money(fen: top.fen * 2) }.sorted { $0.value < $1.value })
    }
}
