import Policy

/// How a column's text becomes a value of the project format.
public enum TabularValueKind: String, Sendable, CaseIterable {
    /// Text as written (trimmed).
    case text
    /// Yuan, a plain decimal with at most two decimals: `1234.56`.
    case amount
    /// A rate: `0.035` or `3.5%`.
    case rate
    /// A day: `2024-03-01` (also `2024/3/1`, `2024年3月1日`, or an Excel date cell).
    case date
    /// `true`/`false`, `1`/`0`, `是`/`否`, `Y`/`N`, `yes`/`no`, `TRUE`/`FALSE`; empty is false.
    case boolean
    /// A whole number above zero.
    case quantity
    /// Category ids (or their Chinese or English names) separated by `;`, `；` or `、`.
    case categories
    /// `certification` (认证) or `testing` (检测).
    case certificationKind
}

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
        }
    }

    /// Every row must have these columns.
    public static let required: [TabularField] = [.creditCode, .enterpriseName, .district, .industryCode, .projectId]
}

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
        }
    }
}

public enum LeaseField: String, TabularGroupField {
    case id, lessor
    case equipmentInvestment = "equipment_investment"
    case start, end, innovative
    case catalogueProduct = "catalogue_product"

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
        }
    }
}

public enum CertificationField: String, TabularGroupField {
    case product, kind, amount

    public static let prefix = "cert", chinesePrefix = "认证", jsonArray = "certifications"
    public static let required: [CertificationField] = [.product, .kind, .amount]
    public var chineseNames: [String] {
        switch self {
        case .product: return ["产品编号"]
        case .kind: return ["类型", "合同类型"]
        case .amount: return ["金额", "合同金额"]
        }
    }
    public var valueKind: TabularValueKind {
        switch self {
        case .product: return .text
        case .kind: return .certificationKind
        case .amount: return .amount
        }
    }
    public var jsonKey: String {
        switch self {
        case .product: return "productId"
        case .kind: return "kind"
        case .amount: return "amount"
        }
    }
}

/// One column of the wide format.
public enum TabularColumn: Hashable, Sendable, CustomStringConvertible {
    case field(TabularField)
    case loan(Int, LoanField)
    /// Interest paid on loan *n* in a calendar year.
    case loanInterest(Int, year: Int)
    case lease(Int, LeaseField)
    case item(Int, ItemField)
    case certification(Int, CertificationField)

    /// The machine header: `credit_code`, `loan2_principal`, `loan1_interest_2024`.
    public var key: String {
        switch self {
        case .field(let f): return f.rawValue
        case let .loan(n, f): return "loan\(n)_\(f.rawValue)"
        case let .loanInterest(n, year): return "loan\(n)_interest_\(year)"
        case let .lease(n, f): return "lease\(n)_\(f.rawValue)"
        case let .item(n, f): return "item\(n)_\(f.rawValue)"
        case let .certification(n, f): return "cert\(n)_\(f.rawValue)"
        }
    }

    /// The Chinese header: `统一社会信用代码`, `贷款2本金`, `贷款1利息2024`.
    public var chineseName: String {
        switch self {
        case .field(let f): return f.chineseName
        case let .loan(n, f): return "\(LoanField.chinesePrefix)\(n)\(f.chineseName)"
        case let .loanInterest(n, year): return "\(LoanField.chinesePrefix)\(n)利息\(year)"
        case let .lease(n, f): return "\(LeaseField.chinesePrefix)\(n)\(f.chineseName)"
        case let .item(n, f): return "\(ItemField.chinesePrefix)\(n)\(f.chineseName)"
        case let .certification(n, f): return "\(CertificationField.chinesePrefix)\(n)\(f.chineseName)"
        }
    }

    public var valueKind: TabularValueKind {
        switch self {
        case .field(let f): return f.valueKind
        case .loan(_, let f): return f.valueKind
        case .loanInterest: return .amount
        case .lease(_, let f): return f.valueKind
        case .item(_, let f): return f.valueKind
        case .certification(_, let f): return f.valueKind
        }
    }

    public var description: String { key }

