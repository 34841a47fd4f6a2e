import FluentKit
import Foundation
import Policy

/// Between the stored rows and the engine's `Project`: the one place that knows both.
extension ProjectModel {
    /// Copies the project's scalar fields in (children are written separately).
    func assign(_ p: Project, enterpriseID: UUID, enterpriseName: String, district: String, evaluation: Combination) {
        assign(p, enterpriseID: enterpriseID, enterpriseName: enterpriseName, district: district,
               recommendedFen: evaluation.total.fen, instruments: evaluation.lines.map(\.id))
    }

    func assign(_ p: Project, enterpriseID: UUID, enterpriseName: String, district: String, recommendedFen: Int64, instruments: [String]) {
        $enterprise.id = enterpriseID
        code = p.id
        name = p.name
        nationalCode = p.nationalCode
        startDate = p.startDate?.iso
        endDate = p.endDate?.iso
        applicationDate = p.applicationDate?.iso
        declaredFen = p.investment.declared?.fen
        approvedFen = p.investment.approved?.fen
        newFen = p.investment.new?.fen
        zeroLand = p.zeroLand
        importConfirmation = p.importConfirmation
        innovativeContractFen = p.innovativeProductContract?.amount.fen
        innovativeContractProduct = p.innovativeProductContract?.productId
        marketContractFen = p.marketContract?.amount.fen
        marketContractProduct = p.marketContract?.productId
        softwareSalesFen = p.softwareSales?.amount.fen
        softwareSalesProduct = p.softwareSales?.productId
        innovativeContractNumber = p.innovativeProductContract?.contractNumber
        marketContractNumber = p.marketContract?.contractNumber
        softwareSalesNumber = p.softwareSales?.contractNumber
        planChecks = p.planChecks.map(\.storedText)
        projectJSON = Self.storedJSON(p)
        self.recommendedFen = recommendedFen
        recommendedInstruments = Self.instrumentList(instruments)
        searchText = Self.searchText(p, enterpriseName: enterpriseName)
        self.district = district
    }

    /// The project's object as kept in `project_json`: what the project-file writer writes.
    static func storedJSON(_ p: Project) -> String {
        ProjectFileWriter.project(p).serialized()
    }

    /// What the text filter searches: the project's name and id and the enterprise's name, lower-cased.
    static func searchText(_ p: Project, enterpriseName: String) -> String {
        [p.name, p.id, enterpriseName].joined(separator: " ").lowercased()
    }

    /// The instruments of a combination as stored: `,7a,7c,`, so that a filter for one is a
    /// LIKE on `,7a,`.
    static func instrumentList(_ instruments: [String]) -> String {
        "," + instruments.joined(separator: ",") + ","
    }

    /// The child rows of a project, with fresh ids, ready for batch inserts.
    static func children(of p: Project, projectID: UUID) -> ProjectChildren {
        var c = ProjectChildren()
        for category in p.categories.sorted() { c.categories.append(ProjectCategoryModel(projectID: projectID, category: category)) }
        for (k, loan) in p.loans.enumerated() {
            let m = LoanModel()
            let loanID = UUID()
            m.id = loanID
            m.$project.id = projectID
            m.position = k
            m.code = loan.id
            m.lender = loan.lender
            m.principalFen = loan.principal.fen
            m.rate = loan.rate?.decimalString
            m.startDate = loan.startDate?.iso
            m.endDate = loan.endDate?.iso
            m.catalogueProductId = loan.catalogueProductId
            m.firstOnMarket = loan.firstOnMarket
            m.relendingEligible = loan.relendingEligible
            m.purpose = loan.purpose == .equipment ? nil : loan.purpose.rawValue
            m.contractNumber = loan.contractNumber
            c.loans.append(m)
            for y in loan.interestPaid { c.interest.append(LoanInterestModel(loanID: loanID, year: y.year, amountFen: y.amount.fen)) }
        }
        for (k, lease) in p.leases.enumerated() {
            let m = LeaseModel()
            m.id = UUID()
            m.$project.id = projectID
            m.position = k
            m.code = lease.id
            m.lessor = lease.lessor
            m.equipmentInvestmentFen = lease.equipmentInvestment.fen
            m.startDate = lease.startDate?.iso
            m.endDate = lease.endDate?.iso
            m.innovativeProduct = lease.innovativeProduct
            m.catalogueProductId = lease.catalogueProductId
            m.contractNumber = lease.contractNumber
            c.leases.append(m)
        }
        for (k, item) in p.equipment.enumerated() {
            let m = EquipmentItemModel()
            m.id = UUID()
            m.$project.id = projectID
            m.position = k
            m.name = item.name
            m.quantity = item.quantity
            m.unitPriceFen = item.unitPrice.fen
            m.purchased = item.purchased?.iso
            m.putIntoUse = item.putIntoUse?.iso
            m.replacesOld = item.replacesOld
            m.imported = item.imported
            m.tariffRate = item.tariffRate?.decimalString
            m.nonExemptCatalogue = item.nonExemptCatalogue
            m.catalogueProductId = item.catalogueProductId
            m.serialNumber = item.serialNumber
            m.invoiceNumber = item.invoiceNumber
            c.equipment.append(m)
        }
        for (k, cert) in p.certifications.enumerated() {
            let m = CertificationModel()
            m.id = UUID()
            m.$project.id = projectID
            m.position = k
            m.productId = cert.productId
            m.kind = cert.kind.rawValue
            m.amountFen = cert.amount.fen
            m.contractNumber = cert.contractNumber
            c.certifications.append(m)
        }
        return c
    }

