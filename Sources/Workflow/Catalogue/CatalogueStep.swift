import Policy

/// A step of the catalogue's process, who may take it and from which states; anything else is
/// refused with the reason in Chinese and English.
public enum CatalogueStep: String, Sendable, CaseIterable {
    case review, vote, recuse, publish, renew, expire

    public var label: LocalizedText {
        switch self {
        case .review: return LocalizedText(zh: "记录专家评审意见", en: "record the expert review")
        case .vote: return LocalizedText(zh: "编审委员会表决", en: "vote in the committee")
        case .recuse: return LocalizedText(zh: "申明回避", en: "declare a conflict of interest")
        case .publish: return LocalizedText(zh: "发布", en: "publish")
        case .renew: return LocalizedText(zh: "续期", en: "renew")
        case .expire: return LocalizedText(zh: "移出目录", en: "end the listing")
        }
    }

    public var from: Set<CatalogueStatus> {
        switch self {
        case .review: return [.submitted]
        case .vote, .recuse, .publish: return [.inCommittee]
        case .renew: return [.published, .expired]
        case .expire: return [.published]
        }
    }

    /// Who may take the step; a vote or recusal is also a committee member's only (`CommitteeSeat`).
    public var roles: Set<Role> {
        switch self {
        case .review: return [.districtOfficer, .cityOfficer, .department]
        case .vote, .recuse: return [.cityOfficer, .department]
        case .publish, .renew, .expire: return [.cityOfficer]
        }
    }

    /// Nil when the step may be taken; else why not.
    public func refusal(in status: CatalogueStatus, by role: Role) -> LocalizedText? {
        guard roles.contains(role) else {
            return LocalizedText(zh: "\(role.label.zh)不能\(label.zh)", en: "the role \(role.label.en) cannot \(label.en)")
        }
        guard from.contains(status) else {
            return LocalizedText(zh: "产品“\(status.label.zh)”，不能\(label.zh)", en: "the product is \(status.label.en); it cannot \(label.en) now")
        }
        return nil
    }
}
