import Policy

/// Checks an approval against the application and the engine (核准校验): every grant is for an
/// instrument applied for and at most the engine's maximum for it (computed by the caller under
/// the values in force on the approval day, on the approved investment); the approved investment
/// is at most the declared one. All problems at once, in the order of the instruments applied for.
public enum DecisionCheck {
    public static func problems(of decision: ApprovalDecision, appliedFor: [String], declaredInvestment: Money,
                                maxima: [String: Money]) -> [DecisionProblem] {
        var out: [DecisionProblem] = []
        if decision.approvedInvestment < .zero { out.append(.negativeInvestment) }
        if decision.approvedInvestment > declaredInvestment {
            out.append(.investmentAboveDeclared(approved: decision.approvedInvestment, declared: declaredInvestment))
        }
        let order = appliedFor + decision.granted.keys.filter { !appliedFor.contains($0) }.sorted()
        for instrument in order {
            guard let granted = decision.granted[instrument] else { continue }
            if !appliedFor.contains(instrument) { out.append(.notAppliedFor(instrument: instrument)); continue }
            if granted < .zero { out.append(.negativeAmount(instrument: instrument)); continue }
            guard let maximum = maxima[instrument] else {
                // A zero grant of an instrument without an amount is a refusal of it, not an amount.
                if granted != .zero { out.append(.noMaximum(instrument: instrument)) }
                continue
            }
            if granted > maximum { out.append(.exceedsMaximum(instrument: instrument, granted: granted, maximum: maximum)) }
        }
        return out
    }

    /// The decision if it has no problem; else throws the first (all are in `problems`).
    public static func check(_ decision: ApprovalDecision, appliedFor: [String], declaredInvestment: Money,
                             maxima: [String: Money]) throws(DecisionProblem) -> ApprovalDecision {
        if let first = problems(of: decision, appliedFor: appliedFor, declaredInvestment: declaredInvestment, maxima: maxima).first {
            throw first
        }
        return decision
    }
}
