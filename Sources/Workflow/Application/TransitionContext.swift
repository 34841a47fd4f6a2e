/// What the transition function needs to know beyond the state: facts that other rules compute
/// (intake, the deferral watch, the review join). The caller computes them; the transition
/// function only checks that they allow the event.
public struct TransitionContext: Sendable, Hashable {
    /// Deferred items not yet supplied (after this event, for `supplement`).
    public var outstandingDeferredItems: [String]
    /// Deferred items past their due day (for `lapse`).
    public var overdueItems: [String]
    /// The review join's outcome (for `approve`).
    public var review: ReviewJoin.Outcome?

    public init(outstandingDeferredItems: [String] = [], overdueItems: [String] = [], review: ReviewJoin.Outcome? = nil) {
        self.outstandingDeferredItems = outstandingDeferredItems
        self.overdueItems = overdueItems
        self.review = review
    }
}
