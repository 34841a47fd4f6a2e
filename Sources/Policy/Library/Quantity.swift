/// The figures of a project that an instrument can use as a base or test in a condition.
///
/// This vocabulary is the boundary between code and data: the project format defines which
/// figures exist, the policy library decides which instrument uses which. The raw values are
/// the YAML names.
public enum Quantity: String, Sendable, CaseIterable, Codable {
    // The project as a whole.
    case investmentDeclared = "investment.declared"
    case investmentApproved = "investment.approved"
    /// The approved investment, or the declared one standing in (provisional) until there is
    /// one (reading 8).
    case investmentApprovedOrDeclared = "investment.approved_or_declared"
    case investmentNew = "investment.new"
    case innovativeProductContract = "contract.innovative_product"
    case marketContract = "contract.market"
    case softwareSales = "software.sales"
    case equipmentTotal = "equipment.total"
    // A loan.
    case loanPrincipal = "loan.principal"
    /// Interest paid in each calendar year: a yearly base.
    case loanInterestPaid = "loan.interest_paid"
    /// The principal over the discount period, day by day (N1): the period opens on the loan's
    /// start (disbursement) date and lasts the instrument's `years`; each calendar year's part
    /// counts its days, at the rate in force on each day. A yearly base.
    case loanPrincipalByDay = "loan.principal_by_day"
    // A lease.
    case leaseEquipmentInvestment = "lease.equipment_investment"
    // A product of (五): its certification and testing contracts added up (reading 9).
    case productCertificationTesting = "product.certification_testing"
    // An equipment item.
    case itemValue = "item.value"
    case itemUnitPrice = "item.unit_price"
    case itemTariffRate = "item.tariff_rate"

    /// The unit a quantity is read from.
    public var unit: UnitKind {
        switch self {
        case .investmentDeclared, .investmentApproved, .investmentApprovedOrDeclared, .investmentNew,
             .innovativeProductContract, .marketContract, .softwareSales, .equipmentTotal: return .project
        case .loanPrincipal, .loanInterestPaid, .loanPrincipalByDay: return .loan
        case .leaseEquipmentInvestment: return .lease
        case .productCertificationTesting: return .product
        case .itemValue, .itemUnitPrice, .itemTariffRate: return .equipment
        }
    }

    /// A yearly quantity gives one base per calendar year.
    public var isYearly: Bool { self == .loanInterestPaid || self == .loanPrincipalByDay }

    public var label: LocalizedText {
        switch self {
        case .investmentDeclared: return .init(zh: "申报项目投资", en: "declared project investment")
        case .investmentApproved: return .init(zh: "核定项目投资", en: "approved project investment")
        case .investmentApprovedOrDeclared: return .init(zh: "核定项目投资", en: "approved project investment")
        case .investmentNew: return .init(zh: "项目新增投资", en: "new investment of the project")
        case .innovativeProductContract: return .init(zh: "创新产品合同金额", en: "innovative-product contract amount")
        case .marketContract: return .init(zh: "市场合同金额", en: "market contract amount")
        case .softwareSales: return .init(zh: "软件销售金额", en: "software sales amount")
        case .equipmentTotal: return .init(zh: "设备投资合计", en: "total equipment value")
        case .loanPrincipal: return .init(zh: "贷款本金", en: "loan principal")
        case .loanInterestPaid: return .init(zh: "当年实际支付的贷款利息", en: "interest actually paid in the year")
        case .loanPrincipalByDay: return .init(zh: "贴息期内按日计的贷款本金", en: "loan principal over the discount period, by days")
        case .leaseEquipmentInvestment: return .init(zh: "融资租赁合同设备投资额", en: "equipment investment in the lease contract")
        case .productCertificationTesting: return .init(zh: "认证和检测委托合同金额", en: "certification and testing contract amounts")
        case .itemValue: return .init(zh: "设备价值（数量×单价）", en: "equipment value (quantity × unit price)")
        case .itemUnitPrice: return .init(zh: "设备单位价值", en: "unit value of the equipment")
        case .itemTariffRate: return .init(zh: "进口关税税率", en: "import tariff rate")
        }
    }
}

/// Yes/no facts of a project or unit that conditions may test.
public enum Flag: String, Sendable, CaseIterable, Codable {
    case zeroLand = "project.zero_land"
    case importConfirmation = "project.import_confirmation"
    case loanCatalogueFirstOnMarket = "loan.catalogue_first_on_market"
    case loanRelendingEligible = "loan.relending_eligible"
    case leaseInnovativeProduct = "lease.innovative_product"
    case itemImported = "item.imported"
    case itemReplacesOld = "item.replaces_old"
    case itemNonExemptCatalogue = "item.non_exempt_catalogue"

    public var unit: UnitKind {
        switch self {
        case .zeroLand, .importConfirmation: return .project
        case .loanCatalogueFirstOnMarket, .loanRelendingEligible: return .loan
        case .leaseInnovativeProduct: return .lease
        case .itemImported, .itemReplacesOld, .itemNonExemptCatalogue: return .equipment
        }
    }
}

/// Dates of a unit that conditions may test.
public enum DateField: String, Sendable, CaseIterable, Codable {
    /// The date the equipment was bought, or put to use when the purchase date is not given.
    case itemPurchased = "item.purchased"
    case itemPutIntoUse = "item.put_into_use"
    /// The loan's start date, read as its disbursement date (放款日).
    case loanStart = "loan.start_date"

    public var unit: UnitKind { self == .loanStart ? .loan : .equipment }
}
