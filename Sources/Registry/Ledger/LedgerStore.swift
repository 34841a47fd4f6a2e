import FluentKit
import Foundation
import Policy
import Workflow

/// The disbursement ledger, persisted: banks' and lessors' confirmations, payment proposals, and
/// the entries — payments, clawbacks, repayments, corrections — written append-only. The
/// amounts are the engine's (`Engine.payment`), computed from the confirmed figures and the
/// ledger's sums read in the same transaction as the write, after the project's lock
/// (`LedgerLock`): no cap is ever passed, whatever the number of servers and requests.
public struct LedgerStore: Sendable {
    public let db: any Database
    public let engine: Engine
    /// The policy library's version, kept in each computation.
    public let libraryVersion: String

    public init(db: any Database, engine: Engine, libraryVersion: String) {
        self.db = db
        self.engine = engine
        self.libraryVersion = libraryVersion
    }

    static func proposalNotFound(_ id: UUID) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到拨付建议 \(id.uuidString.lowercased())", en: "no payment proposal \(id.uuidString.lowercased())"))
    }

    static func entryNotFound(_ id: UUID) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到台账记录 \(id.uuidString.lowercased())", en: "no ledger entry \(id.uuidString.lowercased())"))
    }

    static func invalid(_ path: String, _ zh: String, _ en: String) -> RegistryError {
        .invalid([ValidationIssue(path: path, zh: zh, en: en)])
    }
}

/// What a payment is computed on: the project (as submitted and approved, for a case; as the
/// registry holds it, without one), who it belongs to, the day whose policy applies, and the
/// decision's award per instrument.
struct PaymentSubject: Sendable {
    var projectID: UUID
    var enterpriseCode: String
    var district: String
    var applicationID: UUID?
    var project: Project
    /// The decision day for a case (the values it pinned); the day of the proposal without one.
    var policyDay: Day
    var awards: [String: Money]

    var origin: LedgerOrigin { applicationID == nil ? .automatic : .application }
}

extension LedgerStore {
    /// The subject of a payment on an approved case: its submitted project with the approved
    /// investment, and the amounts granted.
    func subject(application id: UUID, on db: any Database) async throws -> PaymentSubject {
        guard let model = try await ApplicationModel.query(on: db).filter(\.$id == id).with(\.$project).first() else {
            throw ApplicationStore.notFound(id)
        }
        guard model.state == ApplicationState.approved.rawValue,
              let decision = try await ApplicationDecisionModel.query(on: db).filter(\.$application.$id == id)
                .filter(\.$outcome == ApplicationState.approved.rawValue).first(),
              let decidedOn = Day(iso: decision.decidedOn) else {
            throw RegistryError.conflict(LocalizedText(zh: "申报尚未核准，不能拨付", en: "the application is not approved: nothing can be paid on it"))
        }
        var project = try ApplicationStore.submittedProject(model, vocabulary: engine.library.vocabulary)
        if let approved = decision.approvedInvestmentFen { project.investment.approved = Money(fen: approved) }
        return PaymentSubject(projectID: model.$project.id, enterpriseCode: model.creditCode, district: model.district,
                              applicationID: id, project: project, policyDay: decidedOn, awards: Self.awards(decision.grantsJSON))
    }

    /// The subject of a payment without an application (免申即享): the project as the registry holds it.
    func subject(project id: UUID, on day: Day, on db: any Database) async throws -> PaymentSubject {
        guard let model = try await ProjectStore.fullQuery(on: db).filter(\.$id == id).first() else { throw ProjectStore.projectNotFound(id) }
        return PaymentSubject(projectID: id, enterpriseCode: model.enterprise.creditCode, district: model.enterprise.district,
                              applicationID: nil, project: model.domain(), policyDay: day, awards: [:])
    }

    /// The approved case of a project, if it has one: its payments go on the case.
    func approvedCase(of projectID: UUID, on db: any Database) async throws -> UUID? {
        try await ApplicationModel.query(on: db).filter(\.$project.$id == projectID)
            .filter(\.$state == ApplicationState.approved.rawValue).first()?.requireID()
    }

    /// `[{"instrument":"7a","granted":"1000.00",…}]` → instrument → amount granted.
    static func awards(_ json: String) -> [String: Money] {
        guard let value = try? JSONParser.parse(json), case .array(let items) = value else { return [:] }
        var out: [String: Money] = [:]
        for item in items {
            if case .string(let id)? = item["instrument"], case .string(let granted)? = item["granted"], let m = Money(yuanText: granted) { out[id] = m }
        }
        return out
    }
}
