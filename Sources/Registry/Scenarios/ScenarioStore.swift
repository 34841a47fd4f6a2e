import FluentKit
import Foundation
import Policy
import Workflow

/// Application-scenario tasks (十一)(十八): released in rolling batches by the city, taken up by
/// enterprises (揭榜), benchmark demonstration projects designated among the takers. Every step
/// is a row appended with its audit entry in one transaction.
public struct ScenarioStore: Sendable {
    public let db: any Database
    public let fields: ScenarioFields

    public init(db: any Database, fields: ScenarioFields) {
        self.db = db
        self.fields = fields
    }

    public struct Task: Sendable {
        public var task: ScenarioTaskModel
        public var takers: [ScenarioTakerModel]
        public var designations: [ScenarioDesignationModel]
    }

    public struct NewTask: Sendable {
        public var batch: String, field: String, title: String, description: String?, owner: String
        public init(batch: String, field: String, title: String, description: String?, owner: String) {
            self.batch = batch
            self.field = field
            self.title = title
            self.description = description
            self.owner = owner
        }
    }

    static func notFound(_ id: UUID) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到场景任务 \(id.uuidString.lowercased())", en: "no scenario task \(id.uuidString.lowercased())"))
    }

    public func release(_ t: NewTask, today: Day, by who: AuditActor) async throws -> Task {
        var issues: [ValidationIssue] = []
        func text(_ v: String?, _ k: TextKind, _ path: String, required: Bool) {
            guard let v, !v.trimmingCharacters(in: .whitespaces).isEmpty else {
                if required { issues.append(ValidationIssue(path: path, zh: "不能为空", en: "must not be empty")) }
                return
            }
            if let p = k.problem(in: v) { issues.append(ValidationIssue(path: path, zh: p.zh, en: p.en)) }
        }
        text(t.batch, .code, "$.batch", required: true)
        text(t.title, .name, "$.title", required: true)
        text(t.owner, .name, "$.owner", required: true)
        text(t.description, .note, "$.description", required: false)
        if fields.field(t.field) == nil {
            let known = fields.fields.map(\.id).joined(separator: ", ")
            issues.append(ValidationIssue(path: "$.field", zh: "未知的领域（\(known)）", en: "unknown field (\(known))"))
        }
        if !issues.isEmpty { throw RegistryError.invalid(issues) }
        return try await db.transaction { db in
            let m = ScenarioTaskModel()
            m.id = UUID()
            m.batch = t.batch.trimmingCharacters(in: .whitespaces)
            m.field = t.field
            m.title = t.title.trimmingCharacters(in: .whitespaces)
            m.description = t.description
            m.owner = t.owner.trimmingCharacters(in: .whitespaces)
            m.releasedOn = today.iso
            m.createdBy = who.name
            m.createdAt = Date()
            try await m.create(on: db)
            try await AuditTrail.append(AuditChange(action: "scenario.release", subjectType: "scenario_task", subjectID: try m.requireID().uuidString.lowercased(),
                                                    before: nil, after: AuditChange.state(["batch": m.batch, "field": m.field, "title": m.title, "owner": m.owner])),
                                        by: who, on: db)
            return Task(task: m, takers: [], designations: [])
        }
    }

    /// An enterprise takes the task up (揭榜), once.
    public func take(_ id: UUID, creditCode: String, enterpriseName: String, note: String?, today: Day, by who: AuditActor) async throws -> Task {
        if let note, let p = TextKind.note.problem(in: note) { throw RegistryError.invalid([ValidationIssue(path: "$.note", zh: p.zh, en: p.en)]) }
        try await db.transaction { db in
            guard try await ScenarioTaskModel.find(id, on: db) != nil else { throw Self.notFound(id) }
            try await BudgetLock.take("scenario|\(id.uuidString)", on: db)
            if try await ScenarioTakerModel.query(on: db).filter(\.$taskID == id).filter(\.$creditCode == creditCode).first() != nil {
                throw RegistryError.conflict(LocalizedText(zh: "该企业已揭榜此任务", en: "the enterprise has taken up this task already"))
            }
            let m = ScenarioTakerModel()
            m.id = UUID()
            m.taskID = id
            m.creditCode = creditCode
            m.enterpriseName = enterpriseName
            m.note = note
            m.takenOn = today.iso
            m.createdBy = who.name
            try await m.create(on: db)
            try await AuditTrail.append(AuditChange(action: "scenario.take", subjectType: "scenario_task", subjectID: id.uuidString.lowercased(),
                                                    before: nil, after: AuditChange.state(["creditCode": creditCode, "note": note])),
                                        by: who, on: db)
        }
        return try await task(id)
    }

    /// A taker designated a benchmark demonstration project of the task, once; the project, when
    /// named, is the taker's.
    public func designate(_ id: UUID, creditCode: String, projectID: UUID?, today: Day, by who: AuditActor) async throws -> Task {
        try await db.transaction { db in
            guard try await ScenarioTaskModel.find(id, on: db) != nil else { throw Self.notFound(id) }
            try await BudgetLock.take("scenario|\(id.uuidString)", on: db)
            guard try await ScenarioTakerModel.query(on: db).filter(\.$taskID == id).filter(\.$creditCode == creditCode).first() != nil else {
                throw RegistryError.conflict(LocalizedText(zh: "只能从揭榜企业中认定标杆示范项目：\(creditCode.prefix(18)) 未揭榜", en: "a benchmark is designated among the takers: \(creditCode.prefix(18)) has not taken the task up"))
            }
            if try await ScenarioDesignationModel.query(on: db).filter(\.$taskID == id).filter(\.$creditCode == creditCode).first() != nil {
                throw RegistryError.conflict(LocalizedText(zh: "该企业已被认定为此任务的标杆示范项目", en: "the enterprise is designated for this task already"))
            }
            if let projectID {
                guard let p = try await ProjectModel.query(on: db).filter(\.$id == projectID).with(\.$enterprise).first(), p.enterprise.creditCode == creditCode else {
                    throw RegistryError.invalid([ValidationIssue(path: "$.projectId", zh: "不是该企业的项目", en: "not a project of the enterprise")])
                }
            }
            let m = ScenarioDesignationModel()
            m.id = UUID()
            m.taskID = id
            m.creditCode = creditCode
            m.projectID = projectID
            m.designatedOn = today.iso
            m.createdBy = who.name
            try await m.create(on: db)
            try await AuditTrail.append(AuditChange(action: "scenario.designate", subjectType: "scenario_task", subjectID: id.uuidString.lowercased(),
                                                    before: nil, after: AuditChange.state(["creditCode": creditCode, "projectId": projectID?.uuidString.lowercased()])),
                                        by: who, on: db)
        }
        return try await task(id)
    }

    public func task(_ id: UUID) async throws -> Task {
        guard let m = try await ScenarioTaskModel.find(id, on: db) else { throw Self.notFound(id) }
        return Task(task: m, takers: try await ScenarioTakerModel.query(on: db).filter(\.$taskID == id).sort(\.$takenOn).sort(\.$creditCode).all(),
                    designations: try await ScenarioDesignationModel.query(on: db).filter(\.$taskID == id).sort(\.$designatedOn).sort(\.$creditCode).all())
    }

    /// The tasks of a field and batch (nil: all), the newest batch first, at most 500.
    public func tasks(field: String?, batch: String?) async throws -> [Task] {
        var q = ScenarioTaskModel.query(on: db)
        if let field { q = q.filter(\.$field == field) }
        if let batch { q = q.filter(\.$batch == batch) }
        let tasks = try await q.sort(\.$batch, .descending).sort(\.$createdAt).limit(500).all()
        let ids = tasks.compactMap(\.id)
        let takers = Dictionary(grouping: try await ScenarioTakerModel.query(on: db).filter(\.$taskID ~~ ids).all(), by: \.taskID)
        let designations = Dictionary(grouping: try await ScenarioDesignationModel.query(on: db).filter(\.$taskID ~~ ids).all(), by: \.taskID)
        return tasks.map { t in
            Task(task: t, takers: (t.id.flatMap { takers[$0] } ?? []).sorted { ($0.takenOn, $0.creditCode) < ($1.takenOn, $1.creditCode) },
                 designations: (t.id.flatMap { designations[$0] } ?? []).sorted { ($0.designatedOn, $0.creditCode) < ($1.designatedOn, $1.creditCode) })
        }
    }
}
