/// A field of a repeated group (loan *n*, lease *n*, equipment item *n*, certification *n*).
public protocol TabularGroupField: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    /// `loan`, `lease`, `item`, `cert`.
    static var prefix: String { get }
    /// `贷款`, `融资租赁`, `设备`, `认证`.
    static var chinesePrefix: String { get }
    /// The member of the project format's array, e.g. `loans`.
    static var jsonArray: String { get }
    /// Fields without which the group is refused (present in the header whenever the group is).
    static var required: [Self] { get }
    var chineseNames: [String] { get }
    var valueKind: TabularValueKind { get }
    var jsonKey: String { get }
}

extension TabularGroupField {
    public var chineseName: String { chineseNames[0] }
}

public enum LoanField: String, TabularGroupField {
    case id, lender, principal, rate, start, end
    case catalogueProduct = "catalogue_product"
    case firstOnMarket = "first_on_market"
    case relending
    /// What the loan finances (N1's 2026 extension): written only when a loan is not an
    /// equipment loan, so exports of equipment loans keep their columns.
    case purpose
    /// The loan contract's number, for the risk flags: written only when a loan has one.
    case contractNumber = "contract_number"

    public static let prefix = "loan", chinesePrefix = "贷款", jsonArray = "loans"
    public static let required: [LoanField] = [.id, .principal]
    public var chineseNames: [String] {
        switch self {
        case .id: return ["编号", "合同编号"]
        case .lender: return ["贷款银行", "银行"]
        case .principal: return ["本金", "贷款金额"]
        case .rate: return ["利率", "年利率"]
        case .start: return ["起始日", "起始日期", "开始日期"]
        case .end: return ["到期日", "到期日期", "结束日期"]
        case .catalogueProduct: return ["目录产品编号"]
        case .firstOnMarket: return ["首次投放市场"]
        case .relending: return ["可再贷款", "再贷款"]
        case .purpose: return ["用途", "贷款用途"]
        case .contractNumber: return ["合同号", "合同号码"]
        }
    }
    public var valueKind: TabularValueKind {
        switch self {
        case .principal: return .amount
        case .rate: return .rate
        case .start, .end: return .date
        case .firstOnMarket, .relending: return .boolean
        default: return .text
        }
    }
    public var jsonKey: String {
        switch self {
        case .id: return "id"
        case .lender: return "lender"
        case .principal: return "principal"
        case .rate: return "rate"
        case .start: return "startDate"
        case .end: return "endDate"
        case .catalogueProduct: return "catalogueProductId"
        case .firstOnMarket: return "firstOnMarket"
        case .relending: return "relendingEligible"
        case .purpose: return "purpose"
        case .contractNumber: return "contractNumber"
        }
    }
}

public enum LeaseField: String, TabularGroupField {
    case id, lessor
    case equipmentInvestment = "equipment_investment"
    case start, end, innovative
    case catalogueProduct = "catalogue_product"
    case contractNumber = "contract_number"

    public static let prefix = "lease", chinesePrefix = "融资租赁", jsonArray = "leases"
    public static let required: [LeaseField] = [.id, .equipmentInvestment]
    public var chineseNames: [String] {
        switch self {
        case .id: return ["编号", "合同编号"]
        case .lessor: return ["出租人", "租赁公司"]
        case .equipmentInvestment: return ["设备投资", "设备投资额"]
        case .start: return ["起始日", "起始日期", "开始日期"]
        case .end: return ["到期日", "到期日期", "结束日期"]
        case .innovative: return ["创新产品"]
        case .catalogueProduct: return ["目录产品编号"]
        case .contractNumber: return ["合同号", "合同号码"]
        }
    }
    public var valueKind: TabularValueKind {
        switch self {
        case .equipmentInvestment: return .amount
        case .start, .end: return .date
        case .innovative: return .boolean
        default: return .text
        }
    }
    public var jsonKey: String {
        switch self {
        case .id: return "id"
        case .lessor: return "lessor"
        case .equipmentInvestment: return "equipmentInvestment"
        case .start: return "startDate"
        case .end: return "endDate"
        case .innovative: return "innovativeProduct"
        case .catalogueProduct: return "catalogueProductId"
        case .contractNumber: return "contractNumber"
        }
    }
}

public enum ItemField: String, TabularGroupField {
    case name, quantity
    case unitPrice = "unit_price"
    case purchased
    case putIntoUse = "put_into_use"
    case replacesOld = "replaces_old"
    case imported
    case tariffRate = "tariff_rate"
    case nonExempt = "non_exempt"
    case catalogueProduct = "catalogue_product"
    case serialNumber = "serial_number"
    case invoiceNumber = "invoice_number"

    public static let prefix = "item", chinesePrefix = "设备", jsonArray = "equipment"
    public static let required: [ItemField] = [.name, .quantity, .unitPrice]
    public var chineseNames: [String] {
        switch self {
        case .name: return ["名称", "设备名称"]
        case .quantity: return ["数量"]
        case .unitPrice: return ["单价"]
        case .purchased: return ["购置日期", "购买日期"]
        case .putIntoUse: return ["投入使用日期", "投用日期"]
        case .replacesOld: return ["替换旧设备", "以旧换新"]
        case .imported: return ["进口", "是否进口"]
        case .tariffRate: return ["关税税率"]
        case .nonExempt: return ["不予免税目录", "不免税目录"]
        case .catalogueProduct: return ["目录产品编号"]
        case .serialNumber: return ["出厂编号", "序列号"]
        case .invoiceNumber: return ["发票号码", "发票号"]
        }
    }
    public var valueKind: TabularValueKind {
        switch self {
        case .quantity: return .quantity
        case .unitPrice: return .amount
        case .purchased, .putIntoUse: return .date
        case .replacesOld, .imported, .nonExempt: return .boolean
        case .tariffRate: return .rate
        default: return .text
        }
    }
    public var jsonKey: String {
        switch self {
        case .name: return "name"
        case .quantity: return "quantity"
        case .unitPrice: return "unitPrice"
        case .purchased: return "purchased"
        case .putIntoUse: return "putIntoUse"
        case .replacesOld: return "replacesOld"
        case .imported: return "imported"
        case .tariffRate: return "tariffRate"
        case .nonExempt: return "nonExemptCatalogue"
        case .catalogueProduct: return "catalogueProductId"
        case .serialNumber: return "serialNumber"
        case .invoiceNumber: return "invoiceNumber"
        }
    }
}

public enum CertificationField: String, TabularGroupField {
    case product, kind, amount
    case contractNumber = "contract_number"

    public static let prefix = "cert", chinesePrefix = "认证", jsonArray = "certifications"
    public static let required: [CertificationField] = [.product, .kind, .amount]
    public var chineseNames: [String] {
        switch self {
        case .product: return ["产品编号"]
        case .kind: return ["类型", "合同类型"]
        case .amount: return ["金额", "合同金额"]
        case .contractNumber: return ["合同号", "合同号码"]
        }
    }
    public var valueKind: TabularValueKind {
        switch self {
        case .product, .contractNumber: return .text
        case .kind: return .certificationKind
        case .amount: return .amount
        }
    }
    public var jsonKey: String {
        switch self {
        case .product: return "productId"
        case .kind: return "kind"
        case .amount: return "amount"
        case .contractNumber: return "contractNumber"
        }
    }
}
