/// The plan's stated checks as conditions: held, failed or not declared, each explained with
/// the clause it applies.
extension ConditionEvaluator {
    func resolved(_ kind: PlanCheckKind, thresholds: [String: String]) -> ResolvedPlanCheck {
        var values: [String: Ratio] = [:]
        for (role, key) in thresholds {
            if case .ratio(let r)? = policy.value(key) { values[role] = r }
        }
        return ResolvedPlanCheck(kind: kind, thresholds: values, questionnaire: policy.library.smartFactory,
                                 scale: policy.library.secondHandScale)
    }

    func evaluate(_ kind: PlanCheckKind, thresholds: [String: String], into result: inout ConditionResult) {
        let clause = "第（\(kind.clause)）条", clauseEn = "measure (\(kind.clause))"
        switch resolved(kind, thresholds: thresholds).outcome(facts.project.planChecks, equipment: facts.project.equipment) {
        case .notDeclared:
            result.held = true
            result.detail = LocalizedText(zh: "\(clause)：项目未申报，不适用", en: "\(clauseEn): not declared by the project, does not apply")
        case .held(let text):
            result.held = true
            result.detail = LocalizedText(zh: "\(clause)：\(text.zh)", en: "\(clauseEn): \(text.en)")
        case .failed(let text):
            result.held = false
            result.detail = LocalizedText(zh: "\(clause)：\(text.zh)", en: "\(clauseEn): \(text.en)")
        }
    }
}
