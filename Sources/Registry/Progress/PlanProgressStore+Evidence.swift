import Crypto
import FluentKit
import Foundation
import Policy
import Workflow

extension PlanProgressStore {
    /// Stores a file of evidence for a task, with the limits of an application's materials: not
    /// empty, at most `ApplicationStore.materialSizeLimit`, its kind found from its bytes (PDF,
    /// image, workbook). A report cites it by id; the upload is audited.
    public func addEvidence(task: String, fileName: String, data: Data, by who: AuditActor) async throws -> PlanProgressEvidenceModel {
        var issues: [ValidationIssue] = []
        if plan.task(task) == nil { issues.append(ValidationIssue(path: "task", zh: "没有任务“\(task.prefix(64))”", en: "no task '\(task.prefix(64))'")) }
        let limit = ApplicationStore.materialSizeLimit
        var kind: ContentKind?
        if data.isEmpty || data.count > limit {
            issues.append(ValidationIssue(path: "body", zh: "文件为空或超过 \(limit / 1024 / 1024) MB", en: "the file is empty or larger than \(limit / 1024 / 1024) MB"))
        } else if let k = ContentSniffer.kind(of: data) {
            kind = k
        } else {
            issues.append(ValidationIssue(path: "body", zh: "文件内容应为 PDF、图片或 XLSX 工作簿", en: "the file's content is to be a PDF, an image or an XLSX workbook"))
        }
        guard issues.isEmpty, let sniffed = kind else { throw RegistryError.invalid(issues) }
        return try await db.transaction { db in
            let m = PlanProgressEvidenceModel()
            m.id = UUID()
            m.task = task
            m.fileName = fileName
            m.contentKind = sniffed.rawValue
            m.size = Int64(data.count)
            m.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            m.data = data
            m.uploadedBy = who.name
            m.uploadedAt = Date()
            try await m.create(on: db)
            try await AuditTrail.append(AuditChange(action: "progress.evidence", subjectType: "plan_progress", subjectID: task,
                                                    after: AuditChange.state(["file": try m.requireID().uuidString.lowercased(), "fileName": fileName,
                                                                              "kind": m.contentKind, "size": String(data.count), "sha256": m.sha256])),
                                        by: who, on: db)
            return m
        }
    }

    public func evidence(_ id: UUID) async throws -> PlanProgressEvidenceModel {
        guard let m = try await PlanProgressEvidenceModel.find(id, on: db) else {
            throw RegistryError.notFound(LocalizedText(zh: "未找到该证明材料", en: "no such evidence file"))
        }
        return m
    }
}

extension PlanProgressStore {
    /// A report with the file of evidence it cites, in one transaction: both are kept or
    /// neither (a report refused after its file was stored would leave the file behind).
    public func append(_ r: NewReport, evidence: (fileName: String, data: Data)?, today: Day, by who: AuditActor) async throws -> PlanProgressReportModel {
        guard let evidence else { return try await append(r, today: today, by: who) }
        let issues = problems(r, today: today)
        if !issues.isEmpty { throw RegistryError.invalid(issues) }
        return try await db.transaction { db in
            let store = PlanProgressStore(db: db, plan: plan, calendar: calendar)
            var withFile = r
            withFile.evidenceFileID = try await store.addEvidence(task: r.task, fileName: evidence.fileName, data: evidence.data, by: who).id
            return try await store.append(withFile, today: today, by: who)
        }
    }
}
