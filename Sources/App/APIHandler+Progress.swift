import API
import OpenAPIRuntime
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
        try requireReporter(of: b.task)
        let file = try b.evidenceFileId.map { try uuid($0, name: "evidenceFileId") }
        let m = try await progress.append(.init(task: b.task, quarter: b.quarter, status: b.status.rawValue, text: b.text, evidenceLink: b.evidenceLink,
                                                evidenceFileID: file),
                                          today: today, by: currentActor())
        return .created(.init(body: .json(progressReportAnswer(m))))
    }

    /// The task's own unit (or the city officer) may report on it; others are refused.
    func requireReporter(of taskID: String) throws {
        let principal = try access().principal
        if let task = services.workflow.progress.task(taskID),
           !services.workflow.progress.mayReport(task, role: principal.role, department: principal.department) {
            throw Forbidden(message: LocalizedText(zh: "任务\(task.id)由“\(task.unit)”填报", en: "task \(task.id) is reported by its unit, \(task.unit)"))
        }
    }

    func uploadPlanProgressEvidence(_ input: Operations.UploadPlanProgressEvidence.Input) async throws -> Operations.UploadPlanProgressEvidence.Output {
        _ = try queryText(input.query.task, .code, name: "task")
        _ = try queryText(input.query.fileName, .name, name: "fileName")
        try requireReporter(of: input.query.task)
        guard case .binary(let body) = input.body else { throw BadRequest("请求体应为文件内容", "the body must be the file's bytes") }
        // RequestSizeMiddleware has refused a larger body already (RequestLimits.material).
        let data = Data(try await ArraySlice(collecting: body, upTo: RequestLimits.material))
        let m = try await progress.addEvidence(task: input.query.task, fileName: input.query.fileName, data: data, by: currentActor())
        return .created(.init(body: .json(.init(id: (m.id ?? UUID()).uuidString.lowercased(), task: m.task, fileName: m.fileName,
                                                kind: m.contentKind, size: m.size, sha256: m.sha256))))
    }

    func downloadPlanProgressEvidence(_ input: Operations.DownloadPlanProgressEvidence.Input) async throws -> Operations.DownloadPlanProgressEvidence.Output {
        let m = try await progress.evidence(try uuid(input.path.id))
        return .ok(.init(headers: .init(contentDisposition: ContentDisposition.attachment(m.fileName), xContentTypeOptions: "nosniff",
                                        contentSecurityPolicy: "sandbox; default-src 'none'", eTag: "\"\(m.sha256)\""),
                         body: .binary(HTTPBody(m.data))))
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
              evidenceFileId: m.evidenceFileID?.uuidString.lowercased(),
              reportedBy: m.reportedBy, reportedOn: m.reportedOn, reportedAt: m.reportedAt)
    }
}
