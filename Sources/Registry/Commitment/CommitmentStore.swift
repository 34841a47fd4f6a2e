import FluentKit
import Foundation
import Policy
import SQLKit
import Workflow

/// Commitment filing (承诺备案, clause 八), persisted: a zero-land technical-renovation project's
/// application files on the enterprise's signed commitment and gets its filing record at once;
/// a share of the filings of a period is drawn for verification from a recorded seed; a
/// verification finds the commitment kept, or breached, which revokes the filing.
///
/// The rules are `Workflow`'s (`CommitmentFilingDecision`, `CommitmentSample`,
/// `CommitmentFilingStatus`); this store loads the facts, asks them, and writes the outcome with
/// its audit entries in one transaction. Whose filings a caller reaches is the caller's
/// `RecordScope` (the server's `Visibility`): outside it a filing is "not found".
public struct CommitmentStore: Sendable {
    public let db: any Database
    public let engine: Engine
    public let workflow: WorkflowLibrary

    public init(db: any Database, engine: Engine, workflow: WorkflowLibrary) {
        self.db = db
        self.engine = engine
        self.workflow = workflow
    }

    var rules: ProcessRules.CommitmentFiling { workflow.process.commitmentFiling }

    /// The PostgreSQL advisory lock that puts filings (their numbers) and draws (their periods)
    /// in a line; SQLite writes one transaction at a time anyway.
    static let numberLock: Int64 = 0x5245_4e45_5741_4c11
    static let drawLock: Int64 = 0x5245_4e45_5741_4c12

