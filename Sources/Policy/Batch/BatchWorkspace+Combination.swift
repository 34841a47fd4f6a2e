/// The recommended combination in the batch engine: `CombinationChooser` on plain numbers.
extension BatchWorkspace {
    mutating func choose(_ policy: CompiledPolicy, _ p: Population, _ i: Int) {
        let city = policy.cityCount
        for f in 0..<outcome.instrumentIds.count {
            outcome.recommended[f] = 0
            outcome.inCombination[f] = false
        }
        outcome.paymentInstrument.removeAll(keepingCapacity: true)
        outcome.paymentYear.removeAll(keepingCapacity: true)
        outcome.paymentAmount.removeAll(keepingCapacity: true)
        var grantMask: UInt64 = 0
        var grantCount = 0
        var loanKind = false, leaseKind = false
        for f in 0..<city where eligible[f] {
            let inst = policy.instruments[f]
            if inst.kind == .grant { grantMask |= 1 << UInt64(f); grantCount += 1 }
            if inst.kind == .financing { if inst.unit == .loan { loanKind = true } else if inst.unit == .lease { leaseKind = true } }
        }
        let loans = p.loanCount(of: i), leases = p.leaseCount(of: i)
        let options = policy.oneGrantPerProject ? 1 + grantCount : 1
        var hasBest = false
        var bestTotal: Int64 = 0, bestCount = 0, bestGrant = -1, bestExhaustive = true
        var nextGrant = 0
        for o in 0..<options {
            // The grants of this option: none, one, or all of them.
            var chosen: UInt64 = 0
            if !policy.oneGrantPerProject { chosen = grantMask }
            else if o > 0 {
                while grantMask & (1 << UInt64(nextGrant)) == 0 { nextGrant += 1 }
                chosen = 1 << UInt64(nextGrant)
                nextGrant += 1
            }
            let grant = chosen == 0 ? -1 : chosen.trailingZeroBitCount
            var closed: UInt64 = 0
            var total: Int64 = 0, count = 0
            for g in 0..<city where chosen & (1 << UInt64(g)) != 0 {
                if policy.replacementsApply { closed |= policy.instruments[g].replaces }
                total += outcome.amount[g]
                count += 1
            }
            sequence.removeAll(keepingCapacity: true)
            var exhaustive = true
            if loanKind {
                let (t, c, e) = assign(policy, .loan, units: loans, closed: closed)
                total += t; count += c; exhaustive = exhaustive && e
            }
            if leaseKind {
                let (t, c, e) = assign(policy, .lease, units: leases, closed: closed)
                total += t; count += c; exhaustive = exhaustive && e
            }
            for g in 0..<city where chosen & (1 << UInt64(g)) != 0 { sequence.append(policy.instruments[g].order) }
            let better = !hasBest || total > bestTotal || (total == bestTotal && (count > bestCount
                || (count == bestCount && sequence.lexicographicallyPrecedes(bestSequence))))
            if better {
                hasBest = true
                bestTotal = total; bestCount = count; bestGrant = grant; bestExhaustive = exhaustive
                swap(&sequence, &bestSequence)
                if loanKind { swap(&candidateLoanChoice, &bestLoanChoice) }
                if leaseKind { swap(&candidateLeaseChoice, &bestLeaseChoice) }
                bestGrants = chosen
            }
        }
        outcome.grant = bestGrant
        outcome.exhaustive = bestExhaustive
        outcome.loanChoice.removeAll(keepingCapacity: true)
        outcome.leaseChoice.removeAll(keepingCapacity: true)
        if loanKind { outcome.loanChoice.append(contentsOf: bestLoanChoice) } else { outcome.loanChoice.append(contentsOf: repeatElement(-1, count: loans)) }
        if leaseKind { outcome.leaseChoice.append(contentsOf: bestLeaseChoice) } else { outcome.leaseChoice.append(contentsOf: repeatElement(-1, count: leases)) }
        lines(policy, p, i)
    }

    /// The best assignment of one kind's contracts; writes the choice (city positions, -1 for
    /// none) into the candidate's loan or lease choice and appends its order keys to `sequence`.
    private mutating func assign(_ policy: CompiledPolicy, _ kind: UnitKind, units n: Int, closed: UInt64) -> (Int64, Int, Bool) {
        var choice: [Int] = []
        if kind == .loan { swap(&choice, &candidateLoanChoice) } else { swap(&choice, &candidateLeaseChoice) }
        defer { if kind == .loan { swap(&choice, &candidateLoanChoice) } else { swap(&choice, &candidateLeaseChoice) } }
        choice.removeAll(keepingCapacity: true)
        // Borrow the scratch buffer (swap, not copy, so it stays uniquely owned).
        var open: [Int] = []
        swap(&open, &openScratch)
        open.removeAll(keepingCapacity: true)
        for f in 0..<policy.cityCount where eligible[f] && closed & (1 << UInt64(f)) == 0 {
            let inst = policy.instruments[f]
            if inst.kind == .financing && inst.unit == kind { open.append(f) }
        }
        defer { swap(&open, &openScratch) }
        if !policy.oneInstrumentPerContract {
            var total: Int64 = 0, count = 0
            for f in open {
                total += outcome.amount[f]
                var any = false
                for u in 0..<n where unitEligible[f * unitCapacity + u] { any = true }
                if any { count += 1 }
            }
            for _ in 0..<n { choice.append(-1); sequence.append(Int.max) }
            return (total, count, true)
        }
        search.reset(instruments: open.count)
        for (position, f) in open.enumerated() {
            let inst = policy.instruments[f]
            if inst.capScope == .project && !inst.capAdvisory && inst.cap != Int64.max { search.setCap(position, inst.cap) }
        }
        for u in 0..<n {
            for (position, f) in open.enumerated() where unitEligible[f * unitCapacity + u] {
                search.addOption(instrument: position, value: unitValue[f * unitCapacity + u])
            }
            search.endContract()
        }
        search.run()
        for u in 0..<n {
            let c = search.choice[u]
            choice.append(c < 0 ? -1 : open[c])
            sequence.append(c < 0 ? Int.max : policy.instruments[open[c]].order)
        }
        return (search.total, search.usedCount, search.exhaustive)
    }

