import Policy

/// Where a product stands in the catalogue's process (十七).
///
///     submitted ─review: pass→ in_committee ─publish (quorum, majority)→ published ─expire→ expired
///        └─review: fail→ rejected      └─publish (majority against)→ rejected        └─renew→ published
///                                                                     expired ─renew→ published
public enum CatalogueStatus: String, Sendable, CaseIterable, Codable {
    /// 已提交: waiting for expert review.
    case submitted
    /// 编审委员会审议中: the experts passed it; the committee votes.
    case inCommittee = "in_committee"
    /// 已发布: listed in the catalogue (its listing may still have ended by date; see the listing).
    case published
    /// 已到期: the listing ended, by date or by the city officer.
    case expired
    /// 未通过: the experts or the committee did not support it (final).
    case rejected

    public var label: LocalizedText {
        switch self {
        case .submitted: return LocalizedText(zh: "已提交", en: "submitted")
        case .inCommittee: return LocalizedText(zh: "编审委员会审议中", en: "before the committee")
        case .published: return LocalizedText(zh: "已发布", en: "published")
        case .expired: return LocalizedText(zh: "已到期", en: "expired")
        case .rejected: return LocalizedText(zh: "未通过", en: "rejected")
        }
    }
}
