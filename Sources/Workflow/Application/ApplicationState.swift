import Policy

/// Where an application stands (申报状态). The raw values are stable: stores keep them.
public enum ApplicationState: String, Sendable, Codable, CaseIterable, Hashable {
    /// 草稿: the enterprise is preparing it.
    case draft
    /// 已提交: waiting for intake by the district or city officer.
    case submitted
    /// 已受理: every material in.
    case accepted
    /// 容缺受理: accepted with deferrable items still to come by their due days.
    case acceptedWithDeficiencies = "accepted_with_deficiencies"
    /// 退回补正: sent back to the enterprise (a critical item missing at intake, or a department's
    /// rejection or request for more during review); the enterprise resubmits.
    case returned
    /// 联合审查中: the departments review in parallel.
    case underReview = "under_review"
    /// 已核准: decided, amounts set.
    case approved
    /// 不予支持: decided, with reasons.
    case rejected
    /// 已撤回 by the enterprise.
    case withdrawn
    /// 已失效: a deferred item passed its due day.
    case lapsed

    /// No event leaves a final state.
    public var isFinal: Bool {
        switch self {
        case .approved, .rejected, .withdrawn, .lapsed: return true
        default: return false
        }
    }

    public var label: LocalizedText {
        switch self {
        case .draft: return LocalizedText(zh: "草稿", en: "draft")
        case .submitted: return LocalizedText(zh: "已提交", en: "submitted")
        case .accepted: return LocalizedText(zh: "已受理", en: "accepted")
        case .acceptedWithDeficiencies: return LocalizedText(zh: "容缺受理", en: "accepted with deficiencies")
        case .returned: return LocalizedText(zh: "退回补正", en: "returned to the enterprise")
        case .underReview: return LocalizedText(zh: "联合审查中", en: "under review")
        case .approved: return LocalizedText(zh: "已核准", en: "approved")
        case .rejected: return LocalizedText(zh: "不予支持", en: "rejected")
        case .withdrawn: return LocalizedText(zh: "已撤回", en: "withdrawn")
        case .lapsed: return LocalizedText(zh: "已失效", en: "lapsed")
        }
    }
}
