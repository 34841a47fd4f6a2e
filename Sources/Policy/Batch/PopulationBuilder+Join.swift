/// Populations laid out apart (a block's lines on each core) joined in order: the columns
/// appended, the offsets moved by what came before, the districts and industries (indexes
/// into each part's own tables) mapped into the builder's, in the order they first appear —
/// the population is the one a single builder would have made from the same lines.
extension PopulationBuilder {
    /// An empty builder with this one's tables of categories and districts, for a worker.
    func peer() -> PopulationBuilder {
        PopulationBuilder(categoryIndex: categoryIndex, districtIds: population.districtIds)
    }

    public mutating func append(contentsOf part: Population) {
        guard part.count > 0 else { return }
        var p = population
        population = Population(categoryIds: [], districtIds: [])
        defer { population = p }
        p.categories += part.categories
        p.declared += part.declared
        p.approved += part.approved
        p.newInvestment += part.newInvestment
        p.innovativeContract += part.innovativeContract
        p.marketContract += part.marketContract
        p.softwareSales += part.softwareSales
        p.projectFlags += part.projectFlags
        p.applicationDate += part.applicationDate
        // No `reserveCapacity(count + part.count)` on the columns: it reserves exactly that, so
        // every join reallocated and copied the whole column (quadratic in the file: a fifth of
        // reading a million projects); appending grows them geometrically.
        // Mapped as they are met, so that the builder's tables grow in the order of first
        // appearance (a part's own table may hold codes of earlier blocks).
        var districts = [Int](repeating: -1, count: part.districtIds.count)
        for d in part.district {
            if districts[Int(d)] < 0 { districts[Int(d)] = Self.index(&districtIndex, &p.districtIds, part.districtIds[Int(d)]) }
            p.district.append(UInt16(districts[Int(d)]))
        }
        var industries = [Int](repeating: -1, count: part.industryCodes.count)
        for c in part.industry {
            if industries[Int(c)] < 0 { industries[Int(c)] = Self.index(&industryIndex, &p.industryCodes, part.industryCodes[Int(c)]) }
            p.industry.append(UInt16(industries[Int(c)]))
        }
        p.projectIds += part.projectIds
        func offsets(_ mine: inout [Int32], _ theirs: [Int32], by base: Int32) {
            mine.append(contentsOf: theirs.dropFirst().lazy.map { $0 + base })
        }
        offsets(&p.loanStart, part.loanStart, by: Int32(p.loanPrincipal.count))
        offsets(&p.leaseStart, part.leaseStart, by: Int32(p.leaseInvestment.count))
        offsets(&p.productStart, part.productStart, by: Int32(p.productAmount.count))
        offsets(&p.itemStart, part.itemStart, by: Int32(p.itemUnitPrice.count))
        offsets(&p.interestStart, part.interestStart, by: Int32(p.interestYear.count))
        p.loanPrincipal += part.loanPrincipal
        p.loanFlags += part.loanFlags
        p.loanStartDate += part.loanStartDate
        p.loanEndDate += part.loanEndDate
        p.loanPurpose += part.loanPurpose
        p.interestYear += part.interestYear
        p.interestAmount += part.interestAmount
        p.leaseInvestment += part.leaseInvestment
        p.leaseFlags += part.leaseFlags
        p.productAmount += part.productAmount
        p.itemUnitPrice += part.itemUnitPrice
        p.itemQuantity += part.itemQuantity
        p.itemPurchased += part.itemPurchased
        p.itemInUse += part.itemInUse
        p.itemFlags += part.itemFlags
        p.itemTariffNumerator += part.itemTariffNumerator
        p.itemTariffScale += part.itemTariffScale
        // The stated checks are kept by project position: moved by the projects before.
        for (k, checks) in part.planChecks { p.planChecks[p.count + k] = checks }
        p.count += part.count
    }
}
