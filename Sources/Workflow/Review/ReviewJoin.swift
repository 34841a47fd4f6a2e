/// The join of the parallel review (并联审查): where a case stands given the opinions in so far.
///
/// Any rejection or request for more returns the case to the enterprise at once, with every
/// reason given so far: waiting for the other departments would only delay an answer that can no
/// longer be "all approved". When a department gives several opinions in one round, its latest
/// (by day, then by position in the list) counts.
public enum ReviewJoin {
    public struct Return: Sendable, Hashable {
        public var department: String
        public var verdict: ReviewOpinion.Verdict
        public var reasons: String
    }

    public enum Outcome: Sendable, Hashable {
        /// Opinions still missing from these departments (codes, roster order).
        case waiting(on: [String])
        /// Every required department approved: ready for the city officer's decision.
        case readyForDecision
        /// Returned to the enterprise with these reasons (one per department that did not approve).
        case returned([Return])
    }

    public enum Problem: Error, Sendable, Hashable {
        /// An opinion from a department that is not required on this case.
        case notRequired(department: String)
    }

    public static func outcome(required: [Department], opinions: [ReviewOpinion]) throws(Problem) -> Outcome {
        let codes = required.map(\.code)
        var latest: [String: ReviewOpinion] = [:]
        for opinion in opinions {
            guard codes.contains(opinion.department) else { throw .notRequired(department: opinion.department) }
            if let previous = latest[opinion.department], previous.givenOn > opinion.givenOn { continue }
            latest[opinion.department] = opinion
        }
        let returns: [Return] = codes.compactMap { code in
            guard let opinion = latest[code] else { return nil }
            switch opinion.verdict {
            case .approve: return nil
            case .reject(let reasons), .askSupplement(let reasons):
                return Return(department: code, verdict: opinion.verdict, reasons: reasons)
            }
        }
        if !returns.isEmpty { return .returned(returns) }
        let missing = codes.filter { latest[$0] == nil }
        return missing.isEmpty ? .readyForDecision : .waiting(on: missing)
    }
}
