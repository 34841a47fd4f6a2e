/// The scanner's projects: the checks of `ProjectFileReader+Project`, each project's values
/// written to the population's columns as `PopulationBuilder.append` writes them. The columns
/// of a project's own values are written at its end (its members come in any order); its
/// loans, leases and items as each ends.
extension ProjectLineScanner {
    static let kinds: [[UInt8]] = ["certification", "testing"].map { Array($0.utf8) }

    mutating func project(_ p: inout Population) throws(Decline) {
        try take(123)
        guard projectIds.count < Self.maxPerLine else { throw Decline() }
        if !loanIds.isEmpty { loanIds.removeAll(keepingCapacity: true) }
        if !leaseIds.isEmpty { leaseIds.removeAll(keepingCapacity: true) }
        if !products.isEmpty { products.removeAll(keepingCapacity: true) }
        var seen: UInt32 = 0
        var id = Span(start: 0, end: 0)
        var mask: UInt64 = 0
        var declared: Int64 = -1, approved: Int64 = -1, new: Int64 = -1
        var innovative: Int64 = -1, market: Int64 = -1, software: Int64 = -1
        var flags: UInt8 = 0
        var start: Int32 = 0, end: Int32 = 0, applied: Int32 = 0
        if !empty(125) {
            repeat {
                let k = try key(tables.projectKeys, after: seen)
                try Self.see(&seen, k)
                switch k {
                case 0: id = try text(.identifier)
                case 1: _ = try text(.name)
                case 2: try nationalCode()
                case 3:
                    try take(91)
                    if !empty(93) {
                        repeat {
                            let s = try rawString()
                            guard let c = tables.categories.first(where: { equal($0.text, s) }) else { throw Decline() }
                            mask |= c.bit
                        } while try more(93)
                    }
                case 4: start = try day()
                case 5: end = try day()
                case 6: applied = try day()
                case 7:
                    try take(123)
                    var s: UInt32 = 0
                    if !empty(125) {
                        repeat {
                            let m = try key(tables.investmentKeys, after: s)
                            try Self.see(&s, m)
                            let v = try money()
                            if m == 0 { declared = v } else if m == 1 { approved = v } else { new = v }
                        } while try more(125)
                    }
                case 8: if try bool() { flags |= 1 }
                case 9: if try bool() { flags |= 2 }
                case 10: try list { (me: inout Self) throws(Decline) in try me.item(&p) }
                case 11: try list { (me: inout Self) throws(Decline) in try me.loan(&p) }
                case 12: try list { (me: inout Self) throws(Decline) in try me.lease(&p) }
                case 13: try list { (me: inout Self) throws(Decline) in try me.certification() }
                case 14: innovative = try contract()
                case 15: market = try contract()
                default: software = try contract()
                }
            } while try more(125)
        }
        guard seen & 1 != 0, start == 0 || end == 0 || end >= start else { throw Decline() }
        try unique(loanIds)
        try unique(leaseIds)
        for earlier in projectIds where same(earlier, id) { throw Decline() }
        projectIds.append(id)

        p.categories.append(mask)
        p.declared.append(declared)
        p.approved.append(approved)
        p.newInvestment.append(new)
        p.innovativeContract.append(innovative)
        p.marketContract.append(market)
        p.softwareSales.append(software)
        p.projectFlags.append(flags)
        p.applicationDate.append(applied)
        p.projectIds.append(string(id))
        p.loanStart.append(Int32(p.loanPrincipal.count))
        p.leaseStart.append(Int32(p.leaseInvestment.count))
        for product in products { p.productAmount.append(product.amount) }
        p.productStart.append(Int32(p.productAmount.count))
        p.itemStart.append(Int32(p.itemUnitPrice.count))
    }

    /// An array of objects, each read by `element`, at most `maxPerLine` of them.
    mutating func list(_ element: (inout Self) throws(Decline) -> Void) throws(Decline) {
        try take(91)
        guard !empty(93) else { return }
        var count = 0
        repeat {
            count += 1
            guard count <= Self.maxPerLine else { throw Decline() }
            try element(&self)
        } while try more(93)
    }

