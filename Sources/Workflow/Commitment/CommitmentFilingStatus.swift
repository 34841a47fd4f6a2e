import Policy

/// A commitment filing's life (承诺备案): recorded at once on the signed commitment; if drawn,
/// verified; revoked on a breach of the commitment (the ledger adds the clawback).
public enum CommitmentFilingStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// 已备案: the filing record exists from the day the commitment was signed.
    case filed
    /// 抽中待核查.
    case selectedForVerification = "selected_for_verification"
    /// 核查通过.
    case verified
    /// 已撤销: the commitment was breached.
    case revoked

    /// After a draw: drawn filings are to be verified, the others stay filed.
    public static func afterDraw(_ id: String, sample: CommitmentSample) -> CommitmentFilingStatus {
        sample.selected.contains(id) ? .selectedForVerification : .filed
    }

    /// The status after a verification: kept or revoked. Only a drawn filing is verified; any
    /// filing found in breach (drawn or reported) is revoked.
    public func verified(commitmentKept: Bool) -> CommitmentFilingStatus? {
        switch (self, commitmentKept) {
        case (.selectedForVerification, true): return .verified
        case (.filed, false), (.selectedForVerification, false), (.verified, false): return .revoked
        default: return nil
        }
    }
}
