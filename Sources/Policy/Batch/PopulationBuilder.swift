/// Builds a `Population` from validated projects. Appending is amortised: a million projects
/// are laid out in one pass.
public struct PopulationBuilder: Sendable {
    public internal(set) var population: Population
    let categoryIndex: [String: Int]
    var districtIndex: [String: Int]
    var industryIndex: [String: Int] = [:]

    public enum BuildError: Error, CustomStringConvertible {
        case tooManyCategories(Int)
        public var description: String {
            switch self {
            case .tooManyCategories(let n): return "the batch engine handles up to 64 categories; the library has \(n)"
            }
        }
    }

    public init(vocabulary: Vocabulary) throws {
        let ids = vocabulary.categories.keys.sorted()
        guard ids.count <= 64 else { throw BuildError.tooManyCategories(ids.count) }
        categoryIndex = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let districts = vocabulary.districts.map(\.id)
        districtIndex = Dictionary(uniqueKeysWithValues: districts.enumerated().map { ($1, $0) })
        population = Population(categoryIds: ids, districtIds: districts)
    }

    init(categoryIndex: [String: Int], districtIds: [String]) {
        self.categoryIndex = categoryIndex
        districtIndex = Dictionary(uniqueKeysWithValues: districtIds.enumerated().map { ($1, $0) })
        population = Population(categoryIds: categoryIndex.sorted { $0.value < $1.value }.map(\.key), districtIds: districtIds)
    }

    /// The position of an industry code in the population's table, added on first sight.
    mutating func industryIndex(of code: String) -> Int {
        Self.index(&industryIndex, &population.industryCodes, code)
    }

    public mutating func reserve(projects n: Int) {
        population.categories.reserveCapacity(n)
        population.declared.reserveCapacity(n)
        population.approved.reserveCapacity(n)
        population.newInvestment.reserveCapacity(n)
        population.innovativeContract.reserveCapacity(n)
        population.marketContract.reserveCapacity(n)
        population.softwareSales.reserveCapacity(n)
        population.projectFlags.reserveCapacity(n)
        population.applicationDate.reserveCapacity(n)
        population.district.reserveCapacity(n)
        population.industry.reserveCapacity(n)
        population.projectIds.reserveCapacity(n)
    }

    public mutating func append(_ p: Project, enterprise: Enterprise) {
        var mask: UInt64 = 0
        for c in p.categories { if let b = categoryIndex[c] { mask |= 1 << UInt64(b) } }
        population.categories.append(mask)
        population.declared.append(p.investment.declared?.fen ?? -1)
        population.approved.append(p.investment.approved?.fen ?? -1)
        population.newInvestment.append(p.investment.new?.fen ?? -1)
        population.innovativeContract.append(p.innovativeProductContract?.amount.fen ?? -1)
        population.marketContract.append(p.marketContract?.amount.fen ?? -1)
        population.softwareSales.append(p.softwareSales?.amount.fen ?? -1)
        population.projectFlags.append((p.zeroLand ? 1 : 0) | (p.importConfirmation ? 2 : 0))
        population.applicationDate.append(p.applicationDate?.packed ?? 0)
        let district = Self.index(&districtIndex, &population.districtIds, enterprise.district)
        let industry = Self.index(&industryIndex, &population.industryCodes, enterprise.industryCode)
        population.district.append(UInt16(district))
        population.industry.append(UInt16(industry))
        population.projectIds.append(p.id)

        for loan in p.loans {
            population.loanPrincipal.append(loan.principal.fen)
            population.loanFlags.append((loan.catalogueProductId != nil && loan.firstOnMarket ? 1 : 0) | (loan.relendingEligible ? 2 : 0))
            population.loanStartDate.append(loan.startDate?.packed ?? 0)
            population.loanEndDate.append(loan.endDate?.packed ?? 0)
            population.loanPurpose.append(UInt8(LoanPurpose.allCases.firstIndex(of: loan.purpose)!))
            for y in loan.interestPaid {
                population.interestYear.append(Int16(y.year))
                population.interestAmount.append(y.amount.fen)
            }
            population.interestStart.append(Int32(population.interestYear.count))
        }
        population.loanStart.append(Int32(population.loanPrincipal.count))
        for lease in p.leases {
            population.leaseInvestment.append(lease.equipmentInvestment.fen)
            population.leaseFlags.append(lease.innovativeProduct ? 1 : 0)
        }
        population.leaseStart.append(Int32(population.leaseInvestment.count))
        for product in ProjectFacts(p).products { population.productAmount.append(product.amount.fen) }
        population.productStart.append(Int32(population.productAmount.count))
        for item in p.equipment {
            population.itemUnitPrice.append(item.unitPrice.fen)
            population.itemQuantity.append(Int64(item.quantity))
            population.itemPurchased.append((item.purchased ?? item.putIntoUse)?.packed ?? 0)
            population.itemInUse.append(item.putIntoUse?.packed ?? 0)
            population.itemFlags.append((item.imported ? 1 : 0) | (item.replacesOld ? 2 : 0) | (item.nonExemptCatalogue ? 4 : 0))
            population.itemTariffNumerator.append(item.tariffRate?.numerator ?? 0)
            population.itemTariffScale.append(item.tariffRate.map { Int8($0.scale) } ?? -1)
        }
        population.itemStart.append(Int32(population.itemUnitPrice.count))
        if let c = p.planChecks { population.planChecks[population.count] = c }
        population.count += 1
    }

    /// Static: an instance method called with two of the builder's own properties inout made
    /// Swift copy the whole builder (every column retained) for each call, per project.
    static func index(_ table: inout [String: Int], _ list: inout [String], _ key: String) -> Int {
        if let i = table[key] { return i }
        list.append(key)
        table[key] = list.count - 1
        return list.count - 1
    }

    public static func build(_ files: [ProjectFile], vocabulary: Vocabulary) throws -> Population {
        var builder = try PopulationBuilder(vocabulary: vocabulary)
        builder.reserve(projects: files.reduce(0) { $0 + $1.projects.count })
        for file in files { for p in file.projects { builder.append(p, enterprise: file.enterprise) } }
        return builder.population
    }
}
