import Foundation

/// The transition function of an application: state × event × actor (× the facts of the
/// context) → the new state, or a refusal saying why.
///
///     draft ─submit→ submitted ─accept→ accepted ─startReview→ under_review ─approve→ approved
///                     │  └─acceptWithDeficiencies→ accepted_with_deficiencies ─startReview┘  └reject→ rejected
///                     └─returnForSupplement→ returned ─submit→ submitted
///     under_review ─opinion(reject | askSupplement)→ returned
///     accepted_with_deficiencies / under_review ─lapse→ lapsed ; any open state ─withdraw→ withdrawn
///
/// 容缺受理 lets review start while deferred items are outstanding; approval waits for them.
public enum ApplicationTransitions {
    public static func apply(_ event: ApplicationEvent, to state: ApplicationState, by actor: WorkflowActor,
                             context: TransitionContext = TransitionContext()) throws(TransitionRefusal) -> ApplicationState {
        if state.isFinal { throw .finalState(state) }
        guard event.allowedActors.contains(actor) else { throw .actorNotAllowed(event: event.name, actor: actor) }
        func wrong() -> TransitionRefusal { .wrongState(event: event.name, state: state) }
        func needReasons(_ reasons: String) throws(TransitionRefusal) {
            if reasons.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .reasonsRequired(event: event.name) }
        }

        switch event {
        case .submit:
            guard state == .draft || state == .returned else { throw wrong() }
            return .submitted
        case .accept:
            guard state == .submitted else { throw wrong() }
            if !context.outstandingDeferredItems.isEmpty { throw .deferredItemsOutstanding(context.outstandingDeferredItems) }
            return .accepted
        case .acceptWithDeficiencies:
            guard state == .submitted else { throw wrong() }
            return .acceptedWithDeficiencies
        case .returnForSupplement(let reasons):
            guard state == .submitted else { throw wrong() }
            try needReasons(reasons)
            return .returned
        case .supplement:
            switch state {
            case .acceptedWithDeficiencies: return context.outstandingDeferredItems.isEmpty ? .accepted : .acceptedWithDeficiencies
            case .underReview: return .underReview
            default: throw wrong()
            }
        case .startReview:
            guard state == .accepted || state == .acceptedWithDeficiencies else { throw wrong() }
            return .underReview
        case .opinion(let verdict):
            guard state == .underReview else { throw wrong() }
            switch verdict {
            case .approve: return .underReview
            case .reject(let reasons), .askSupplement(let reasons):
                try needReasons(reasons)
                return .returned
            }
        case .approve:
            guard state == .underReview else { throw wrong() }
            guard context.review == .readyForDecision else { throw .reviewNotReady(context.review) }
            if !context.outstandingDeferredItems.isEmpty { throw .deferredItemsOutstanding(context.outstandingDeferredItems) }
            return .approved
        case .reject(let reasons):
            guard state == .underReview || state == .accepted || state == .acceptedWithDeficiencies else { throw wrong() }
            try needReasons(reasons)
            return .rejected
        case .withdraw:
            return .withdrawn
        case .lapse:
            guard state == .acceptedWithDeficiencies || state == .underReview else { throw wrong() }
            if context.overdueItems.isEmpty { throw .nothingOverdue }
            return .lapsed
        }
    }
}
