/// The enterprise and project columns: one of each per row.
public enum TabularField: String, Sendable, CaseIterable {
    case creditCode = "credit_code"
    case enterpriseName = "enterprise_name"
    case district
    case industryCode = "industry_code"
    case projectId = "project_id"
    case projectName = "project_name"
    case nationalCode = "national_code"
    case categories
    case startDate = "start_date"
    case endDate = "end_date"
    case applicationDate = "application_date"
    case declaredInvestment = "declared_investment"
    case approvedInvestment = "approved_investment"
    case newInvestment = "new_investment"
    case zeroLand = "zero_land"
    case importConfirmation = "import_confirmation"
    case innovativeContractAmount = "innovative_contract_amount"
    case innovativeContractProduct = "innovative_contract_product"
    case marketContractAmount = "market_contract_amount"
    case marketContractProduct = "market_contract_product"
    case softwareSalesAmount = "software_sales_amount"
    case softwareSalesProduct = "software_sales_product"
    // What the risk flags read (optional; exported only when some row has one).
    case legalRepresentative = "legal_representative"
    case address
    case phone
    case innovativeContractNumber = "innovative_contract_number"
    case marketContractNumber = "market_contract_number"
    case softwareSalesNumber = "software_sales_number"

    /// Columns written only when a row has a value, so that exports without them keep their header.
    public static let writtenWhenUsed: Set<TabularField> = [
        .legalRepresentative, .address, .phone, .innovativeContractNumber, .marketContractNumber, .softwareSalesNumber,
    ]

    /// The Chinese header, then other accepted Chinese headers.
    public var chineseNames: [String] {
        switch self {
        case .creditCode: return ["统一社会信用代码", "社会信用代码", "信用代码"]
        case .enterpriseName: return ["企业名称", "单位名称"]
        case .district: return ["所在区", "所属区", "区"]
        case .industryCode: return ["行业代码", "国民经济行业代码", "所属行业代码"]
        case .projectId: return ["项目编号"]
        case .projectName: return ["项目名称"]
        case .nationalCode: return ["国家项目代码", "项目代码", "投资项目代码", "项目统一代码"]
        case .categories: return ["项目类别", "类别"]
        case .startDate: return ["开工日期", "开始日期"]
        case .endDate: return ["竣工日期", "完工日期", "结束日期"]
        case .applicationDate: return ["申报日期"]
        case .declaredInvestment: return ["申报投资", "申报总投资", "项目总投资"]
        case .approvedInvestment: return ["核定投资", "核定项目投资", "核定总投资"]
        case .newInvestment: return ["新增投资"]
        case .zeroLand: return ["零增地", "零增地技改"]
        case .importConfirmation: return ["进口确认书", "进口设备免税确认书", "项目确认书"]
        case .innovativeContractAmount: return ["创新产品合同金额", "首台套合同金额"]
        case .innovativeContractProduct: return ["创新产品编号", "首台套产品编号"]
        case .marketContractAmount: return ["市场合同金额", "市场化合同金额"]
        case .marketContractProduct: return ["市场合同产品编号", "市场化合同产品编号"]
        case .softwareSalesAmount: return ["软件销售金额", "软件产品销售金额"]
        case .softwareSalesProduct: return ["软件产品编号"]
        case .legalRepresentative: return ["法定代表人", "法人代表"]
        case .address: return ["注册地址", "地址"]
        case .phone: return ["联系电话", "电话"]
        case .innovativeContractNumber: return ["创新产品合同号", "首台套合同号"]
        case .marketContractNumber: return ["市场合同号", "市场化合同号"]
        case .softwareSalesNumber: return ["软件销售合同号"]
        }
    }

    public var chineseName: String { chineseNames[0] }

    public var valueKind: TabularValueKind {
        switch self {
        case .startDate, .endDate, .applicationDate: return .date
        case .declaredInvestment, .approvedInvestment, .newInvestment, .innovativeContractAmount,
             .marketContractAmount, .softwareSalesAmount: return .amount
        case .zeroLand, .importConfirmation: return .boolean
        case .categories: return .categories
        default: return .text
        }
    }

    /// Where the value goes in the project format, from `$.enterprise` or `$.projects[0]`.
    var jsonPath: (enterprise: Bool, keys: [String]) {
        switch self {
        case .creditCode: return (true, ["creditCode"])
        case .enterpriseName: return (true, ["name"])
        case .district: return (true, ["district"])
        case .industryCode: return (true, ["industryCode"])
        case .projectId: return (false, ["id"])
        case .projectName: return (false, ["name"])
        case .nationalCode: return (false, ["nationalCode"])
        case .categories: return (false, ["categories"])
        case .startDate: return (false, ["startDate"])
        case .endDate: return (false, ["endDate"])
        case .applicationDate: return (false, ["applicationDate"])
        case .declaredInvestment: return (false, ["investment", "declared"])
        case .approvedInvestment: return (false, ["investment", "approved"])
        case .newInvestment: return (false, ["investment", "new"])
        case .zeroLand: return (false, ["zeroLand"])
        case .importConfirmation: return (false, ["importConfirmation"])
        case .innovativeContractAmount: return (false, ["innovativeProductContract", "amount"])
        case .innovativeContractProduct: return (false, ["innovativeProductContract", "productId"])
        case .marketContractAmount: return (false, ["marketContract", "amount"])
        case .marketContractProduct: return (false, ["marketContract", "productId"])
        case .softwareSalesAmount: return (false, ["softwareSales", "amount"])
        case .softwareSalesProduct: return (false, ["softwareSales", "productId"])
        case .legalRepresentative: return (true, ["legalRepresentative"])
        case .address: return (true, ["address"])
        case .phone: return (true, ["phone"])
        case .innovativeContractNumber: return (false, ["innovativeProductContract", "contractNumber"])
        case .marketContractNumber: return (false, ["marketContract", "contractNumber"])
        case .softwareSalesNumber: return (false, ["softwareSales", "contractNumber"])
        }
    }

    /// Every row must have these columns.
    public static let required: [TabularField] = [.creditCode, .enterpriseName, .district, .industryCode, .projectId]
}
