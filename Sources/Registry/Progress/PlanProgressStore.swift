import FluentKit
import Foundation
import Policy
import Workflow

/// The plan's own progress: quarterly reports of the units' tasks (`workflow/progress.yaml`),
/// each appended with its audit entry in one transaction; read back as the latest report of
/// each task for a quarter, with its due day and whether it is overdue.
public struct PlanProgressStore: Sendable {
    public let db: any Database
    public let plan: ProgressPlan
    public let calendar: WorkingCalendar

    public init(db: any Database, plan: ProgressPlan, calendar: WorkingCalendar) {
        self.db = db
        self.plan = plan
        self.calendar = calendar
    }

    public struct NewReport: Sendable {
        public var task: String, quarter: String, status: String, text: String, evidenceLink: String?, evidenceFileID: UUID?
        public init(task: String, quarter: String, status: String, text: String, evidenceLink: String?, evidenceFileID: UUID? = nil) {
            self.evidenceFileID = evidenceFileID
            self.task = task
            self.quarter = quarter
            self.status = status
            self.text = text
            self.evidenceLink = evidenceLink
        }
    }

    /// The longest evidence link kept.
    public static let linkLimit = 2000

    /// The problems of a report by field path; empty when it may be appended. A quarter not yet
    /// begun cannot be reported on.
    public func problems(_ r: NewReport, today: Day) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if plan.task(r.task) == nil {
            issues.append(ValidationIssue(path: "$.task", zh: "没有任务“\(r.task.prefix(64))”", en: "no task '\(r.task.prefix(64))'"))
        }
        if let q = Quarter(text: r.quarter) {
            if q > Quarter(day: today) { issues.append(ValidationIssue(path: "$.quarter", zh: "季度\(r.quarter)尚未到来", en: "the quarter \(r.quarter) has not come yet")) }
        } else {
            issues.append(ValidationIssue(path: "$.quarter", zh: "季度应写作 YYYYQn（如 2025Q4）", en: "a quarter is written YYYYQn (e.g. 2025Q4)"))
        }
        if ProgressStatus(rawValue: r.status) == nil {
            let known = ProgressStatus.allCases.map(\.rawValue).joined(separator: ", ")
            issues.append(ValidationIssue(path: "$.status", zh: "未知的进展状态（\(known)）", en: "unknown status (\(known))"))
        }
        if r.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(ValidationIssue(path: "$.text", zh: "应写明进展情况", en: "the progress must be described"))
        } else if let p = TextKind.note.problem(in: r.text) {
            issues.append(ValidationIssue(path: "$.text", zh: p.zh, en: p.en))
        }
        if let link = r.evidenceLink {
            let lower = link.lowercased()
            if link.utf8.count > Self.linkLimit || !(lower.hasPrefix("https://") || lower.hasPrefix("http://")) || link.contains(where: { $0.isWhitespace || $0.isNewline })
                || URL(string: link)?.host == nil {
                issues.append(ValidationIssue(path: "$.evidenceLink", zh: "证明材料链接应为不超过\(Self.linkLimit)字节的 http(s) 地址", en: "the evidence link is an http(s) address of at most \(Self.linkLimit) bytes"))
            }
        }
        return issues
    }

    /// Appends the report as the next version of its task and quarter (a correction is a new
    /// version; the earlier stays), with its audit entry.
    public func append(_ r: NewReport, today: Day, by who: AuditActor) async throws -> PlanProgressReportModel {
        let issues = problems(r, today: today)
        if !issues.isEmpty { throw RegistryError.invalid(issues) }
        let task = plan.task(r.task)!
        return try await db.transaction { db in
            if let file = r.evidenceFileID {
                guard let e = try await PlanProgressEvidenceModel.find(file, on: db), e.task == task.id else {
                    throw RegistryError.invalid([ValidationIssue(path: "$.evidenceFileId", zh: "没有该任务的这份证明材料", en: "no such evidence file of this task")])
                }
            }
            try await BudgetLock.take("plan-progress|\(r.task)|\(r.quarter)", on: db)
            let last = try await PlanProgressReportModel.query(on: db).filter(\.$task == r.task).filter(\.$quarter == r.quarter)
                .sort(\.$version, .descending).first()
            let m = PlanProgressReportModel()
            m.id = UUID()
            m.task = task.id
            m.clause = task.clause
            m.unit = task.unit
            m.quarter = r.quarter
            m.version = (last?.version ?? 0) + 1
            m.status = r.status
            m.text = r.text
            m.evidenceLink = r.evidenceLink
            m.evidenceFileID = r.evidenceFileID
            m.reportedBy = who.name
            m.reportedOn = today.iso
            m.reportedAt = Date()
            try await m.create(on: db)
            func state(_ v: PlanProgressReportModel) -> String {
                AuditChange.state(["task": v.task, "quarter": v.quarter, "version": String(v.version), "status": v.status,
                                   "text": v.text, "evidenceLink": v.evidenceLink,
                                   "evidenceFile": v.evidenceFileID?.uuidString.lowercased()])
            }
            try await AuditTrail.append(AuditChange(action: "progress.report", subjectType: "plan_progress",
                                                    subjectID: "\(m.task)|\(m.quarter)", before: last.map(state), after: state(m)),
                                        by: who, on: db)
            return m
        }
    }

    /// One task's standing in a quarter.
    public struct Row: Sendable {
        public var task: ProgressPlan.Task
        public var latest: PlanProgressReportModel?
        public var versions: Int
        /// Nil when the calendar does not cover the days counted.
        public var due: Day?
        public var standing: ProgressDue.Standing?
    }

    /// Every task of the plan (of one clause, or all) with its latest report of `quarter`, the
    /// due day and its standing on `today`.
    public func overview(quarter: Quarter, clause: String?, today: Day) async throws -> [Row] {
        let reports = try await PlanProgressReportModel.query(on: db).filter(\.$quarter == quarter.text).sort(\.$version).all()
        let byTask = Dictionary(grouping: reports, by: \.task)
        let due = try? ProgressDue.dueDay(quarter, workingDays: plan.dueWorkingDays, calendar: calendar)
        return plan.tasks.filter { clause == nil || $0.clause == clause }.map { t in
            let versions = byTask[t.id] ?? []
            let first = versions.first.flatMap { Day(iso: $0.reportedOn) }
            return Row(task: t, latest: versions.last, versions: versions.count, due: due,
                       standing: due.map { ProgressDue.standing(due: $0, firstReported: first, today: today) })
        }
    }

    /// Every version of a task's reports, the latest first.
    public func history(task: String) async throws -> [PlanProgressReportModel] {
        try await PlanProgressReportModel.query(on: db).filter(\.$task == task).sort(\.$quarter, .descending).sort(\.$version, .descending).limit(500).all()
    }
}