    /// Fills the recommended amounts and their payments by year from the best candidate.
    private mutating func lines(_ policy: CompiledPolicy, _ p: Population, _ i: Int) {
        var total: Int64 = 0
        let city = policy.cityCount
        for g in 0..<city where bestGrants & (1 << UInt64(g)) != 0 {
            outcome.inCombination[g] = true
            outcome.recommended[g] = outcome.amount[g]
            total += outcome.amount[g]
            pay(g, year: outcome.year, outcome.amount[g])
        }
        for f in 0..<city where eligible[f] && policy.instruments[f].kind == .financing {
            let inst = policy.instruments[f]
            let closed = policy.replacementsApply && (0..<city).contains { bestGrants & (1 << UInt64($0)) != 0 && policy.instruments[$0].replaces & (1 << UInt64(f)) != 0 }
            if closed { continue }
            let choice = inst.unit == .loan ? outcome.loanChoice : outcome.leaseChoice
            let (first, count) = inst.unit == .loan ? (Int(p.loanStart[i]), p.loanCount(of: i)) : (Int(p.leaseStart[i]), p.leaseCount(of: i))
            var sum: Int64 = 0
            var assigned = false
            for u in 0..<count where unitEligible[f * unitCapacity + u] && (!policy.oneInstrumentPerContract || choice[u] == f) {
                sum += unitValue[f * unitCapacity + u]
                assigned = true
            }
            guard assigned else { continue }
            let amount = inst.capScope == .project && sum > inst.cap ? inst.cap : sum
            outcome.inCombination[f] = true
            outcome.recommended[f] = amount
            total += amount
            if let base = inst.base, base.isYearly, !inst.unstated {
                payYearly(inst, base, policy, p, f: f, first: first, count: count, choice: choice)
            } else {
                pay(f, year: outcome.year, amount)
            }
        }
        outcome.total = total
    }

    private mutating func pay(_ f: Int, year: Int, _ amount: Int64) {
        guard amount > 0 else { return }
        outcome.paymentInstrument.append(f)
        outcome.paymentYear.append(year)
        outcome.paymentAmount.append(amount)
    }

    /// Yearly payments of a yearly line: each year's amounts over the assigned contracts, paid in
    /// year order until the cap (reading 2).
    private mutating func payYearly(_ inst: CompiledPolicy.Instrument, _ base: Quantity, _ policy: CompiledPolicy, _ p: Population,
                           f: Int, first: Int, count: Int, choice: [Int]) {
        var lo = Int.max, hi = Int.min
        let discount = policy.discounts[f]
        // Each year's amount of one contract: ratio × base, or the days of a discount (N1).
        func forEachYear(_ k: Int, _ body: (Int, Int64) -> Void) {
            if let discount { Self.forEachDiscountYear(discount, p, loan: k, body); return }
            let ratio = Ratio(numerator: inst.ratioNumerator, scale: inst.ratioScale)
            Self.forEachWindowYear(inst, base, p, loan: k) { year, amount in body(year, ratio.apply(to: Money(fen: amount)).fen) }
        }
        for u in 0..<count where unitEligible[f * unitCapacity + u] && (!policy.oneInstrumentPerContract || choice[u] == f) {
            if discount != nil {
                forEachYear(first + u) { year, _ in lo = min(lo, year); hi = max(hi, year) }
                continue
            }
            for j in Int(p.interestStart[first + u])..<Int(p.interestStart[first + u + 1]) {
                lo = min(lo, Int(p.interestYear[j])); hi = max(hi, Int(p.interestYear[j]))
            }
        }
        guard lo <= hi else { return }
        yearSums.removeAll(keepingCapacity: true)
        yearSums.append(contentsOf: repeatElement(0, count: hi - lo + 1))
        for u in 0..<count where unitEligible[f * unitCapacity + u] && (!policy.oneInstrumentPerContract || choice[u] == f) {
            var unitLeft = inst.capScope == .unit ? inst.cap : Int64.max
            forEachYear(first + u) { year, amount in
                var raw = amount
                if raw > unitLeft { raw = unitLeft }
                unitLeft -= raw
                yearSums[year - lo] += raw
            }
        }
        var left = inst.capScope == .project ? inst.cap : Int64.max
        for (k, sum) in yearSums.enumerated() {
            let paid = min(sum, left)
            left -= paid
            pay(f, year: lo + k, paid)
        }
    }
}
