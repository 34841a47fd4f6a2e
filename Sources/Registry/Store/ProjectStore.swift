import FluentKit
import Foundation
import Policy
import Workflow

/// The project database as the rest of the platform sees it: enterprises and projects in the
/// engine's own types, every write in one transaction, nothing half-written.
public struct ProjectStore: Sendable {
    public let db: any Database
    public let engine: Engine
    /// The scenario tasks' fields, for the designations a stored recommendation consults (十八):
    /// a project's recommendation is computed with the libraries as the plan routes are.
    public var scenarios: ScenarioFields

    public init(db: any Database, engine: Engine, scenarios: ScenarioFields = ScenarioFields()) {
        self.db = db
        self.engine = engine
        self.scenarios = scenarios
    }

    /// The recommendation stored with a project: the engine consulting the stored libraries, in
    /// the caller's transaction, so a list or filter agrees with `GET /api/projects/{id}/match`.
    func recommendation(of p: Project, enterprise creditCode: String, on db: any Database) async throws -> Combination {
        try await engine.checkingLibraries(of: [p], enterprise: creditCode, scenarios: scenarios, on: db).evaluate(p).recommendation
    }

    /// Whether the database answers (for `/health`): a query that throws when it does not.
    public func ping() async throws {
        _ = try await EnterpriseModel.query(on: db).limit(1).all()
    }

    // MARK: Enterprises

    public func enterprise(_ creditCode: String) async throws -> EnterpriseModel? {
        try await EnterpriseModel.query(on: db).filter(\.$creditCode == creditCode).first()
    }

    func requireEnterprise(_ creditCode: String, on db: any Database) async throws -> EnterpriseModel {
        guard let e = try await EnterpriseModel.query(on: db).filter(\.$creditCode == creditCode).first() else {
            throw RegistryError.notFound(LocalizedText(zh: "未找到统一社会信用代码为 \(creditCode) 的企业", en: "no enterprise with credit code \(creditCode)"))
        }
        return e
    }

    public func createEnterprise(_ e: Enterprise, by actor: AuditActor) async throws -> EnterpriseModel {
        try await db.transaction { db in
            if try await EnterpriseModel.query(on: db).filter(\.$creditCode == e.creditCode).count() > 0 {
                throw RegistryError.conflict(LocalizedText(zh: "企业 \(e.creditCode) 已存在", en: "enterprise \(e.creditCode) already exists"))
            }
            let model = EnterpriseModel(creditCode: e.creditCode, name: e.name, district: e.district, industryCode: e.industryCode)
            model.assign(e)
            try await model.create(on: db)
            try await AuditTrail.append(AuditChange(action: "enterprise.create", subjectType: "enterprise", subjectID: e.creditCode,
                                                    after: AuditStates.enterprise(model)), by: actor, on: db)
            return model
        }
    }

    public func updateEnterprise(_ e: Enterprise, by actor: AuditActor) async throws -> EnterpriseModel {
        try await db.transaction { db in
            let model = try await requireEnterprise(e.creditCode, on: db)
            let before = AuditStates.enterprise(model)
            model.assign(e)
            try await model.save(on: db)
            // Projects carry the district and the enterprise name for filtering and search.
            let projects = try await ProjectModel.query(on: db).filter(\.$enterprise.$id == model.requireID()).all()
            for p in projects {
                p.district = e.district
                p.searchText = [p.name, p.code, e.name].joined(separator: " ").lowercased()
                try await p.save(on: db)
            }
            try await AuditTrail.append(AuditChange(action: "enterprise.update", subjectType: "enterprise", subjectID: e.creditCode,
                                                    before: before, after: AuditStates.enterprise(model)), by: actor, on: db)
            return model
        }
    }

    public func deleteEnterprise(_ creditCode: String, by actor: AuditActor) async throws {
        try await db.transaction { db in
            let model = try await requireEnterprise(creditCode, on: db)
            let count = try await ProjectModel.query(on: db).filter(\.$enterprise.$id == model.requireID()).count()
            if count > 0 {
                throw RegistryError.conflict(LocalizedText(zh: "企业仍有 \(count) 个项目，请先删除项目", en: "the enterprise still has \(count) projects; delete them first"))
            }
            let before = AuditStates.enterprise(model)
            try await model.delete(on: db)
            try await AuditTrail.append(AuditChange(action: "enterprise.delete", subjectType: "enterprise", subjectID: creditCode,
                                                    before: before), by: actor, on: db)
        }
    }

