/// What an enterprise declares: itself and its projects. This is the validated form of the
/// project format documented in `Schemas/project-file.schema.json`; only `ProjectFileReader`
/// makes these, so every value here has passed validation.
public struct ProjectFile: Sendable, Equatable {
    public var enterprise: Enterprise
    public var projects: [Project]

    public init(enterprise: Enterprise, projects: [Project]) {
        self.enterprise = enterprise
        self.projects = projects
    }
}

public struct Enterprise: Sendable, Equatable {
    /// The 18-character unified social credit code (GB 32100-2015), check character verified.
    public var creditCode: String
    public var name: String
    /// A district id of the policy library, e.g. `pudong`.
    public var district: String
    /// The industry code of GB/T 4754, e.g. `C3484`.
    public var industryCode: String
    /// The legal representative (法定代表人), the registered address (注册地址) and a contact
    /// phone (联系电话): optional, read for the risk flags (enterprises sharing one of them).
    public var legalRepresentative: String?
    public var address: String?
    /// Digits, spaces, `+` and `-` only (checked by the reader).
    public var phone: String?

    public init(creditCode: String, name: String, district: String, industryCode: String,
                legalRepresentative: String? = nil, address: String? = nil, phone: String? = nil) {
        self.creditCode = creditCode
        self.name = name
        self.district = district
        self.industryCode = industryCode
        self.legalRepresentative = legalRepresentative
        self.address = address
        self.phone = phone
    }
}

public struct Project: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The national 24-character project code (GB/T 40058-2021), when the project has one.
    public var nationalCode: String?
    /// Categories and designations from the policy library's vocabulary.
    public var categories: Set<String>
    public var startDate: Day?
    public var endDate: Day?
    /// The date the project applied; the policy in force on it is the one applied.
    public var applicationDate: Day?
    public var investment: Investment
    /// "Zero-land" technical renovation (no new land, mainly equipment): measure (八).
    public var zeroLand: Bool
    /// The investment authority's confirmation letter for duty-free import (N4).
    public var importConfirmation: Bool
    public var equipment: [EquipmentItem]
    public var loans: [Loan]
    public var leases: [Lease]
    public var certifications: [CertificationContract]
    public var innovativeProductContract: ProductContract?
    public var marketContract: ProductContract?
    public var softwareSales: ProductContract?
    /// The checks the plan states (十二)(十四)(十五): data centre, IT renewal, smart-factory
    /// assessment, second-hand grading; nil when the project declares none.
    public var planChecks: PlanChecks? = nil

    public init(id: String, name: String = "", nationalCode: String? = nil, categories: Set<String> = [],
                startDate: Day? = nil, endDate: Day? = nil, applicationDate: Day? = nil,
                investment: Investment = Investment(), zeroLand: Bool = false, importConfirmation: Bool = false,
                equipment: [EquipmentItem] = [], loans: [Loan] = [], leases: [Lease] = [],
                certifications: [CertificationContract] = [], innovativeProductContract: ProductContract? = nil,
                marketContract: ProductContract? = nil, softwareSales: ProductContract? = nil) {
        self.id = id
        self.name = name
        self.nationalCode = nationalCode
        self.categories = categories
        self.startDate = startDate
        self.endDate = endDate
        self.applicationDate = applicationDate
        self.investment = investment
        self.zeroLand = zeroLand
        self.importConfirmation = importConfirmation
        self.equipment = equipment
        self.loans = loans
        self.leases = leases
        self.certifications = certifications
        self.innovativeProductContract = innovativeProductContract
        self.marketContract = marketContract
        self.softwareSales = softwareSales
    }
}

public struct Investment: Sendable, Equatable {
    /// As declared by the enterprise.
    public var declared: Money?
    /// As approved (核定) by the authority; absent until review.
    public var approved: Money?
    /// New investment (新增投资), the base of (十).
    public var new: Money?

    public init(declared: Money? = nil, approved: Money? = nil, new: Money? = nil) {
        self.declared = declared
        self.approved = approved
        self.new = new
    }
}

public struct EquipmentItem: Sendable, Equatable {
    public var name: String
    public var quantity: Int
    public var unitPrice: Money
    public var purchased: Day?
    public var putIntoUse: Day?
    public var replacesOld: Bool
    public var imported: Bool
    /// The import tariff rate that duty-free import would save (N4).
    public var tariffRate: Ratio?
    /// On a catalogue of equipment not exempt from import duty (N4).
    public var nonExemptCatalogue: Bool
    public var catalogueProductId: String?
    /// The maker's serial number (出厂编号) and the purchase invoice's number (发票号码): optional,
    /// read for the risk flag on the same equipment claimed by two projects.
    public var serialNumber: String?
    public var invoiceNumber: String?

    public init(name: String, quantity: Int, unitPrice: Money, purchased: Day? = nil, putIntoUse: Day? = nil,
                replacesOld: Bool = false, imported: Bool = false, tariffRate: Ratio? = nil,
                nonExemptCatalogue: Bool = false, catalogueProductId: String? = nil,
                serialNumber: String? = nil, invoiceNumber: String? = nil) {
        self.serialNumber = serialNumber
        self.invoiceNumber = invoiceNumber
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.purchased = purchased
        self.putIntoUse = putIntoUse
        self.replacesOld = replacesOld
        self.imported = imported
        self.tariffRate = tariffRate
        self.nonExemptCatalogue = nonExemptCatalogue
        self.catalogueProductId = catalogueProductId
    }

