import Foundation
import Policy
import Workflow

/// A resource as written: the common fields and those of its kind (a pilot base's venues,
/// equipment, service capacity, the enterprises it served and the results converted; a
/// financial product's type, yearly rate, term, ceiling and conditions; a provider's services).
/// Amounts are yuan text, exact (`Money`); the rate a plain decimal in percent a year.
public struct ResourceDraft: Sendable, Codable, Equatable {
    public var kind: String
    public var name: String
    public var institution: String?
    public var district: String?
    public var industries: [String] = []
    public var description: String?
    public var contact: String?
    // Pilot bases (五).
    public var field: String?
    public var venues: String?
    public var equipment: String?
    public var capacity: String?
    public var enterprisesServed: Int?
    public var resultsConverted: Int?
    // Financial products.
    public var productType: String?
    public var annualRatePercent: String?
    public var termMonths: Int?
    public var maxAmount: String?
    public var conditions: String?
    // Service providers.
    public var services: String?

    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }

    /// Every problem by JSON path, in Chinese and English; empty when it may be written.
    public func problems(vocabulary: Vocabulary, rules: ResourceRules) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func text(_ v: String?, _ k: TextKind, _ path: String, required: Bool = false) {
            guard let v, !v.trimmingCharacters(in: .whitespaces).isEmpty else {
                if required { issues.append(ValidationIssue(path: path, zh: "不能为空", en: "must not be empty")) }
                return
            }
            if let p = k.problem(in: v) { issues.append(ValidationIssue(path: path, zh: p.zh, en: p.en)) }
        }
        let kind = ResourceKind(rawValue: kind)
        if kind == nil {
            issues.append(ValidationIssue(path: "$.kind", zh: "资源种类应为 pilot-base、financial-product 或 service-provider", en: "the kind is pilot-base, financial-product or service-provider"))
        }
        text(name, .name, "$.name", required: true)
        text(institution, .name, "$.institution", required: kind == .financialProduct)
        if let d = district, vocabulary.district(named: d) == nil {
            issues.append(ValidationIssue(path: "$.district", zh: "未知的区：\(d.prefix(64))", en: "unknown district: \(d.prefix(64))"))
        }
        if industries.count > 20 { issues.append(ValidationIssue(path: "$.industries", zh: "最多 20 个行业", en: "at most 20 industries")) }
        for (i, code) in industries.enumerated() where !Self.isIndustryPrefix(code) {
            issues.append(ValidationIssue(path: "$.industries[\(i)]", zh: "应为国民经济行业分类（GB/T 4754）代码或其前缀，如 C26", en: "a GB/T 4754 industry code or its prefix, such as C26"))
        }
        text(description, .note, "$.description")
        text(contact, .name, "$.contact")
        text(field, .name, "$.field")
        for (v, p) in [(venues, "$.venues"), (equipment, "$.equipment"), (capacity, "$.capacity"), (conditions, "$.conditions"), (services, "$.services")] {
            text(v, .note, p)
        }
        for (v, p) in [(enterprisesServed, "$.enterprisesServed"), (resultsConverted, "$.resultsConverted")] {
            if let v, !(0...1_000_000).contains(v) { issues.append(ValidationIssue(path: p, zh: "应为 0 至 1000000 的整数", en: "a whole number from 0 to 1,000,000")) }
        }
        if kind == .financialProduct {
            if let t = productType {
                if rules.productType(t) == nil {
                    let known = rules.productTypes.map(\.id).joined(separator: ", ")
                    issues.append(ValidationIssue(path: "$.productType", zh: "未知的产品类型（\(known)）", en: "unknown product type (\(known))"))
                }
            } else {
                issues.append(ValidationIssue(path: "$.productType", zh: "金融产品须写明产品类型", en: "a financial product states its type"))
            }
        } else if productType != nil || annualRatePercent != nil || termMonths != nil || maxAmount != nil {
            issues.append(ValidationIssue(path: "$.productType", zh: "只有金融产品有产品类型、利率、期限和额度", en: "only a financial product has a type, rate, term and ceiling"))
        }
        if let r = annualRatePercent, !Self.isRate(r) {
            issues.append(ValidationIssue(path: "$.annualRatePercent", zh: "年利率（%）应为 0 至 100 的小数，至多四位小数，如 3.1", en: "the yearly rate (%) is a decimal from 0 to 100 with at most four places, such as 3.1"))
        }
        if let t = termMonths, !(1...600).contains(t) {
            issues.append(ValidationIssue(path: "$.termMonths", zh: "期限应为 1 至 600 个月", en: "the term is 1 to 600 months"))
        }
        if let m = maxAmount, Money(yuanText: m).map({ $0 >= .zero }) != true {
            issues.append(ValidationIssue(path: "$.maxAmount", zh: "应为金额（元），如 1234.56", en: "an amount in yuan such as 1234.56"))
        }
        return issues
    }

    static func isIndustryPrefix(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard (1...5).contains(u.count), ("A"..."T").contains(u[0]) else { return false }
        return u.dropFirst().allSatisfy { ("0"..."9").contains($0) }
    }

    static func isRate(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), parts[0].count <= 3, parts[0].allSatisfy(\.isASCII),
              parts[0].allSatisfy(\.isNumber) else { return false }
        if parts.count == 2 { guard (1...4).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false } }
        return whole < 100 || (whole == 100 && (parts.count == 1 || parts[1].allSatisfy { $0 == "0" }))
    }

    /// The district as the vocabulary's id.
    func districtID(_ vocabulary: Vocabulary) -> String? { district.flatMap { vocabulary.district(named: $0)?.id } }

    var searchText: String {
        [name, institution, field, description, services, conditions, capacity, equipment].compactMap { $0 }.joined(separator: "\u{1F}").lowercased()
    }
}
