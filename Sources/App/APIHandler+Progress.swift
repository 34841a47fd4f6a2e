import API
import Foundation
import Policy
import Registry
import Workflow

/// The plan's own progress (issue 14, item 5): the units' tasks under the measures, their
/// quarterly reports, overdue ones flagged. The rules are the Workflow's (`ProgressDue`), the
/// reports the store's; this file only shapes them.
extension APIHandler {
    var progress: PlanProgressStore { services.progressStore() }

    func getPlanProgress(_ input: Operations.GetPlanProgress.Input) async throws -> Operations.GetPlanProgress.Output {
        _ = try queryText(input.query.clause, .code, name: "clause")
        let quarter: Quarter
        if let text = input.query.quarter {
            guard let q = Quarter(text: text) else {
                throw ValidationFailure(issues: [ValidationIssue(path: "quarter", zh: "季度应写作 YYYYQn（如 2025Q4）", en: "a quarter is written YYYYQn (e.g. 2025Q4)")])
            }
            quarter = q
        } else {
            // The last ended quarter: the one whose reports are being filed.
            quarter = Quarter(day: today).advanced(by: -1)
        }
        let rows = try await progress.overview(quarter: quarter, clause: input.query.clause, today: today)
        let library = services.library
        var actions: [Components.Schemas.PlanProgressAction] = []
        for action in library.actions {
            var measures: [Components.Schemas.PlanProgressMeasure] = []
            for numeral in action.clauses {
                guard let clause = library.clauses[numeral], input.query.clause == nil || input.query.clause == numeral else { continue }
                let units = clause.responsibleUnits.enumerated().map { i, unit in
                    Components.Schemas.PlanProgressUnit(
                        name: .init(zh: unit.zh, en: unit.en), lead: i == 0,
                        tasks: rows.filter { $0.task.clause == numeral && $0.task.unit == unit.zh }.map(progressTaskAnswer))
                }
                measures.append(.init(clause: numeral, number: clause.number, title: .init(zh: clause.title.zh, en: clause.title.en), units: units))
            }
            if !measures.isEmpty {
                actions.append(.init(number: action.number, title: .init(zh: action.title.zh, en: action.title.en), measures: measures))
            }
        }
        let due = rows.first?.due ?? (try? ProgressDue.dueDay(quarter, workingDays: services.workflow.progress.dueWorkingDays, calendar: services.workflow.calendar))
        return .ok(.init(body: .json(.init(quarter: quarter.text, dueOn: due?.iso, dueWorkingDays: services.workflow.progress.dueWorkingDays,
                                           overdue: rows.filter { $0.standing == .overdue }.count, actions: actions))))
    }

    func reportPlanProgress(_ input: Operations.ReportPlanProgress.Input) async throws -> Operations.ReportPlanProgress.Output {
        guard case .json(let b) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let principal = try access().principal
        // Only the task's own unit reports on it (the city officer for every unit).
        if let task = services.workflow.progress.task(b.task),
           !services.workflow.progress.mayReport(task, role: principal.role, department: principal.department) {
            throw Forbidden(message: LocalizedText(zh: "任务\(task.id)由“\(task.unit)”填报", en: "task \(task.id) is reported by its unit, \(task.unit)"))
        }
        let m = try await progress.append(.init(task: b.task, quarter: b.quarter, status: b.status.rawValue, text: b.text, evidenceLink: b.evidenceLink),
                                          today: today, by: currentActor())
        return .created(.init(body: .json(progressReportAnswer(m))))
    }

    func listPlanProgressReports(_ input: Operations.ListPlanProgressReports.Input) async throws -> Operations.ListPlanProgressReports.Output {
        guard services.workflow.progress.task(input.path.task) != nil else {
            throw RegistryError.notFound(LocalizedText(zh: "没有任务“\(input.path.task.prefix(64))”", en: "no task '\(input.path.task.prefix(64))'"))
        }
        return .ok(.init(body: .json(try await progress.history(task: input.path.task).map(progressReportAnswer))))
    }

    func progressTaskAnswer(_ row: PlanProgressStore.Row) -> Components.Schemas.PlanProgressTask {
        .init(id: row.task.id, text: .init(zh: row.task.text.zh, en: row.task.text.en),
              standing: row.standing.flatMap { .init(rawValue: $0.rawValue) }, overdue: row.standing == .overdue,
              versions: row.versions, latest: row.latest.map(progressReportAnswer))
    }

    func progressReportAnswer(_ m: PlanProgressReportModel) -> Components.Schemas.PlanProgressReport {
        .init(id: (m.id ?? UUID()).uuidString.lowercased(), task: m.task, clause: m.clause, unit: m.unit, quarter: m.quarter,
              version: m.version, status: .init(rawValue: m.status) ?? .onTrack, text: m.text, evidenceLink: m.evidenceLink,
              reportedBy: m.reportedBy, reportedOn: m.reportedOn, reportedAt: m.reportedAt)
    }
}