    /// The engine's project, from a model loaded with its children.
    public func domain() -> Project {
        func day(_ s: String?) -> Day? { s.flatMap(Day.init(iso:)) }
        func money(_ f: Int64?) -> Money? { f.map(Money.init(fen:)) }
        var p = Project(id: code, name: name, nationalCode: nationalCode, categories: Set(categories.map(\.category)),
                        startDate: day(startDate), endDate: day(endDate), applicationDate: day(applicationDate),
                        investment: Investment(declared: money(declaredFen), approved: money(approvedFen), new: money(newFen)),
                        zeroLand: zeroLand, importConfirmation: importConfirmation)
        p.loans = loans.sorted { $0.position < $1.position }.map { l in
            Loan(id: l.code, lender: l.lender, principal: Money(fen: l.principalFen), rate: l.rate.flatMap(Ratio.init(text:)),
                 startDate: day(l.startDate), endDate: day(l.endDate),
                 interestPaid: l.interest.sorted { $0.year < $1.year }.map { YearAmount(year: $0.year, amount: Money(fen: $0.amountFen)) },
                 catalogueProductId: l.catalogueProductId, firstOnMarket: l.firstOnMarket, relendingEligible: l.relendingEligible,
                 purpose: l.purpose.flatMap(LoanPurpose.init(rawValue:)) ?? .equipment, contractNumber: l.contractNumber)
        }
        p.leases = leases.sorted { $0.position < $1.position }.map { l in
            Lease(id: l.code, lessor: l.lessor, equipmentInvestment: Money(fen: l.equipmentInvestmentFen), startDate: day(l.startDate),
                  endDate: day(l.endDate), innovativeProduct: l.innovativeProduct, catalogueProductId: l.catalogueProductId,
                  contractNumber: l.contractNumber)
        }
        p.equipment = equipment.sorted { $0.position < $1.position }.map { e in
            EquipmentItem(name: e.name, quantity: e.quantity, unitPrice: Money(fen: e.unitPriceFen), purchased: day(e.purchased),
                          putIntoUse: day(e.putIntoUse), replacesOld: e.replacesOld, imported: e.imported,
                          tariffRate: e.tariffRate.flatMap(Ratio.init(text:)), nonExemptCatalogue: e.nonExemptCatalogue,
                          catalogueProductId: e.catalogueProductId, serialNumber: e.serialNumber, invoiceNumber: e.invoiceNumber)
        }
        p.certifications = certifications.sorted { $0.position < $1.position }.map {
            CertificationContract(productId: $0.productId, kind: CertificationContract.Kind(rawValue: $0.kind) ?? .certification,
                                  amount: Money(fen: $0.amountFen), contractNumber: $0.contractNumber)
        }
        p.innovativeProductContract = innovativeContractFen.map {
            ProductContract(productId: innovativeContractProduct, amount: Money(fen: $0), contractNumber: innovativeContractNumber)
        }
        p.marketContract = marketContractFen.map { ProductContract(productId: marketContractProduct, amount: Money(fen: $0), contractNumber: marketContractNumber) }
        p.softwareSales = softwareSalesFen.map { ProductContract(productId: softwareSalesProduct, amount: Money(fen: $0), contractNumber: softwareSalesNumber) }
        p.planChecks = planChecks.flatMap(PlanChecks.stored)
        return p
    }
}

/// The child rows of one project, written with one batch insert per table.
struct ProjectChildren {
    var categories: [ProjectCategoryModel] = []
    var loans: [LoanModel] = []
    var interest: [LoanInterestModel] = []
    var leases: [LeaseModel] = []
    var equipment: [EquipmentItemModel] = []
    var certifications: [CertificationModel] = []

    mutating func append(_ other: ProjectChildren) {
        categories += other.categories
        loans += other.loans
        interest += other.interest
        leases += other.leases
        equipment += other.equipment
        certifications += other.certifications
    }

    func create(on db: any Database) async throws {
        // Parents before children: loans before their interest.
        try await Self.insert(categories, on: db)
        try await Self.insert(loans, on: db)
        try await Self.insert(interest, on: db)
        try await Self.insert(leases, on: db)
        try await Self.insert(equipment, on: db)
        try await Self.insert(certifications, on: db)
    }

    /// Multi-row inserts of at most 500 rows, under SQLite's limit on bound parameters.
    static func insert<M: Model>(_ rows: [M], on db: any Database) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + 500, rows.count)
            try await Array(rows[start..<end]).create(on: db)
            start = end
        }
    }
}

extension EnterpriseModel {
    /// The engine's enterprise.
    public func domain() -> Enterprise {
        Enterprise(creditCode: creditCode, name: name, district: district, industryCode: industryCode,
                   legalRepresentative: legalRepresentative, address: address, phone: phone)
    }
}
