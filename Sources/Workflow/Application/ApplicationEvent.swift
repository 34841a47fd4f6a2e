import Policy

/// What happens to an application. Events that end or send back a case carry their reasons.
public enum ApplicationEvent: Sendable, Hashable {
    /// The enterprise submits (or resubmits after a return).
    case submit
    /// Intake: every material in (已受理).
    case accept
    /// Intake: only deferrable items missing (容缺受理).
    case acceptWithDeficiencies
    /// Intake: a critical item missing; back to the enterprise with the reasons.
    case returnForSupplement(reasons: String)
    /// The enterprise supplies deferred items.
    case supplement
    /// The officer sends the case to the departments.
    case startReview
    /// A department's opinion.
    case opinion(ReviewOpinion.Verdict)
    /// The city officer approves (核准).
    case approve
    /// The city officer rejects, with reasons.
    case reject(reasons: String)
    /// The enterprise withdraws.
    case withdraw
    /// A deferred item passed its due day.
    case lapse

    /// A stable name for logs and the audit trail.
    public var name: String {
        switch self {
        case .submit: return "submit"
        case .accept: return "accept"
        case .acceptWithDeficiencies: return "accept_with_deficiencies"
        case .returnForSupplement: return "return_for_supplement"
        case .supplement: return "supplement"
        case .startReview: return "start_review"
        case .opinion: return "opinion"
        case .approve: return "approve"
        case .reject: return "reject"
        case .withdraw: return "withdraw"
        case .lapse: return "lapse"
        }
    }

    /// The event in words, for messages.
    public var label: LocalizedText { Self.label(named: name) }

    /// The label of an event by its stable name (refusals carry the name).
    public static func label(named name: String) -> LocalizedText {
        switch name {
        case "submit": return LocalizedText(zh: "提交申报", en: "submit")
        case "accept": return LocalizedText(zh: "受理", en: "accept")
        case "accept_with_deficiencies": return LocalizedText(zh: "容缺受理", en: "accept with deficiencies")
        case "return_for_supplement": return LocalizedText(zh: "退回补正", en: "return for supplement")
        case "supplement": return LocalizedText(zh: "补交材料", en: "supplement")
        case "start_review": return LocalizedText(zh: "送联合审查", en: "send to review")
        case "opinion": return LocalizedText(zh: "出具审查意见", en: "give an opinion")
        case "approve": return LocalizedText(zh: "核准", en: "approve")
        case "reject": return LocalizedText(zh: "不予支持", en: "reject")
        case "withdraw": return LocalizedText(zh: "撤回申报", en: "withdraw")
        case "lapse": return LocalizedText(zh: "失效", en: "lapse")
        default: return LocalizedText(zh: name, en: name)
        }
    }

    /// Who may fire the event. Intake and sending to review are the district's or the city's;
    /// only the city officer decides; only the platform declares a lapse (from the due days).
    public var allowedActors: Set<WorkflowActor> {
        switch self {
        case .submit, .supplement, .withdraw: return [.person(.enterprise)]
        case .accept, .acceptWithDeficiencies, .returnForSupplement, .startReview:
            return [.person(.districtOfficer), .person(.cityOfficer)]
        case .opinion: return [.person(.department)]
        case .approve, .reject: return [.person(.cityOfficer)]
        case .lapse: return [.system]
        }
    }
}
