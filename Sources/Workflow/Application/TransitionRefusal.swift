import Policy

/// Why an event cannot happen, in Chinese and English.
public enum TransitionRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The actor's role may not fire this event.
    case actorNotAllowed(event: String, actor: WorkflowActor)
    /// The event does not apply in this state.
    case wrongState(event: String, state: ApplicationState)
    /// The case is decided or closed.
    case finalState(ApplicationState)
    /// Returning or rejecting needs reasons.
    case reasonsRequired(event: String)
    /// Approval needs every required opinion in, all approving.
    case reviewNotReady(ReviewJoin.Outcome?)
    /// Approval or acceptance needs every deferred item supplied.
    case deferredItemsOutstanding([String])
    /// A lapse needs an item past its due day.
    case nothingOverdue

    public var message: LocalizedText {
        switch self {
        case .actorNotAllowed(let event, let actor):
            let e = ApplicationEvent.label(named: event)
            return LocalizedText(zh: "\(actor.label.zh)无权“\(e.zh)”", en: "\(actor.label.en) may not \(e.en)")
        case .wrongState(let event, let state):
            let e = ApplicationEvent.label(named: event)
            return LocalizedText(zh: "申报处于“\(state.label.zh)”状态，不能“\(e.zh)”",
                                 en: "cannot \(e.en) an application that is \(state.label.en)")
        case .finalState(let state):
            return LocalizedText(zh: "申报已\(state.label.zh)，不能再变更", en: "the application is \(state.label.en) and can no longer change")
        case .reasonsRequired(let event):
            let e = ApplicationEvent.label(named: event)
            return LocalizedText(zh: "“\(e.zh)”须说明理由", en: "\(e.en) needs reasons")
        case .reviewNotReady(let outcome):
            switch outcome {
            case .waiting(let on)?:
                return LocalizedText(zh: "尚待以下部门出具意见：\(on.joined(separator: "、"))",
                                     en: "opinions still missing from: \(on.joined(separator: ", "))")
            case .returned?:
                return LocalizedText(zh: "有部门未同意，申报应退回企业", en: "a department did not approve; the application goes back to the enterprise")
            default:
                return LocalizedText(zh: "联合审查尚未完成", en: "the joint review is not complete")
            }
        case .deferredItemsOutstanding(let items):
            return LocalizedText(zh: "尚有容缺材料未补齐：\(items.joined(separator: "、"))",
                                 en: "deferred items not yet supplied: \(items.joined(separator: ", "))")
        case .nothingOverdue:
            return LocalizedText(zh: "没有超过补正期限的容缺材料，不能失效", en: "no deferred item is past its due day; the application cannot lapse")
        }
    }

    public var description: String { "\(message.zh) / \(message.en)" }
}
