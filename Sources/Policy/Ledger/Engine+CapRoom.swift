extension Engine {
    /// What is left of an instrument's project cap after `paid` (the ledger's net paid under it),
    /// under the policy in force on `day`; nil when the instrument has no hard project cap
    /// (none set, per unit, or "in principle" and applied as advisory).
    public func capRoom(_ instrument: String, paid: Money, on day: Day) -> Money? {
        guard let def = library.instrument(instrument), def.capScope == .project, let key = def.cap else { return nil }
        let policy = self.policy(on: day)
        if def.capInPrinciple && !policy.inPrincipleCapsAreHard { return nil }
        guard case .money(let cap)? = policy.value(key) else { return nil }
        let room = cap - paid
        return room < .zero ? .zero : room
    }
}
