/// Where a population's columns stand, so that a line the bulk reader's fast path started and
/// then declined leaves no trace: everything it wrote after the mark is cut off again (the
/// arrays keep their capacity).
extension Population {
    struct Mark {
        var projects: Int, loans: Int, interest: Int, leases: Int, products: Int, items: Int
    }

    var mark: Mark {
        Mark(projects: categories.count, loans: loanPrincipal.count, interest: interestYear.count,
             leases: leaseInvestment.count, products: productAmount.count, items: itemUnitPrice.count)
    }

    mutating func truncate(to m: Mark) {
        func cut<T>(_ a: inout [T], _ count: Int) { if a.count > count { a.removeSubrange(count...) } }
        cut(&categories, m.projects); cut(&declared, m.projects); cut(&approved, m.projects)
        cut(&newInvestment, m.projects); cut(&innovativeContract, m.projects); cut(&marketContract, m.projects)
        cut(&softwareSales, m.projects); cut(&projectFlags, m.projects); cut(&applicationDate, m.projects)
        cut(&district, m.projects); cut(&industry, m.projects); cut(&projectIds, m.projects)
        cut(&loanStart, m.projects + 1); cut(&leaseStart, m.projects + 1)
        cut(&productStart, m.projects + 1); cut(&itemStart, m.projects + 1)
        cut(&loanPrincipal, m.loans); cut(&loanFlags, m.loans); cut(&loanStartDate, m.loans)
        cut(&loanEndDate, m.loans); cut(&loanPurpose, m.loans); cut(&interestStart, m.loans + 1)
        cut(&interestYear, m.interest); cut(&interestAmount, m.interest)
        cut(&leaseInvestment, m.leases); cut(&leaseFlags, m.leases)
        cut(&productAmount, m.products)
        cut(&itemUnitPrice, m.items); cut(&itemQuantity, m.items); cut(&itemPurchased, m.items)
        cut(&itemInUse, m.items); cut(&itemFlags, m.items); cut(&itemTariffNumerator, m.items)
        cut(&itemTariffScale, m.items)
        if planChecks.keys.contains(where: { $0 >= m.projects }) { planChecks = planChecks.filter { $0.key < m.projects } }
    }
}
