/// The project part of the reader: a project and the contracts and equipment it carries.
extension ProjectFileReader {
    static let projectFields: Set<String> = [
        "id", "name", "nationalCode", "categories", "startDate", "endDate", "applicationDate",
        "investment", "zeroLand", "importConfirmation", "equipment", "loans", "leases",
        "certifications", "innovativeProductContract", "marketContract", "softwareSales", "planChecks",
    ]

    // The fields each object may have, built once (a literal set per object is a cost per row).
    static let investmentFields: Set<String> = ["declared", "approved", "new"]
    static let equipmentFields: Set<String> = [
        "name", "quantity", "unitPrice", "purchased", "putIntoUse", "replacesOld", "imported",
        "tariffRate", "nonExemptCatalogue", "catalogueProductId", "serialNumber", "invoiceNumber",
    ]
    static let loanFields: Set<String> = [
        "id", "lender", "principal", "rate", "startDate", "endDate", "interestPaid",
        "catalogueProductId", "firstOnMarket", "relendingEligible", "purpose", "contractNumber",
    ]
    static let leaseFields: Set<String> = [
        "id", "lessor", "equipmentInvestment", "startDate", "endDate", "innovativeProduct", "catalogueProductId",
        "contractNumber",
    ]
    static let certificationFields: Set<String> = ["productId", "kind", "amount", "contractNumber"]
    static let contractFields: Set<String> = ["productId", "amount", "contractNumber"]

    mutating func project(_ value: JSONValue, at path: String) -> Project? {
        guard let m = object(value, at: path, allowed: Self.projectFields) else { return nil }
        let id = requiredString(m, "id", .identifier, at: path)
        var project = Project(id: id ?? "")
        project.name = optionalString(m, "name", .name, at: path) ?? ""
        if let code = optionalString(m, "nationalCode", .code, at: path) {
            project.nationalCode = code
            checkNationalCode(code, at: "\(path).nationalCode")
        }
        if let list = m["categories"], list != .null, let elements = array(list, at: "\(path).categories") {
            for (i, element) in elements.enumerated() {
                guard let c = string(element, .code, at: "\(path).categories[\(i)]") else { continue }
                if vocabulary.categories[c] == nil {
                    issue("\(path).categories[\(i)]", zh: "未知的项目类别：\(c)",
                          en: "unknown category: \(c) (known: \(vocabulary.categories.keys.sorted().joined(separator: ", ")))")
                } else { project.categories.insert(c) }
            }
        }
        project.startDate = optionalDay(m, "startDate", at: path)
        project.endDate = optionalDay(m, "endDate", at: path)
        project.applicationDate = optionalDay(m, "applicationDate", at: path)
        order(project.startDate, "startDate", project.endDate, "endDate", at: path)
        if let inv = m["investment"], inv != .null,
           let im = object(inv, at: "\(path).investment", allowed: Self.investmentFields) {
            project.investment.declared = optionalMoney(im, "declared", at: "\(path).investment")
            project.investment.approved = optionalMoney(im, "approved", at: "\(path).investment")
            project.investment.new = optionalMoney(im, "new", at: "\(path).investment")
        }
        project.zeroLand = bool(m, "zeroLand", at: path)
        project.importConfirmation = bool(m, "importConfirmation", at: path)
        project.equipment = list(m, "equipment", at: path) { r, v, p in r.equipmentItem(v, at: p) }
        project.loans = list(m, "loans", at: path) { r, v, p in r.loan(v, at: p) }
        checkUniqueIds(project.loans.map(\.id), at: "\(path).loans", field: "id")
        project.leases = list(m, "leases", at: path) { r, v, p in r.lease(v, at: p) }
        checkUniqueIds(project.leases.map(\.id), at: "\(path).leases", field: "id")
        project.certifications = list(m, "certifications", at: path) { r, v, p in r.certification(v, at: p) }
        project.innovativeProductContract = productContract(m, "innovativeProductContract", at: path)
        project.marketContract = productContract(m, "marketContract", at: path)
        project.softwareSales = productContract(m, "softwareSales", at: path)
        project.planChecks = planChecks(m, equipmentCount: project.equipment.count, at: path)
        return id == nil ? nil : project
    }

