/// Tiers of a grant paid by the smart-factory assessment (十二's 阶梯奖励): which figure picks the
/// tier (the level reached after the project, or the levels risen from before to after) and the
/// amount of each tier, all parameters. The text sets none of them: until an administrator sets
/// a tier's amount (a policy change like any other), a project in that tier is eligible with the
/// amount "to be set by the implementing rules" (reading 6).
public struct TierDefinition: Sendable {
    /// Key of a `word` parameter: `level_reached` or `levels_risen`.
    public var basis: String
    /// Keys of `money` parameters: tier 1, 2, …; a figure above the last tier takes the last.
    public var amounts: [String]

    public enum Basis: String, Sendable, CaseIterable {
        case levelReached = "level_reached", levelsRisen = "levels_risen"
    }
}

/// The tiers with their parameters as in force on the day: the engine and the batch engine
/// both ask this, so they cannot disagree.
struct ResolvedTiers: Sendable {
    var basis: TierDefinition.Basis
    /// nil where the tier's amount is not set (unstated).
    var amounts: [Money?]
    var questionnaire: SmartFactoryQuestionnaire?

    init(_ tiers: TierDefinition, _ policy: ResolvedPolicy) {
        if case .word(let w)? = policy.value(tiers.basis), let b = TierDefinition.Basis(rawValue: w) { basis = b } else { basis = .levelReached }
        amounts = tiers.amounts.map { key in
            if case .money(let m)? = policy.value(key) { return m }
            return nil
        }
        questionnaire = policy.library.smartFactory
    }

    enum Outcome {
        /// The tier and its amount.
        case paid(tier: Int, amount: Money, explanation: LocalizedText)
        /// Eligible, no amount: no assessment, no tier reached, or the tier's amount not set.
        case unstated(LocalizedText)
    }

    func outcome(_ answers: SmartFactoryAnswers?) -> Outcome {
        guard let answers, let q = questionnaire else {
            return .unstated(LocalizedText(zh: "未申报智能工厂评估诊断，无法确定奖励档次", en: "no smart-factory assessment declared: the tier cannot be set"))
        }
        let before = q.score(answers.before), after = q.score(answers.after)
        let figure = basis == .levelReached ? after.rank : after.rank - before.rank
        let basisText = basis == .levelReached
            ? LocalizedText(zh: "达到\(after.levelName.zh)", en: "reached \(after.levelName.en)")
            : LocalizedText(zh: "提升 \(figure) 级（\(before.levelName.zh)→\(after.levelName.zh)）",
                            en: "rose \(figure) level(s) (\(before.levelName.en) → \(after.levelName.en))")
        guard figure >= 1, !amounts.isEmpty else {
            return .unstated(LocalizedText(zh: "\(basisText.zh)，未进入任何奖励档次", en: "\(basisText.en): no tier reached"))
        }
        let tier = min(figure, amounts.count)
        guard let amount = amounts[tier - 1] else {
            return .unstated(LocalizedText(zh: "\(basisText.zh)，第 \(tier) 档奖励金额待实施细则确定",
                                           en: "\(basisText.en): the amount of tier \(tier) is to be set by the implementing rules"))
        }
        return .paid(tier: tier, amount: amount,
                     explanation: LocalizedText(zh: "\(basisText.zh)，按第 \(tier) 档奖励 \(amount.decimalString) 元",
                                                en: "\(basisText.en): tier \(tier), \(amount.decimalString) yuan"))
    }
}