    func unique(_ ids: [Span]) throws(Decline) {
        guard ids.count > 1 else { return }
        for x in 1..<ids.count { for y in 0..<x where same(ids[x], ids[y]) { throw Decline() } }
    }

    /// An equipment item: name, quantity and unit price required, dates in order, a tariff rate
    /// only on imported equipment, quantity × unit price within the amounts handled.
    mutating func item(_ p: inout Population) throws(Decline) {
        try take(123)
        var seen: UInt32 = 0
        var quantity: Int64 = 0, price: Int64 = 0
        var purchased: Int32 = 0, inUse: Int32 = 0
        var flags: UInt8 = 0
        var tariff: (numerator: Int64, scale: Int8) = (0, -1)
        if !empty(125) {
            repeat {
                let k = try key(tables.equipmentKeys, after: seen)
                try Self.see(&seen, k)
                switch k {
                case 0: _ = try text(.name)
                case 1: quantity = try self.quantity()
                case 2: price = try money()
                case 3: purchased = try day()
                case 4: inUse = try day()
                case 5: if try bool() { flags |= 2 }
                case 6: if try bool() { flags |= 1 }
                case 7: tariff = try rate()
                case 8: if try bool() { flags |= 4 }
                default: _ = try text(.identifier)
                }
            } while try more(125)
        }
        guard seen & 0b111 == 0b111, purchased == 0 || inUse == 0 || inUse >= purchased,
              tariff.scale < 0 || flags & 1 != 0, price <= DecimalText.limit / quantity else { throw Decline() }
        p.itemUnitPrice.append(price)
        p.itemQuantity.append(quantity)
        p.itemPurchased.append(purchased != 0 ? purchased : inUse)
        p.itemInUse.append(inUse)
        p.itemFlags.append(flags)
        p.itemTariffNumerator.append(tariff.numerator)
        p.itemTariffScale.append(tariff.scale)
    }

    /// A loan: id and principal required, dates in order, interest by year within them, a
    /// product id with a first time on the market, a known purpose.
    mutating func loan(_ p: inout Population) throws(Decline) {
        try take(123)
        var seen: UInt32 = 0
        var principal: Int64 = 0
        var start: Int32 = 0, end: Int32 = 0
        var product = false, first = false, relending = false
        var purpose: UInt8 = 0
        let interestFrom = p.interestYear.count
        if !empty(125) {
            repeat {
                let k = try key(tables.loanKeys, after: seen)
                try Self.see(&seen, k)
                switch k {
                case 0:
                    guard loanIds.count < Self.maxPerLine else { throw Decline() }
                    loanIds.append(try text(.identifier))
                case 1: _ = try text(.name)
                case 2: principal = try money()
                case 3: _ = try rate()
                case 4: start = try day()
                case 5: end = try day()
                case 6: try interest(&p)
                case 7: _ = try text(.identifier); product = true
                case 8: first = try bool()
                case 9: relending = try bool()
                case 10:
                    let s = try rawString()
                    guard let k = tables.purposes.firstIndex(where: { equal($0, s) }) else { throw Decline() }
                    purpose = UInt8(k)
                default: _ = try text(.identifier)
                }
            } while try more(125)
        }
        guard seen & 0b101 == 0b101, start == 0 || end == 0 || end >= start, !first || product else { throw Decline() }
        // Interest years within the loan's years, then in year order (keys are unique).
        let from = start / 10000, to = end / 10000
        for k in interestFrom..<p.interestYear.count {
            let year = Int32(p.interestYear[k])
            guard start == 0 || year >= from, end == 0 || year <= to else { throw Decline() }
        }
        if p.interestYear.count - interestFrom > 1 {
            for x in (interestFrom + 1)..<p.interestYear.count {
                var y = x
                while y > interestFrom, p.interestYear[y - 1] > p.interestYear[y] {
                    p.interestYear.swapAt(y - 1, y)
                    p.interestAmount.swapAt(y - 1, y)
                    y -= 1
                }
            }
        }
        p.interestStart.append(Int32(p.interestYear.count))
        p.loanPrincipal.append(principal)
        p.loanFlags.append((first ? 1 : 0) | (relending ? 2 : 0))
        p.loanStartDate.append(start)
        p.loanEndDate.append(end)
        p.loanPurpose.append(purpose)
    }

