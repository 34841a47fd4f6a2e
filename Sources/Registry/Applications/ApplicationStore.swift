import FluentKit
import Foundation
import Policy
import Risk
import SQLKit
import Workflow

/// Applications (申报) and their review, persisted. The rules are `Workflow`'s: this store loads
/// the facts a rule needs, asks the rule, and writes its decision — the new state, a transition
/// row and an audit entry — in one transaction. Days are given by the caller (the platform's
/// clock), so that tests and scheduled work decide on the day they mean.
public struct ApplicationStore: Sendable {
    public let db: any Database
    public let engine: Engine
    public let workflow: WorkflowLibrary
    /// The policy library's version (a hash of its files), pinned to every decision.
    public let libraryVersion: String
    /// The thresholds of the risk flags raised on submission; nil raises none (a command that
    /// only re-evaluates, a test of the workflow alone).
    public let risk: RiskSettings?

    public init(db: any Database, engine: Engine, workflow: WorkflowLibrary, libraryVersion: String, risk: RiskSettings? = nil) {
        self.db = db
        self.engine = engine
        self.workflow = workflow
        self.libraryVersion = libraryVersion
        self.risk = risk
    }

    static func notFound(_ id: UUID) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到申报 \(id.uuidString.lowercased())", en: "no application \(id.uuidString.lowercased())"))
    }

    /// The application with everything a reader of the case needs.
    public func application(_ id: UUID) async throws -> ApplicationModel {
        guard let model = try await Self.full(on: db).filter(\.$id == id).first() else { throw Self.notFound(id) }
        return model
    }

    static func full(on db: any Database) -> QueryBuilder<ApplicationModel> {
        ApplicationModel.query(on: db).with(\.$transitions).with(\.$deferrals).with(\.$steps).with(\.$project)
    }

    /// The application's materials without their bytes (which are read one at a time, to be served).
    public func materials(of id: UUID) async throws -> [ApplicationMaterialModel] {
        try await Self.materials(of: id, on: db)
    }

    static func materials(of id: UUID, on db: any Database) async throws -> [ApplicationMaterialModel] {
        try await ApplicationMaterialModel.query(on: db).filter(\.$application.$id == id)
            .field(\.$id).field(\.$application.$id).field(\.$item).field(\.$contentKind).field(\.$fileName)
            .field(\.$size).field(\.$sha256).field(\.$uploadedBy).field(\.$uploadedAt)
            .sort(\.$uploadedAt).all()
    }

    /// Locks the application's row for the rest of the transaction (PostgreSQL: the update's row
    /// lock; SQLite: one writer at a time) and reads it: two officers acting on one case at once
    /// are put in a line, the second acting on what the first left.
    static func lock(_ id: UUID, on db: any Database) async throws -> ApplicationModel {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("UPDATE applications SET revision = revision + 1 WHERE id = \(bind: id)").run()
        }
        guard let model = try await full(on: db).filter(\.$id == id).first() else { throw notFound(id) }
        return model
    }

    /// Moves the application by `event` under the workflow's transition function, and records
    /// the move and its audit entry.
    @discardableResult
    func move(_ model: ApplicationModel, by event: ApplicationEvent, actor: WorkflowActor, context: TransitionContext = TransitionContext(),
              day: Day, who: AuditActor, reasons: String? = nil, details: [String: String?] = [:], departments: [String] = [],
              on db: any Database) async throws -> ApplicationState {
        let current = ApplicationState(rawValue: model.state) ?? .draft
        let next: ApplicationState
        do throws(TransitionRefusal) {
            next = try ApplicationTransitions.apply(event, to: current, by: actor, context: context)
        } catch {
            throw RegistryError.conflict(error.message)
        }
        model.state = next.rawValue
        if let reasons { model.reasons = reasons }
        try await model.save(on: db)
        let t = ApplicationTransitionModel()
        t.$application.id = try model.requireID()
        t.fromState = current.rawValue
        t.toState = next.rawValue
        t.event = event.name
        t.day = day.description
        t.at = Date()
        t.actorName = who.name
        t.reasons = reasons
        try await t.create(on: db)
        var after = details
        after["state"] = next.rawValue
        if let reasons { after["reasons"] = reasons }
        try await AuditTrail.append(AuditChange(action: "application.\(event.name)", subjectType: "application",
                                                subjectID: try model.requireID().uuidString.lowercased(),
                                                caseID: try model.requireID().uuidString.lowercased(),
                                                before: AuditChange.state(["state": current.rawValue]),
                                                after: AuditChange.state(after)), by: who, on: db)
        for notice in try notices(after: next, event: event, of: model, reasons: reasons, departments: departments) { try await notice.post(on: db) }
        return next
    }
}

extension Day {
    /// A day stored as `YYYY-MM-DD`; stored days are written by the platform, so they parse.
    static func stored(_ text: String) -> Day { Day(iso: text)! }
}
