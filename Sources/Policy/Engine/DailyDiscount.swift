/// N1's arithmetic: a discount of so many percentage points a year on a loan's principal,
/// counted by days from the loan's start (disbursement) date for at most `years` years.
///
/// Each day counts 1/(days in its calendar year) of a year at the rate in force on that day, so
/// a whole calendar year at one rate is exactly principal × rate, and the rise from 1 to 1.5
/// points falls on its day inside a year. The period runs from the start date up to, not
/// including, its anniversary `years` later or the loan's end date, whichever comes first (the
/// bank's convention of counting the first day and not the last); days before the counting day
/// are left out. Each calendar year is rounded down to the fen on its own, as every yearly
/// amount is. Integer arithmetic only. The single engine and the batch engine both call this.
public struct DailyDiscount: Sendable {
    /// A rate from a day on (days since 1970), in date order.
    struct Step: Sendable {
        var from: Int
        /// Parts per 10^9 (1.5% is 15,000,000).
        var perBillion: Int64
    }

    let steps: [Step]
    let years: Int
    let countedFrom: Int?

    /// The rate parameter's whole dated history: a discount running over two years crosses the
    /// rate's changes, whatever the evaluation date.
    init(rates: [DatedValue], years: Int, countedFrom: Day?) {
        steps = rates.sorted { $0.from < $1.from }.map { v in
            var perBillion: Int64 = 0
            if case .ratio(let r) = v.value { perBillion = r.numerator * Ratio.powers[Ratio.maxScale - r.scale] }
            return Step(from: v.from.daysSince1970, perBillion: perBillion)
        }
        self.years = years
        self.countedFrom = countedFrom?.daysSince1970
    }

    /// The discount of an instrument whose base is `loan.principal_by_day`, as the policy has it.
    init?(_ def: InstrumentDefinition, _ policy: ResolvedPolicy) {
        guard def.base?.quantity == .loanPrincipalByDay, case .parameter(let key) = def.ratio,
              let rates = policy.library.parameters[key]?.values else { return nil }
        var years = 0
        if let k = def.years, case .integer(let n)? = policy.value(k) { years = n }
        var from: Day?
        if let k = def.countedFrom, case .day(let d)? = policy.value(k) { from = d }
        self.init(rates: rates, years: years, countedFrom: from)
    }

    /// One calendar year of the period: its days inside the period and the amount, rounded down.
    struct Part: Sendable {
        var year: Int
        var days: Int
        var amount: Int64
    }

    /// The calendar years of the period of a loan of `principal` fen started on `start`.
    func parts(principalFen principal: Int64, start: Day, end: Day?, _ body: (Part) -> Void) {
        guard principal > 0, years > 0 else { return }
        let anniversary = Day(year: start.year + years, month: start.month, day: start.day)
            ?? Day(year: start.year + years, month: 3, day: 1)!   // 29 February: the day after 28 February
        var first = start.daysSince1970
        if let countedFrom { first = max(first, countedFrom) }
        var last = anniversary.daysSince1970
        if let end { last = min(last, end.daysSince1970) }
        guard first < last else { return }
        for year in Day(daysSince1970: first)!.year...Day(daysSince1970: last - 1)!.year {
            let yearStart = Day(year: year, month: 1, day: 1)!.daysSince1970
            let yearEnd = Day(year: year + 1, month: 1, day: 1)!.daysSince1970
            let lo = max(first, yearStart), hi = min(last, yearEnd)
            guard lo < hi else { continue }
            // Σ rate × days, in parts per 10^9 day-years of this year's length.
            var weighted: Int64 = 0
            for (k, step) in steps.enumerated() {
                let stepEnd = k + 1 < steps.count ? steps[k + 1].from : Int.max
                let days = min(hi, stepEnd) - max(lo, step.from)
                if days > 0 { weighted += step.perBillion * Int64(days) }
            }
            let denominator = Ratio.powers[Ratio.maxScale] * Int64(yearEnd - yearStart)
            let (high, low) = principal.multipliedFullWidth(by: weighted)
            let (amount, _) = denominator.dividingFullWidth((high, low))
            body(Part(year: year, days: hi - lo, amount: amount))
        }
    }
}