    /// `{"2024": "350000", …}`: four-digit years from 1990 to 2100, amounts of yuan.
    mutating func interest(_ p: inout Population) throws(Decline) {
        try take(123)
        guard !empty(125) else { return }
        var count = 0
        repeat {
            let s = try rawString()
            guard s.count == 4 else { throw Decline() }
            var year = 0
            for k in s.start..<s.end {
                guard b[k] >= 48 && b[k] <= 57 else { throw Decline() }
                year = year * 10 + Int(b[k] - 48)
            }
            guard (1990...2100).contains(year) else { throw Decline() }
            count += 1
            guard count <= Self.maxPerLine else { throw Decline() }
            // A year twice is the parser's duplicate key.
            for k in (p.interestYear.count - count + 1)..<p.interestYear.count where Int(p.interestYear[k]) == year { throw Decline() }
            try take(58)
            let amount = try money()
            p.interestYear.append(Int16(year))
            p.interestAmount.append(amount)
        } while try more(125)
    }

    mutating func lease(_ p: inout Population) throws(Decline) {
        try take(123)
        var seen: UInt32 = 0
        var investment: Int64 = 0
        var start: Int32 = 0, end: Int32 = 0
        var innovative = false
        if !empty(125) {
            repeat {
                let k = try key(tables.leaseKeys, after: seen)
                try Self.see(&seen, k)
                switch k {
                case 0:
                    guard leaseIds.count < Self.maxPerLine else { throw Decline() }
                    leaseIds.append(try text(.identifier))
                case 1: _ = try text(.name)
                case 2: investment = try money()
                case 3: start = try day()
                case 4: end = try day()
                case 5: innovative = try bool()
                default: _ = try text(.identifier)
                }
            } while try more(125)
        }
        guard seen & 0b101 == 0b101, start == 0 || end == 0 || end >= start else { throw Decline() }
        p.leaseInvestment.append(investment)
        p.leaseFlags.append(innovative ? 1 : 0)
    }

    /// A certification or testing contract, summed into its product (first appearance order).
    mutating func certification() throws(Decline) {
        try take(123)
        var seen: UInt32 = 0
        var product = Span(start: 0, end: 0)
        var amount: Int64 = 0
        if !empty(125) {
            repeat {
                let k = try key(tables.certificationKeys, after: seen)
                try Self.see(&seen, k)
                switch k {
                case 0: product = try text(.identifier)
                case 1:
                    let s = try rawString()
                    guard Self.kinds.contains(where: { equal($0, s) }) else { throw Decline() }
                case 2: amount = try money()
                default: _ = try text(.identifier)
                }
            } while try more(125)
        }
        guard seen & 0b111 == 0b111 else { throw Decline() }
        if let k = products.firstIndex(where: { same($0.id, product) }) { products[k].amount += amount } else {
            products.append((product, amount))
        }
    }

    /// A product contract's amount (its product id and number checked, not laid out).
    mutating func contract() throws(Decline) -> Int64 {
        try take(123)
        var seen: UInt32 = 0
        var amount: Int64 = 0
        if !empty(125) {
            repeat {
                let k = try key(tables.contractKeys, after: seen)
                try Self.see(&seen, k)
                if k == 1 { amount = try money() } else { _ = try text(.identifier) }
            } while try more(125)
        }
        guard seen & 0b10 != 0 else { throw Decline() }
        return amount
    }
}
