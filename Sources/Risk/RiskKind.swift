import Policy

/// The six kinds of risk flag (issue 11, item 7): each a pattern that an officer should look at
/// before deciding, never a reason to refuse by itself.
public enum RiskKind: String, Sendable, CaseIterable, Codable, Hashable {
    /// The same equipment (serial number or invoice number) claimed by two projects.
    case sameEquipment
    /// One investment split into projects that each stay under a threshold and together pass it.
    case splitInvestment
    /// Declared investment just above the priority threshold more often than the population predicts.
    case thresholdBunching
    /// Enterprises sharing a legal representative, an address or a phone.
    case sharedIdentity
    /// A unit price far from its industry's peers for the same equipment.
    case unitPriceOutlier
    /// The same contract (number and counterparty) supported twice.
    case sameContract

    public var label: LocalizedText {
        switch self {
        case .sameEquipment: LocalizedText(zh: "同一设备被多个项目申报", en: "the same equipment claimed by two projects")
        case .splitInvestment: LocalizedText(zh: "疑似拆分投资以规避门槛", en: "one investment possibly split under a threshold")
        case .thresholdBunching: LocalizedText(zh: "申报投资在门槛上方异常集中", en: "declared investment bunched just above a threshold")
        case .sharedIdentity: LocalizedText(zh: "企业共用法定代表人、地址或电话", en: "enterprises sharing a representative, address or phone")
        case .unitPriceOutlier: LocalizedText(zh: "设备单价明显偏离同行业水平", en: "a unit price far from its industry's peers")
        case .sameContract: LocalizedText(zh: "同一合同重复获得支持", en: "the same contract supported twice")
        }
    }
}
