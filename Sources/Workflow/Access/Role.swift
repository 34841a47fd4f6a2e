import Policy

/// Who an account is on the platform. Each role sees a part of the registry: an enterprise its
/// own enterprise, a district officer its district, a department the cases sent to it, a bank or
/// lessor its own contracts; the city officer and the administrator see everything.
public enum Role: String, Sendable, Codable, CaseIterable {
    case enterprise
    case districtOfficer = "district_officer"
    case cityOfficer = "city_officer"
    case department
    case bank
    case administrator

    public var label: LocalizedText {
        switch self {
        case .enterprise: return LocalizedText(zh: "企业用户", en: "enterprise user")
        case .districtOfficer: return LocalizedText(zh: "区级主管部门", en: "district officer")
        case .cityOfficer: return LocalizedText(zh: "市级主管部门", en: "city officer")
        case .department: return LocalizedText(zh: "联审部门", en: "reviewing department")
        case .bank: return LocalizedText(zh: "银行或融资租赁机构", en: "bank or lessor")
        case .administrator: return LocalizedText(zh: "系统管理员", en: "administrator")
        }
    }

    /// The field of `Principal` that says which part of the registry the role is bound to, if any.
    public var bindsTo: Principal.Binding? {
        switch self {
        case .enterprise: return .enterprise
        case .districtOfficer: return .district
        case .department: return .department
        case .bank: return .institution
        case .cityOfficer, .administrator: return nil
        }
    }
}
