/// Readings 3–5 at payment time: a contract is paid under the instrument the recommended
/// combination puts it under, and a grant only if it is the project's grant.
enum PaymentAssignment {
    static func refusal(_ question: PaymentQuestion, evaluation: ProjectEvaluation) -> LocalizedText? {
        let combination = evaluation.recommendation
        switch question.basis {
        case .interest(let id, _, _), .lease(let id, _):
            let assigned = combination.assignments.first { $0.unitId == id }?.instrument
            if assigned == question.instrument { return nil }
            if let assigned {
                return LocalizedText(zh: "合同 \(id) 在推荐组合中适用 \(assigned)，而非 \(question.instrument)（解读3）",
                                     en: "contract \(id) is under \(assigned) in the recommended combination, not \(question.instrument) (reading 3)")
            }
            return LocalizedText(zh: "合同 \(id) 不在推荐组合之中", en: "contract \(id) is not in the recommended combination")
        case .grant:
            if combination.grant == question.instrument || combination.lines.contains(where: { $0.id == question.instrument }) { return nil }
            return LocalizedText(zh: "\(question.instrument) 不是推荐组合中的奖补（解读4、5）",
                                 en: "\(question.instrument) is not the grant of the recommended combination (readings 4 and 5)")
        }
    }
}