    public func projectCount(of enterprise: EnterpriseModel) async throws -> Int {
        try await ProjectModel.query(on: db).filter(\.$enterprise.$id == enterprise.requireID()).count()
    }

    public func listEnterprises(page: Int, perPage: Int, text: String?, district: String?, scope: RecordScope = .everything) async throws -> (items: [EnterpriseModel], total: Int) {
        let query = EnterpriseModel.query(on: db)
        scope.enterpriseConditions(query)
        if let district { query.filter(\.$district == district) }
        if let text, !text.isEmpty {
            query.group(.or) { $0.filter(\.$name ~~ text).filter(\.$creditCode ~~ text.uppercased()) }
        }
        let total = try await query.count()
        let items = try await query.sort(\.$creditCode).range((page - 1) * perPage..<(page * perPage)).all()
        return (items, total)
    }

    // MARK: Projects

    /// Adds a project to an enterprise; refuses a project id the enterprise already uses.
    public func createProject(_ p: Project, creditCode: String, by actor: AuditActor) async throws -> UUID {
        try await db.transaction { db in
            let enterprise = try await requireEnterprise(creditCode, on: db)
            let id = try await insert(p, enterprise: enterprise, on: db)
            guard let model = try await ProjectModel.find(id, on: db) else { throw Self.projectNotFound(id) }
            try await AuditTrail.append(AuditChange(action: "project.create", subjectType: "project", subjectID: id.uuidString.lowercased(),
                                                    after: AuditStates.project(model, creditCode: creditCode)), by: actor, on: db)
            return id
        }
    }

    func insert(_ p: Project, enterprise: EnterpriseModel, on db: any Database) async throws -> UUID {
        let enterpriseID = try enterprise.requireID()
        if try await ProjectModel.query(on: db).filter(\.$enterprise.$id == enterpriseID).filter(\.$code == p.id).count() > 0 {
            throw RegistryError.conflict(LocalizedText(zh: "企业已有编号为 \(p.id) 的项目", en: "the enterprise already has a project \(p.id)"))
        }
        let model = ProjectModel()
        let id = UUID()
        model.id = id
        model.status = ProjectStatus.reserve.rawValue
        model.assign(p, enterpriseID: enterpriseID, enterpriseName: enterprise.name, district: enterprise.district,
                     evaluation: try await recommendation(of: p, enterprise: enterprise.creditCode, on: db))
        try await model.create(on: db)
        try await ProjectModel.children(of: p, projectID: id).create(on: db)
        try await StatusEventModel(projectID: id, from: nil, to: ProjectStatus.reserve.rawValue, note: nil, at: Date()).create(on: db)
        return id
    }

    /// Replaces a project's content (keeps its id, status and history). What it was is kept as
    /// an earlier version (`versions(of:)`), in the same transaction; a replacement that changes
    /// nothing adds no version.
    public func replaceProject(_ id: UUID, with p: Project, by actor: AuditActor) async throws {
        try await db.transaction { db in
            guard let model = try await Self.fullQuery(on: db).filter(\.$id == id).first() else {
                throw Self.projectNotFound(id)
            }
            let enterprise = model.enterprise
            if p.id != model.code, try await ProjectModel.query(on: db).filter(\.$enterprise.$id == enterprise.requireID())
                .filter(\.$code == p.id).count() > 0 {
                throw RegistryError.conflict(LocalizedText(zh: "企业已有编号为 \(p.id) 的项目", en: "the enterprise already has a project \(p.id)"))
            }
            let recommendation = try await recommendation(of: p, enterprise: enterprise.creditCode, on: db)
            let before = AuditStates.project(model, creditCode: enterprise.creditCode)
            if model.domain() != p || model.recommendedFen != recommendation.total.fen
                || model.recommendedInstruments != ProjectModel.instrumentList(recommendation.lines.map(\.id)) {
                try await ProjectVersions.record(model, replacedBy: actor.name, on: db)
            }
            model.assign(p, enterpriseID: try enterprise.requireID(), enterpriseName: enterprise.name, district: enterprise.district,
                         evaluation: recommendation)
            try await model.save(on: db)
            try await Self.deleteChildren(of: id, on: db)
            try await ProjectModel.children(of: p, projectID: id).create(on: db)
            try await AuditTrail.append(AuditChange(action: "project.update", subjectType: "project", subjectID: id.uuidString.lowercased(),
                                                    before: before, after: AuditStates.project(model, creditCode: enterprise.creditCode)),
                                        by: actor, on: db)
        }
    }

    static func deleteChildren(of id: UUID, on db: any Database) async throws {
        try await deleteChildren(of: [id], on: db)
    }

