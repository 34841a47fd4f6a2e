import Policy

/// Why support is taken back (追回).
public enum ClawbackGround: String, Sendable, CaseIterable {
    /// A commitment filing revoked after the verification found the commitment broken.
    case revokedCommitment = "revoked_commitment"
    /// The project failed its acceptance (验收).
    case failedAcceptance = "failed_acceptance"
    /// The same equipment, contract or investment was supported twice.
    case doubleFunding = "double_funding"

    public var label: LocalizedText {
        switch self {
        case .revokedCommitment: return LocalizedText(zh: "承诺备案被撤销", en: "commitment filing revoked")
        case .failedAcceptance: return LocalizedText(zh: "项目验收未通过", en: "failed acceptance")
        case .doubleFunding: return LocalizedText(zh: "重复支持", en: "double funding")
        }
    }
}