    mutating func checkNationalCode(_ code: String, at path: String) {
        switch NationalProjectCode.problem(in: code, divisions: vocabulary.divisionCodes) {
        case nil: return
        case .shape:
            issue(path, zh: "国家项目代码应为 24 位，格式 YYYY-RRRRRR-DD-TT-NNNNNN：\(code)",
                  en: "national project code must be 24 characters, YYYY-RRRRRR-DD-TT-NNNNNN: \(code)")
        case .year(let y):
            issue(path, zh: "国家项目代码的年份不合理：\(y)", en: "national project code has an implausible year: \(y)")
        case .division(let d):
            issue(path, zh: "国家项目代码的行政区划 \(d) 不是上海市（31xxxx）的区划代码",
                  en: "national project code division \(d) is not a Shanghai division code (31xxxx)")
        }
    }

    /// An optional array member, each element read by `read`; failed elements are dropped
    /// (their issues are recorded, so the file is refused anyway).
    mutating func list<T>(_ m: Members, _ key: String, at path: String,
                          _ read: (inout ProjectFileReader, JSONValue, String) -> T?) -> [T] {
        guard let value = m[key], value != .null, let elements = array(value, at: "\(path).\(key)") else { return [] }
        var out: [T] = []
        for (i, element) in elements.enumerated() {
            if let t = read(&self, element, "\(path).\(key)[\(i)]") { out.append(t) }
        }
        return out
    }

    mutating func equipmentItem(_ value: JSONValue, at path: String) -> EquipmentItem? {
        guard let m = object(value, at: path, allowed: Self.equipmentFields) else { return nil }
        let name = requiredString(m, "name", .name, at: path)
        var quantity: Int?
        if let q = m["quantity"] {
            if case .number(let text) = q, let n = Int(text), n > 0, n <= 1_000_000 { quantity = n } else {
                issue("\(path).quantity", zh: "数量应为正整数", en: "quantity must be a whole number above zero")
            }
        } else { missing("\(path).quantity") }
        let price = requiredMoney(m, "unitPrice", at: path)
        let purchased = optionalDay(m, "purchased", at: path)
        let inUse = optionalDay(m, "putIntoUse", at: path)
        order(purchased, "purchased", inUse, "putIntoUse", at: path)
        let imported = bool(m, "imported", at: path)
        let tariff = optionalRate(m, "tariffRate", at: path)
        if tariff != nil && !imported {
            issue("\(path).tariffRate", zh: "非进口设备不应填写关税税率", en: "tariffRate is given for equipment that is not imported")
        }
        guard let name, let quantity, let price else { return nil }
        // Quantity × unit price must stay a representable amount (ten trillion yuan).
        guard price.fen <= DecimalText.limit / Int64(quantity) else {
            issue("\(path).unitPrice", zh: "数量×单价超过可处理的金额上限（10万亿元）",
                  en: "quantity × unit price exceeds the largest amount handled (10 trillion yuan)")
            return nil
        }
        return EquipmentItem(name: name, quantity: quantity, unitPrice: price, purchased: purchased,
                             putIntoUse: inUse, replacesOld: bool(m, "replacesOld", at: path), imported: imported,
                             tariffRate: tariff, nonExemptCatalogue: bool(m, "nonExemptCatalogue", at: path),
                             catalogueProductId: optionalString(m, "catalogueProductId", .identifier, at: path),
                             serialNumber: optionalString(m, "serialNumber", .identifier, at: path),
                             invoiceNumber: optionalString(m, "invoiceNumber", .identifier, at: path))
    }