    /// The children of many projects, a few hundred projects a statement.
    static func deleteChildren(of ids: [UUID], on db: any Database) async throws {
        var start = 0
        while start < ids.count {
            let slice = Array(ids[start..<min(start + 500, ids.count)])
            start += 500
            let loanIDs = try await LoanModel.query(on: db).filter(\.$project.$id ~~ slice).all(\.$id)
            if !loanIDs.isEmpty { try await LoanInterestModel.query(on: db).filter(\.$loan.$id ~~ loanIDs).delete() }
            try await LoanModel.query(on: db).filter(\.$project.$id ~~ slice).delete()
            try await ProjectCategoryModel.query(on: db).filter(\.$project.$id ~~ slice).delete()
            try await LeaseModel.query(on: db).filter(\.$project.$id ~~ slice).delete()
            try await EquipmentItemModel.query(on: db).filter(\.$project.$id ~~ slice).delete()
            try await CertificationModel.query(on: db).filter(\.$project.$id ~~ slice).delete()
        }
    }

    public func deleteProject(_ id: UUID, by actor: AuditActor) async throws {
        try await db.transaction { db in
            guard let model = try await Self.fullQuery(on: db).filter(\.$id == id).first() else { throw Self.projectNotFound(id) }
            if try await RollingListEntryModel.query(on: db).filter(\.$project.$id == id).count() > 0 {
                throw RegistryError.conflict(LocalizedText(zh: "项目已列入滚动清单，不能删除", en: "the project is on a rolling list and cannot be deleted"))
            }
            // The last version of a deleted project stays readable.
            try await ProjectVersions.record(model, replacedBy: "delete by \(actor.name)", on: db)
            let before = AuditStates.project(model, creditCode: model.enterprise.creditCode)
            try await Self.deleteChildren(of: id, on: db)
            try await StatusEventModel.query(on: db).filter(\.$project.$id == id).delete()
            try await model.delete(on: db)
            try await AuditTrail.append(AuditChange(action: "project.delete", subjectType: "project", subjectID: id.uuidString.lowercased(),
                                                    before: before), by: actor, on: db)
        }
    }

    static func projectNotFound(_ id: UUID) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到项目 \(id.uuidString.lowercased())", en: "no project \(id.uuidString.lowercased())"))
    }

    /// A project with everything it carries.
    public func project(_ id: UUID) async throws -> ProjectModel {
        guard let model = try await Self.fullQuery(on: db).filter(\.$id == id).first() else { throw Self.projectNotFound(id) }
        return model
    }

    static func fullQuery(on db: any Database) -> QueryBuilder<ProjectModel> {
        ProjectModel.query(on: db)
            .with(\.$enterprise).with(\.$categories).with(\.$loans) { $0.with(\.$interest) }
            .with(\.$leases).with(\.$equipment).with(\.$certifications).with(\.$statusEvents)
    }

    /// Every project of an enterprise, in their order of creation.
    public func projects(of creditCode: String) async throws -> (EnterpriseModel, [ProjectModel]) {
        let enterprise = try await requireEnterprise(creditCode, on: db)
        let projects = try await Self.fullQuery(on: db).filter(\.$enterprise.$id == enterprise.requireID())
            .sort(\.$createdAt).sort(\.$code).all()
        return (enterprise, projects)
    }

    /// Moves a project to another status, if the step is allowed, and records it.
    public func setStatus(_ id: UUID, to next: ProjectStatus, note: String?, by actor: AuditActor) async throws {
        try await db.transaction { db in
            guard let model = try await ProjectModel.find(id, on: db) else { throw Self.projectNotFound(id) }
            let current = ProjectStatus(rawValue: model.status) ?? .reserve
            guard current.allows(next) else {
                throw RegistryError.conflict(LocalizedText(zh: "项目状态不能从“\(current.label.zh)”变为“\(next.label.zh)”",
                                                           en: "a project cannot move from \(current.label.en) to \(next.label.en)"))
            }
            model.status = next.rawValue
            try await model.save(on: db)
            try await StatusEventModel(projectID: id, from: current.rawValue, to: next.rawValue, note: note, at: Date(),
                                       by: actor.name).create(on: db)
            try await AuditTrail.append(AuditChange(action: "project.status", subjectType: "project", subjectID: id.uuidString.lowercased(),
                                                    before: AuditStates.status(current.rawValue, note: nil),
                                                    after: AuditStates.status(next.rawValue, note: note)), by: actor, on: db)
        }
    }
}