    /// Quantity × unit price.
    public var value: Money { Money(fen: unitPrice.fen * Int64(quantity)) }
}

public struct Loan: Sendable, Equatable {
    public var id: String
    public var lender: String
    public var principal: Money
    /// The annual interest rate, e.g. 0.035.
    public var rate: Ratio?
    public var startDate: Day?
    public var endDate: Day?
    /// Interest actually paid in each calendar year, in year order.
    public var interestPaid: [YearAmount]
    /// The loan finances a product of the municipal innovative-product recommendation catalogue.
    public var catalogueProductId: String?
    /// That product is on the market for the first time (十七).
    public var firstOnMarket: Bool
    /// The lender may refinance this loan under the central bank's relending facility (N1, N2).
    public var relendingEligible: Bool
    /// What the loan finances; N1 admits each purpose from its own date (2026 extension).
    public var purpose: LoanPurpose
    /// The loan contract's number (合同编号), for the risk flag on a contract supported twice.
    public var contractNumber: String?

    public init(id: String, lender: String = "", principal: Money, rate: Ratio? = nil, startDate: Day? = nil,
                endDate: Day? = nil, interestPaid: [YearAmount] = [], catalogueProductId: String? = nil,
                firstOnMarket: Bool = false, relendingEligible: Bool = false, purpose: LoanPurpose = .equipment,
                contractNumber: String? = nil) {
        self.contractNumber = contractNumber
        self.id = id
        self.lender = lender
        self.principal = principal
        self.rate = rate
        self.startDate = startDate
        self.endDate = endDate
        self.interestPaid = interestPaid
        self.catalogueProductId = catalogueProductId
        self.firstOnMarket = firstOnMarket
        self.relendingEligible = relendingEligible
        self.purpose = purpose
    }
}

/// What a loan finances (贷款用途). Absent in a file means `equipment`, the loans N1 covered
/// from the start.
public enum LoanPurpose: String, Sendable, CaseIterable, Codable {
    /// 设备更新贷款: a loan for buying or renewing equipment.
    case equipment
    /// 设备更新项目固定资产贷款: another fixed-asset loan of an equipment-renewal project.
    case fixedAsset
    /// 科技创新贷款: a technology-innovation loan.
    case technologyInnovation

    public var label: LocalizedText {
        switch self {
        case .equipment: return LocalizedText(zh: "设备更新贷款", en: "equipment-renewal loan")
        case .fixedAsset: return LocalizedText(zh: "设备更新项目固定资产贷款", en: "fixed-asset loan of an equipment-renewal project")
        case .technologyInnovation: return LocalizedText(zh: "科技创新贷款", en: "technology-innovation loan")
        }
    }
}

public struct YearAmount: Sendable, Equatable, Hashable, Codable {
    public var year: Int
    public var amount: Money

    public init(year: Int, amount: Money) {
        self.year = year
        self.amount = amount
    }
}

public struct Lease: Sendable, Equatable {
    public var id: String
    public var lessor: String
    /// The equipment investment in the finance-lease contract.
    public var equipmentInvestment: Money
    public var startDate: Day?
    public var endDate: Day?
    /// The leased equipment is an innovative product (十七).
    public var innovativeProduct: Bool
    public var catalogueProductId: String?
    /// The finance-lease contract's number (合同编号).
    public var contractNumber: String?

    public init(id: String, lessor: String = "", equipmentInvestment: Money, startDate: Day? = nil,
                endDate: Day? = nil, innovativeProduct: Bool = false, catalogueProductId: String? = nil,
                contractNumber: String? = nil) {
        self.contractNumber = contractNumber
        self.id = id
        self.lessor = lessor
        self.equipmentInvestment = equipmentInvestment
        self.startDate = startDate
        self.endDate = endDate
        self.innovativeProduct = innovativeProduct
        self.catalogueProductId = catalogueProductId
    }
}

/// A certification or testing contract for one new-material product (五).
public struct CertificationContract: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case certification, testing }
    public var productId: String
    public var kind: Kind
    public var amount: Money
    /// The commission contract's number (合同编号).
    public var contractNumber: String?

    public init(productId: String, kind: Kind, amount: Money, contractNumber: String? = nil) {
        self.contractNumber = contractNumber
        self.productId = productId
        self.kind = kind
        self.amount = amount
    }
}

/// A contract for a product: the innovative-product contract (十六), the market contract (十七)
/// or the sales of a key software product (十).
public struct ProductContract: Sendable, Equatable {
    public var productId: String?
    public var amount: Money
    /// The contract's number (合同编号).
    public var contractNumber: String?

    public init(productId: String? = nil, amount: Money, contractNumber: String? = nil) {
        self.contractNumber = contractNumber
        self.productId = productId
        self.amount = amount
    }
}
