import Policy

/// The tasks of the responsible units under the plan's measures (`workflow/progress.yaml`, our
/// reading of the plan), and when a quarter's progress report falls due.
public struct ProgressPlan: Sendable, Equatable {
    public struct Task: Sendable, Equatable {
        public var id: String
        /// The measure (clause numeral) the task serves.
        public var clause: String
        /// The responsible unit, as the clause names it (zh).
        public var unit: String
        public var text: LocalizedText
    }

    /// A quarter's report is due this many working days after the quarter's last day.
    public var dueWorkingDays: Int
    /// Unit (zh) → the reviewing department whose accounts report for it.
    public var unitDepartments: [String: String]
    public var tasks: [Task]

    public init(dueWorkingDays: Int = 10, unitDepartments: [String: String] = [:], tasks: [Task] = []) {
        self.dueWorkingDays = dueWorkingDays
        self.unitDepartments = unitDepartments
        self.tasks = tasks
    }

    public func task(_ id: String) -> Task? { tasks.first { $0.id == id } }

    /// Whether an account reports for a task's unit: the city officer for every unit (and for those
    /// with no accounts of their own), a department's account for the units mapped to it.
    public func mayReport(_ task: Task, role: Role, department: String?) -> Bool {
        switch role {
        case .cityOfficer: return true
        case .department: return department != nil && unitDepartments[task.unit] == department
        default: return false
        }
    }
}

enum ProgressPlanReader {
    static func read(_ n: WorkflowNode, policy: PolicyLibrary, departments: Set<String>) -> ProgressPlan {
        let due = n.integer("due_working_days") ?? 10
        if due < 1 || due > 60 { n.required("due_working_days")?.error(zh: "应在1到60个工作日之间", en: "must lie between 1 and 60 working days") }
        var map: [String: String] = [:]
        for (unit, code) in n.child("unit_departments")?.members ?? [] {
            guard let c = code.scalar else { continue }
            if !departments.contains(c) { code.error(zh: "没有部门“\(c)”（departments.yaml）", en: "no department '\(c)' (departments.yaml)") }
            map[unit] = c
        }
        var tasks: [ProgressPlan.Task] = []
        for t in n.required("tasks")?.elements ?? [] {
            guard let id = t.string("id"), let clause = t.string("clause"), let unit = t.string("unit"), let text = t.text("text") else { continue }
            if tasks.contains(where: { $0.id == id }) { t.error(zh: "任务重复：\(id)", en: "task repeated: \(id)") }
            if let c = policy.clauses[clause] {
                if !c.responsibleUnits.contains(where: { $0.zh == unit }) {
                    t.error(zh: "“\(unit)”不是第（\(clause)）条的责任单位", en: "'\(unit)' is not a responsible unit of clause (\(clause))")
                }
            } else {
                t.error(zh: "没有条款“\(clause)”", en: "no clause '\(clause)'")
            }
            tasks.append(.init(id: id, clause: clause, unit: unit, text: text))
        }
        return ProgressPlan(dueWorkingDays: due, unitDepartments: map, tasks: tasks)
    }
}
