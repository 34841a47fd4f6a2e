/// A condition checked against the designations (`DesignationCheck`). A designation that names
/// the project applies to it; one that names no project confirms the enterprise's projects that
/// declare what it confirms (the benchmark category the condition tests, or the task's field) —
/// the declaration says which project, the designation that it is one. The result cites the task.
extension ConditionEvaluator {
    func evaluate(_ check: DesignationCheck, condition c: ConditionDefinition, snapshot: DesignationSnapshot, into result: inout ConditionResult) {
        let p = facts.project
        let (named, unnamed) = snapshot.concerning(projectCode: p.id)
        let found: DesignationEntry?
        switch check {
        case .designated:
            let declared: Bool
            switch c.test {
            case .category(let id): declared = p.categories.contains(id)
            case .anyCategory(let ids): declared = ids.contains(where: p.categories.contains)
            default: declared = false
            }
            found = named.first ?? (declared ? unnamed.first : nil)
        case .field:
            let accepted: [String]
            switch c.test {
            case .category(let id): accepted = [id]
            case .anyCategory(let ids): accepted = ids
            default: accepted = []
            }
            func inField(_ e: DesignationEntry) -> Bool { e.fieldCategory.map(accepted.contains) ?? false }
            found = named.first(where: inField)
                ?? unnamed.first { inField($0) && $0.fieldCategory.map(p.categories.contains) == true }
            if found == nil, let other = named.first {
                result.held = false
                result.scenarioTask = DesignationCitation(other)
                result.detail = LocalizedText(zh: "所认定的场景任务“\(other.taskTitle)”（\(other.field)）不属于规定领域",
                                              en: "the task designated, \"\(other.taskTitle)\" (\(other.field)), is not in one of the named fields")
                return
            }
        }
        guard let e = found else {
            result.held = false
            result.detail = LocalizedText(zh: "项目未被认定为应用场景创新任务的标杆示范项目",
                                          en: "the project is not designated a benchmark demonstration project of a scenario task")
            return
        }
        result.held = true
        result.scenarioTask = DesignationCitation(e)
        result.detail = LocalizedText(zh: "\(e.designatedOn) 认定为场景任务“\(e.taskTitle)”（\(e.batch) 批，\(e.field)）的标杆示范项目",
                                      en: "designated on \(e.designatedOn) a benchmark demonstration project of the task \"\(e.taskTitle)\" (batch \(e.batch), \(e.field))")
    }
}
