import Policy

/// Whether a project files on commitment (承诺备案, clause 八): a zero-land technical-renovation
/// project with a signed commitment gets its filing record at once, on the day it asks; the
/// verification comes afterwards, for the drawn sample only.
public enum CommitmentFilingDecision: Sendable, Hashable {
    /// Filed on this day.
    case filed(on: Day)
    /// The project is not one that may file on commitment (not technical renovation, or uses new land).
    case notEligible
    /// The signed commitment is missing, or not a file kind it accepts.
    case commitmentMissing(item: String)

    public static func decide(categories: Set<String>, zeroLand: Bool, provided: [ProvidedMaterial], on day: Day,
                              rules: ProcessRules.CommitmentFiling, checklist: MaterialsChecklist) -> CommitmentFilingDecision {
        guard rules.qualifies(categories: categories, zeroLand: zeroLand) else { return .notEligible }
        let accepted = checklist.items[rules.commitmentItem]?.accepted ?? [.pdf]
        guard provided.contains(where: { $0.item == rules.commitmentItem && accepted.contains($0.content) }) else {
            return .commitmentMissing(item: rules.commitmentItem)
        }
        return .filed(on: day)
    }

    public var message: LocalizedText {
        switch self {
        case .filed(let day):
            return LocalizedText(zh: "已于\(day.iso)承诺备案", en: "filed on commitment on \(day.iso)")
        case .notEligible:
            return LocalizedText(zh: "仅不新增土地、以设备更新为主的“零增地”技术改造项目可承诺备案",
                                 en: "only zero-land technical-renovation projects (no new land, mainly equipment renewal) may file on commitment")
        case .commitmentMissing:
            return LocalizedText(zh: "缺少签署的承诺备案承诺书", en: "the signed commitment is missing")
        }
    }
}
