/// Room reserved ahead for a population read from a file, from what its first block held: the
/// columns then grow once instead of doubling as they fill, each doubling copying the column
/// and touching fresh pages on the one core that joins the shares (a tenth of reading a
/// million projects on two cores went to it).
extension PopulationBuilder {
    /// Reserves every column for `total / done` times what it holds now (a file's size over the
    /// bytes read so far), and a thirty-second more for the file's unevenness; a column that
    /// outgrows it doubles as before.
    public mutating func reserve(scaling total: Int, over done: Int) {
        guard done > 0, total > done else { return }
        func grow<T>(_ column: inout [T]) {
            let want = column.count.multipliedReportingOverflow(by: total)
            guard !want.overflow else { return }
            let n = want.partialValue / done
            column.reserveCapacity(n + n / 32)
        }
        var p = population
        population = Population(categoryIds: [], districtIds: [])
        defer { population = p }
        grow(&p.categories); grow(&p.declared); grow(&p.approved); grow(&p.newInvestment)
        grow(&p.innovativeContract); grow(&p.marketContract); grow(&p.softwareSales)
        grow(&p.projectFlags); grow(&p.applicationDate); grow(&p.district); grow(&p.industry); grow(&p.projectIds)
        grow(&p.loanStart); grow(&p.leaseStart); grow(&p.productStart); grow(&p.itemStart); grow(&p.interestStart)
        grow(&p.loanPrincipal); grow(&p.loanFlags); grow(&p.loanStartDate); grow(&p.loanEndDate); grow(&p.loanPurpose)
        grow(&p.interestYear); grow(&p.interestAmount); grow(&p.leaseInvestment); grow(&p.leaseFlags)
        grow(&p.productAmount)
        grow(&p.itemUnitPrice); grow(&p.itemQuantity); grow(&p.itemPurchased); grow(&p.itemInUse)
        grow(&p.itemFlags); grow(&p.itemTariffNumerator); grow(&p.itemTariffScale)
    }
}
