import Policy

/// Whether a member of the editorial and review committee may vote on a product: a member who
/// declared a conflict of interest, or whose affiliations (their own enterprise and the related
/// ones, recorded when appointed) include the product's enterprise, is recused.
public enum CommitteeSeat: Sendable, Equatable {
    case mayVote
    case notAMember
    case recused(LocalizedText)

    public static func of(member: CommitteeMember?, productEnterprise: String, declaredRecusal: String?) -> CommitteeSeat {
        guard let member else { return .notAMember }
        if let reason = declaredRecusal {
            return .recused(LocalizedText(zh: "已申明回避（\(reason)）", en: "recused: a declared conflict of interest (\(reason))"))
        }
        if member.affiliations.contains(productEnterprise) {
            return .recused(LocalizedText(zh: "与申报企业 \(productEnterprise) 同属或关联，须回避",
                                          en: "recused: the member is of, or related to, the submitting enterprise \(productEnterprise)"))
        }
        return .mayVote
    }

    /// The refusal of a vote, for the 409 answer.
    public var refusal: LocalizedText? {
        switch self {
        case .mayVote: return nil
        case .notAMember: return LocalizedText(zh: "您不是编审委员会成员，不能表决", en: "you are not a member of the editorial and review committee, so you cannot vote")
        case .recused(let why): return LocalizedText(zh: "回避的成员不能表决：\(why.zh)", en: "a recused member cannot vote: \(why.en)")
        }
    }
}

/// A member of the committee as the rules see them.
public struct CommitteeMember: Sendable, Hashable {
    public var username: String
    /// Credit codes of the member's own enterprise and the related ones.
    public var affiliations: Set<String>

    public init(username: String, affiliations: Set<String>) {
        self.username = username
        self.affiliations = affiliations
    }
}
