/// A project seen through the engine's vocabulary: its units of each kind, and the quantities,
/// flags and dates that conditions and bases read.
struct ProjectFacts {
    let project: Project
    /// The products of (五): certification and testing contracts grouped by product id, in order
    /// of first appearance, summed (reading 9).
    let products: [(id: String, amount: Money)]
    /// The innovative-product catalogue, when the caller has one (十七); nil: the project's
    /// declarations stand, as they did before the catalogue existed.
    let catalogue: CatalogueSnapshot?
    /// The recognitions (十六) and the enterprise's designations (十八), likewise.
    let recognitions: RecognitionSnapshot?
    let designations: DesignationSnapshot?

    init(_ project: Project, catalogue: CatalogueSnapshot? = nil, recognitions: RecognitionSnapshot? = nil,
         designations: DesignationSnapshot? = nil) {
        self.project = project
        self.catalogue = catalogue
        self.recognitions = recognitions
        self.designations = designations
        var order: [String] = []
        var sums: [String: Money] = [:]
        for c in project.certifications {
            if sums[c.productId] == nil { order.append(c.productId) }
            sums[c.productId, default: .zero] += c.amount
        }
        products = order.map { ($0, sums[$0]!) }
    }

    func unitCount(_ kind: UnitKind) -> Int {
        switch kind {
        case .project: return 1
        case .loan: return project.loans.count
        case .lease: return project.leases.count
        case .product: return products.count
        case .equipment: return project.equipment.count
        }
    }

    func unitId(_ kind: UnitKind, _ i: Int) -> String {
        switch kind {
        case .project: return project.id
        case .loan: return project.loans[i].id
        case .lease: return project.leases[i].id
        case .product: return products[i].id
        case .equipment: return "\(i + 1)"
        }
    }

    func unitLabel(_ kind: UnitKind, _ i: Int) -> String {
        switch kind {
        case .project: return project.name
        case .loan: return project.loans[i].lender
        case .lease: return project.leases[i].lessor
        case .product: return products[i].id
        case .equipment: return project.equipment[i].name
        }
    }

    enum Value {
        case money(Money?)
        case yearly([YearAmount])
        case ratio(Ratio?)
    }

    /// A quantity of the project (unit ignored) or of unit `i`.
    func quantity(_ q: Quantity, unit i: Int) -> Value {
        let p = project
        switch q {
        case .investmentDeclared: return .money(p.investment.declared)
        case .investmentApproved: return .money(p.investment.approved)
        case .investmentApprovedOrDeclared: return .money(p.investment.approved ?? p.investment.declared)
        case .investmentNew: return .money(p.investment.new)
        case .innovativeProductContract: return .money(p.innovativeProductContract?.amount)
        case .marketContract: return .money(p.marketContract?.amount)
        case .softwareSales: return .money(p.softwareSales?.amount)
        case .equipmentTotal: return .money(p.equipment.isEmpty ? nil : p.equipment.map(\.value).sum())
        case .loanPrincipal: return .money(p.loans[i].principal)
        case .loanInterestPaid: return .yearly(p.loans[i].interestPaid)
        case .loanPrincipalByDay:
            // The figure a condition would see; the amounts themselves come from DailyDiscount.
            return .money(p.loans[i].principal)
        case .leaseEquipmentInvestment: return .money(p.leases[i].equipmentInvestment)
        case .productCertificationTesting: return .money(products[i].amount)
        case .itemValue: return .money(p.equipment[i].value)
        case .itemUnitPrice: return .money(p.equipment[i].unitPrice)
        case .itemTariffRate: return .ratio(p.equipment[i].tariffRate)
        }
    }

    /// Whether the quantity stands in for a missing figure (reading 8).
    func isProvisional(_ q: Quantity) -> Bool {
        q == .investmentApprovedOrDeclared && project.investment.approved == nil && project.investment.declared != nil
    }

    func flag(_ f: Flag, unit i: Int) -> Bool {
        let p = project
        switch f {
        case .zeroLand: return p.zeroLand
        case .importConfirmation: return p.importConfirmation
        case .loanCatalogueFirstOnMarket: return p.loans[i].catalogueProductId != nil && p.loans[i].firstOnMarket
        case .loanRelendingEligible: return p.loans[i].relendingEligible
        case .leaseInnovativeProduct: return p.leases[i].innovativeProduct
        case .itemImported: return p.equipment[i].imported
        case .itemReplacesOld: return p.equipment[i].replacesOld
        case .itemNonExemptCatalogue: return p.equipment[i].nonExemptCatalogue
        }
    }

    func date(_ d: DateField, unit i: Int) -> Day? {
        if d == .loanStart { return project.loans[i].startDate }
        let item = project.equipment[i]
        switch d {
        case .loanStart: return nil
        case .itemPurchased: return item.purchased ?? item.putIntoUse
        case .itemPutIntoUse: return item.putIntoUse
        }
    }
}