    mutating func loan(_ value: JSONValue, at path: String) -> Loan? {
        guard let m = object(value, at: path, allowed: Self.loanFields) else { return nil }
        let id = requiredString(m, "id", .identifier, at: path)
        let principal = requiredMoney(m, "principal", at: path)
        let start = optionalDay(m, "startDate", at: path)
        let end = optionalDay(m, "endDate", at: path)
        order(start, "startDate", end, "endDate", at: path)
        var interest: [YearAmount] = []
        if let paid = m["interestPaid"], paid != .null {
            if case .object(let years) = paid {
                for (key, amount) in years {
                    let p = "\(path).interestPaid[\"\(key)\"]"
                    guard key.count == 4, let year = Int(key), (1990...2100).contains(year) else {
                        issue(p, zh: "年份应为四位数字年份：\(key)", en: "key must be a four-digit year: \(key)")
                        continue
                    }
                    if let start, year < start.year {
                        issue(p, zh: "\(year) 年早于贷款开始日期 \(start)", en: "year \(year) is before the loan's startDate \(start)")
                    } else if let end, year > end.year {
                        issue(p, zh: "\(year) 年晚于贷款结束日期 \(end)", en: "year \(year) is after the loan's endDate \(end)")
                    }
                    if let money = money(amount, at: p) { interest.append(YearAmount(year: year, amount: money)) }
                }
                interest.sort { $0.year < $1.year }
            } else {
                issue("\(path).interestPaid", zh: "应为按年份的对象，如 {\"2024\": \"350000\"}",
                      en: "expected an object keyed by year, e.g. {\"2024\": \"350000\"}")
            }
        }
        let productId = optionalString(m, "catalogueProductId", .identifier, at: path)
        let firstOnMarket = bool(m, "firstOnMarket", at: path)
        if firstOnMarket && productId == nil {
            issue("\(path).firstOnMarket", zh: "首次投放市场须同时填写目录产品编号 catalogueProductId",
                  en: "firstOnMarket needs the catalogueProductId of the catalogue product")
        }
        var purpose = LoanPurpose.equipment
        if let text = optionalString(m, "purpose", .code, at: path) {
            if let p = LoanPurpose(rawValue: text) { purpose = p } else {
                issue("\(path).purpose", zh: "应为 equipment（设备更新贷款）、fixedAsset（固定资产贷款）或 technologyInnovation（科技创新贷款）：\(text)",
                      en: "expected equipment, fixedAsset or technologyInnovation: \(text)")
            }
        }
        guard let id, let principal else { return nil }
        return Loan(id: id, lender: optionalString(m, "lender", .name, at: path) ?? "", principal: principal,
                    rate: optionalRate(m, "rate", at: path), startDate: start, endDate: end, interestPaid: interest,
                    catalogueProductId: productId, firstOnMarket: firstOnMarket,
                    relendingEligible: bool(m, "relendingEligible", at: path), purpose: purpose,
                    contractNumber: optionalString(m, "contractNumber", .identifier, at: path))
    }

    mutating func lease(_ value: JSONValue, at path: String) -> Lease? {
        guard let m = object(value, at: path, allowed: Self.leaseFields) else { return nil }
        let id = requiredString(m, "id", .identifier, at: path)
        let investment = requiredMoney(m, "equipmentInvestment", at: path)
        let start = optionalDay(m, "startDate", at: path)
        let end = optionalDay(m, "endDate", at: path)
        order(start, "startDate", end, "endDate", at: path)
        guard let id, let investment else { return nil }
        return Lease(id: id, lessor: optionalString(m, "lessor", .name, at: path) ?? "", equipmentInvestment: investment,
                     startDate: start, endDate: end, innovativeProduct: bool(m, "innovativeProduct", at: path),
                     catalogueProductId: optionalString(m, "catalogueProductId", .identifier, at: path),
                     contractNumber: optionalString(m, "contractNumber", .identifier, at: path))
    }

    mutating func certification(_ value: JSONValue, at path: String) -> CertificationContract? {
        guard let m = object(value, at: path, allowed: Self.certificationFields) else { return nil }
        let product = requiredString(m, "productId", .identifier, at: path)
        var kind: CertificationContract.Kind?
        if let k = requiredString(m, "kind", .code, at: path) {
            kind = CertificationContract.Kind(rawValue: k)
            if kind == nil {
                issue("\(path).kind", zh: "应为 certification（认证）或 testing（检测）：\(k)",
                      en: "must be certification or testing: \(k)")
            }
        }
        let amount = requiredMoney(m, "amount", at: path)
        guard let product, let kind, let amount else { return nil }
        return CertificationContract(productId: product, kind: kind, amount: amount,
                                     contractNumber: optionalString(m, "contractNumber", .identifier, at: path))
    }

    mutating func productContract(_ m: Members, _ key: String, at path: String) -> ProductContract? {
        guard let value = m[key], value != .null,
              let c = object(value, at: "\(path).\(key)", allowed: Self.contractFields) else { return nil }
        guard let amount = requiredMoney(c, "amount", at: "\(path).\(key)") else { return nil }
        return ProductContract(productId: optionalString(c, "productId", .identifier, at: "\(path).\(key)"), amount: amount,
                               contractNumber: optionalString(c, "contractNumber", .identifier, at: "\(path).\(key)"))
    }
}
