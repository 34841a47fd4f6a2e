import Policy

/// One item of a materials checklist (申报材料), defined once in `materials.yaml` and listed under
/// the instruments that ask for it.
public struct MaterialItem: Sendable, Hashable, Codable, Identifiable {
    /// Whether the item must be in before acceptance, or may follow it (clause 八).
    public enum Kind: String, Sendable, Codable, Hashable {
        /// 关键材料: affects quality or safety; never deferred.
        case critical
        /// 可容缺材料: may be supplied after acceptance (容缺后补、甩项后置), by its due day.
        case deferrable
    }

    public var id: String
    public var label: LocalizedText
    /// The clause (numeral of `clauses.yaml`) the item rests on.
    public var clause: String
    public var kind: Kind
    public var accepted: Set<ContentKind>
    /// A due period of its own, in the process's unit, for a deferrable item; nil: the default.
    public var dueDays: Int?

    public init(id: String, label: LocalizedText, clause: String, kind: Kind,
                accepted: Set<ContentKind>, dueDays: Int? = nil) {
        self.id = id
        self.label = label
        self.clause = clause
        self.kind = kind
        self.accepted = accepted
        self.dueDays = dueDays
    }
}