    /// The column a header names, or why it names none. Headers are matched ignoring case,
    /// spaces, `_` and `-`, and a trailing unit in brackets: `Loan 2 Principal (元)` is
    /// `loan2_principal`; Chinese headers as in `chineseName` and the aliases of the fields.
    public static func parse(header raw: String) -> Result<TabularColumn, HeaderProblem> {
        var text = raw.trimmingCharacters(in: .tabularWhitespace)
        // A trailing unit: "申报投资（元）", "principal (yuan)". Amounts in 万元 would be read
        // 10,000 times too small: refused.
        for (open, close) in [("(", ")"), ("（", "）"), ("[", "]"), ("【", "】")] where text.hasSuffix(close) {
            if let r = text.range(of: open, options: .backwards) {
                let unit = text[r.upperBound...].dropLast()
                if unit.contains("万") { return .failure(.tenThousandYuan) }
                text = String(text[..<r.lowerBound])
            }
        }
        let key = normalized(text)
        guard !key.isEmpty else { return .failure(.empty) }
        if let column = Names.table[key] { return .success(column) }
        // Group numbers end at a separator or a letter: keep "_" to tell "贷款1_2025年利息".
        let spaced = String(String.UnicodeScalarView(text.lowercased().unicodeScalars.compactMap {
            $0.properties.isWhitespace || $0 == "\u{3000}" ? nil : ($0 == "-" ? "_" : $0)
        }))
        if let column = groupColumn(spaced) { return .success(column) }
        return .failure(.unknown)
    }

    public enum HeaderProblem: Error, Sendable, Equatable {
        case empty, unknown, tenThousandYuan
    }

    /// Lower case without white space, `_` or `-`.
    static func normalized<S: StringProtocol>(_ s: S) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter {
            !($0.properties.isWhitespace || $0 == "_" || $0 == "-" || $0 == "\u{3000}")
        }))
    }

    static func groupColumn(_ key: String) -> TabularColumn? {
        func split(_ prefix: String) -> (Int, String)? {
            guard key.hasPrefix(prefix) else { return nil }
            var rest = key.dropFirst(prefix.count)
            if rest.first == "_" { rest = rest.dropFirst() }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 3, let n = Int(digits), n >= 1 else { return nil }
            return (n, normalized(rest.dropFirst(digits.count)))
        }
        func field<F: TabularGroupField>(_ type: F.Type, _ rest: String) -> F? {
            Names.groupFields(type)[rest]
        }
        for prefix in ["loan", LoanField.chinesePrefix] {
            guard let (n, rest) = split(prefix) else { continue }
            if let f = field(LoanField.self, rest) { return .loan(n, f) }
            // loan1_interest_2024, 贷款1利息2024, 贷款1_2024年利息
            for (head, tail) in [("interest", ""), ("利息", ""), ("", "年利息"), ("", "年实付利息")] {
                guard rest.hasPrefix(head), rest.hasSuffix(tail) else { continue }
                let year = rest.dropFirst(head.count).dropLast(tail.count)
                if year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(year) {
                    return .loanInterest(n, year: y)
                }
            }
            return nil
        }
        for prefix in ["lease", LeaseField.chinesePrefix, "租赁"] {
            if let (n, rest) = split(prefix) { return field(LeaseField.self, rest).map { .lease(n, $0) } }
        }
        for prefix in ["item", ItemField.chinesePrefix] {
            if let (n, rest) = split(prefix) { return field(ItemField.self, rest).map { .item(n, $0) } }
        }
        for prefix in ["cert", CertificationField.chinesePrefix, "认证检测"] {
            if let (n, rest) = split(prefix) { return field(CertificationField.self, rest).map { .certification(n, $0) } }
        }
        return nil
    }

    enum Names {
        /// Every accepted name of a fixed column, normalized.
        static let table: [String: TabularColumn] = {
            var t: [String: TabularColumn] = [:]
            for f in TabularField.allCases {
                t[normalized(f.rawValue)] = .field(f)
                for name in f.chineseNames { t[normalized(name)] = .field(f) }
            }
            return t
        }()

        static let loan = names(LoanField.self)
        static let lease = names(LeaseField.self)
        static let item = names(ItemField.self)
        static let cert = names(CertificationField.self)

        static func names<F: TabularGroupField>(_ type: F.Type) -> [String: F] {
            var t: [String: F] = [:]
            for f in F.allCases {
                t[normalized(f.rawValue)] = f
                for name in f.chineseNames { t[normalized(name)] = f }
            }
            return t
        }

        static func groupFields<F: TabularGroupField>(_ type: F.Type) -> [String: F] {
            switch type {
            case is LoanField.Type: return loan as! [String: F]
            case is LeaseField.Type: return lease as! [String: F]
            case is ItemField.Type: return item as! [String: F]
            default: return cert as! [String: F]
            }
        }
    }
}

import Foundation

extension CharacterSet {
    /// White space and line breaks, including the ideographic space and no-break space.
    static let tabularWhitespace: CharacterSet = {
        var set = CharacterSet.whitespacesAndNewlines
        set.insert(charactersIn: "\u{3000}\u{00A0}\u{FEFF}")
        return set
    }()
}
