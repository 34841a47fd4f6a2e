import Policy

/// The committee's decision from the votes cast (recused members cast none and do not count):
/// no decision without the quorum; approved when the approving votes reach the majority.
public struct CommitteeTally: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable { case approved, rejected, noQuorum = "no_quorum" }

    public var members: Int
    public var recused: Int
    public var approve: Int
    public var reject: Int
    public var outcome: Outcome

    public var cast: Int { approve + reject }
    public var eligible: Int { members - recused }

    public static func count(members: Int, recused: Int, approve: Int, reject: Int, rules: CatalogueRules) -> CommitteeTally {
        let eligible = max(0, members - recused), cast = approve + reject
        let quorum = cast >= rules.quorumVotes && eligible > 0 && rules.quorumShare.reached(cast, of: eligible)
        let outcome: Outcome = !quorum ? .noQuorum : rules.majority.reached(approve, of: cast) ? .approved : .rejected
        return CommitteeTally(members: members, recused: recused, approve: approve, reject: reject, outcome: outcome)
    }

    /// Why the committee has not decided, when it has not.
    public func noQuorum(rules: CatalogueRules) -> LocalizedText {
        LocalizedText(zh: "未达到法定人数：已表决 \(cast) 票，需至少 \(rules.quorumVotes) 票且不少于未回避成员（\(eligible) 人）的 \(rules.quorumShare)",
                      en: "no quorum: \(cast) votes cast; at least \(rules.quorumVotes) are needed, and at least \(rules.quorumShare) of the \(eligible) members not recused")
    }
}