    static func advisoryLock(_ key: Int64, on db: any Database) async throws {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: key))").run()
        }
    }

    static func notFound(_ id: UUID) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到承诺备案 \(id.uuidString.lowercased())", en: "no commitment filing \(id.uuidString.lowercased())"))
    }

    static func number(year: Int, seq: Int) -> String {
        "CN-\(year)-" + String(repeating: "0", count: max(0, 6 - String(seq).count)) + String(seq)
    }

    // MARK: Filing

    /// Files the application's project on commitment, on `day`: refused (409) for a project
    /// that does not qualify, without the signed commitment among the application's materials,
    /// for a closed application, or when the application or its project already has a filing in
    /// force. A project in the reserve moves to `filed` (承诺即备案), recorded through the
    /// project's own status change; a project already past the reserve stays where it is.
    public func file(applicationID: UUID, on day: Day, by who: AuditActor, scope: RecordScope = .everything) async throws -> CommitmentFilingModel {
        try await db.transaction { db in
            let application = try await ApplicationStore.lock(applicationID, on: db)
            guard scope.admits(creditCode: application.creditCode, district: application.district) else {
                throw ApplicationStore.notFound(applicationID)
            }
            let state = ApplicationState(rawValue: application.state) ?? .draft
            if state.isFinal {
                throw RegistryError.conflict(LocalizedText(zh: "申报已“\(state.label.zh)”，不能再承诺备案",
                                                           en: "the application is \(state.label.en); it can no longer file on commitment"))
            }
            if let existing = try await CommitmentFilingModel.query(on: db).filter(\.$application.$id == applicationID).first() {
                throw RegistryError.conflict(LocalizedText(zh: "该申报已有承诺备案 \(existing.number)",
                                                           en: "the application already has the commitment filing \(existing.number)"))
            }
            let projectID = application.$project.id
            if let standing = try await CommitmentFilingModel.query(on: db).filter(\.$project.$id == projectID)
                .filter(\.$status != CommitmentFilingStatus.revoked.rawValue).first() {
                throw RegistryError.conflict(LocalizedText(zh: "该项目已有有效的承诺备案 \(standing.number)",
                                                           en: "the project already has the commitment filing \(standing.number) in force"))
            }
            guard let project = try await ProjectStore.fullQuery(on: db).filter(\.$id == projectID).first() else {
                throw ProjectStore.projectNotFound(projectID)
            }
            let domain = project.domain()
            let materials = try await ApplicationStore.materials(of: applicationID, on: db)
            let decision = CommitmentFilingDecision.decide(categories: domain.categories, zeroLand: domain.zeroLand,
                                                           provided: ApplicationStore.provided(materials), on: day,
                                                           rules: rules, checklist: workflow.materials)
            guard case .filed = decision else { throw RegistryError.conflict(decision.message) }
            // The signed commitment it stands on: the latest upload of the item.
            guard let letter = materials.filter({ $0.item == rules.commitmentItem }).max(by: { $0.uploadedAt < $1.uploadedAt }) else {
                throw RegistryError.conflict(CommitmentFilingDecision.commitmentMissing(item: rules.commitmentItem).message)
            }

            try await Self.advisoryLock(Self.numberLock, on: db)
            let year = day.year
            let last = try await CommitmentFilingModel.query(on: db).filter(\.$year == year).sort(\.$seq, .descending).first()
            let seq = (last?.seq ?? 0) + 1
            let statusBefore = ProjectStatus(rawValue: project.status) ?? .reserve
            let filing = CommitmentFilingModel()
            let id = UUID()
            filing.id = id
            filing.number = Self.number(year: year, seq: seq)
            filing.year = year
            filing.seq = seq
            filing.filedOn = day.description
            filing.$application.id = applicationID
            filing.$project.id = projectID
            filing.creditCode = application.creditCode
            filing.district = application.district
            filing.status = CommitmentFilingStatus.filed.rawValue
            filing.commitmentMaterialID = try letter.requireID()
            filing.commitmentSHA256 = letter.sha256
            filing.projectStatusBefore = statusBefore.rawValue
            filing.movedProject = statusBefore == .reserve
            filing.revision = 1
            filing.filedBy = who.name
            try await filing.create(on: db)
            try await AuditTrail.append(AuditChange(action: "commitment.file", subjectType: "commitment_filing", subjectID: id.uuidString.lowercased(),
                                                    caseID: applicationID.uuidString.lowercased(),
                                                    after: AuditChange.state(["number": filing.number, "filedOn": filing.filedOn,
                                                                              "status": filing.status, "application": applicationID.uuidString.lowercased(),
                                                                              "project": projectID.uuidString.lowercased(),
                                                                              "creditCode": filing.creditCode, "commitmentSha256": letter.sha256])),
                                        by: who, on: db)
            if filing.movedProject {
                try await ProjectStore(db: db, engine: engine).setStatus(projectID, to: .filed,
                    note: "承诺备案 \(filing.number) / filed on commitment \(filing.number)", by: who)
            }
            return filing
        }
    }

    // MARK: Reading

    /// A filing the scope reaches (404 otherwise, as for one that does not exist).
    public func filing(_ id: UUID, scope: RecordScope = .everything) async throws -> CommitmentFilingModel {
        guard let f = try await CommitmentFilingModel.find(id, on: db), scope.admits(creditCode: f.creditCode, district: f.district) else {
            throw Self.notFound(id)
        }
        return f
    }

    /// The filings the scope reaches, by number; optionally of one status or one application.
    public func filings(scope: RecordScope, status: CommitmentFilingStatus? = nil, page: Int = 1, perPage: Int = 50) async throws -> (items: [CommitmentFilingModel], total: Int) {
        let query = CommitmentFilingModel.query(on: db)
        switch scope {
        case .everything: break
        case .enterprise(let code): query.filter(\.$creditCode == code)
        case .district(let d): query.filter(\.$district == d)
        case .nothing: return ([], 0)
        }
        if let status { query.filter(\.$status == status.rawValue) }
        let total = try await query.count()
        let items = try await query.sort(\.$year).sort(\.$seq).range(((page - 1) * perPage)..<(page * perPage)).all()
        return (items, total)
    }

    /// A filing's verifications, oldest first.
    public func verifications(of filingID: UUID) async throws -> [CommitmentVerificationModel] {
        try await CommitmentVerificationModel.query(on: db).filter(\.$filing.$id == filingID).sort(\.$verifiedAt).all()
    }
}
