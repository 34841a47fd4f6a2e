import FluentKit
import Foundation
import Policy
import Workflow

extension LedgerStore {
    /// Proposes a payment: on a case (`application`), or on a project (`project`) — which goes
    /// on the project's approved case if it has one, and is support without an application if
    /// not. The engine computes it now; an officer approves it later (`approve`), when it is
    /// computed again against the ledger as it then stands.
    public func propose(application: UUID?, project: UUID?, instrument: String, target: PaymentTarget, today: Day,
                        batch: UUID? = nil, by actor: AuditActor) async throws -> PaymentProposalModel {
        try await db.transaction { db in
            try await self.propose(application: application, project: project, instrument: instrument, target: target,
                                   today: today, batch: batch, by: actor, on: db)
        }
    }

    func propose(application: UUID?, project: UUID?, instrument: String, target: PaymentTarget, today: Day,
                 batch: UUID?, by actor: AuditActor, on db: any Database) async throws -> PaymentProposalModel {
        let subject: PaymentSubject
        if let application {
            subject = try await self.subject(application: application, on: db)
            if let project, project != subject.projectID {
                throw Self.invalid("$.projectId", "项目不是该申报的项目", "the project is not the application's")
            }
        } else if let project {
            if let caseID = try await approvedCase(of: project, on: db) {
                subject = try await self.subject(application: caseID, on: db)
            } else {
                subject = try await self.subject(project: project, on: today, on: db)
            }
        } else {
            throw Self.invalid("$.applicationId", "须指明申报或项目", "an application or a project is required")
        }
        let open = try await PaymentProposalModel.query(on: db).filter(\.$projectID == subject.projectID)
            .filter(\.$instrument == instrument).filter(\.$basis == target.basisName)
            .filter(\.$state == PaymentProposalState.proposed.rawValue).all()
            .filter { $0.contractID == target.contractId && $0.year == target.year }
        if !open.isEmpty {
            throw RegistryError.conflict(LocalizedText(zh: "已有待审批的同一拨付建议", en: "the same payment is already proposed and awaits approval"))
        }
        let (sums, _) = try await LedgerSums.load(project: subject.projectID, on: db)
        let (computation, institution) = try await compute(subject, instrument: instrument, target: target, sums: sums, on: db)
        guard computation.isPayable else {
            throw RegistryError.conflict(computation.refusal ?? LocalizedText(zh: "无可拨付金额", en: "nothing is payable"))
        }
        let p = PaymentProposalModel()
        p.id = UUID()
        p.projectID = subject.projectID
        p.enterpriseCode = subject.enterpriseCode
        p.district = subject.district
        p.applicationID = subject.applicationID
        p.instrument = instrument
        p.basis = target.basisName
        p.contractID = target.contractId
        p.institution = institution
        p.year = target.year
        p.amountFen = computation.amount.fen
        p.computationJSON = computationJSON(computation)
        p.origin = subject.origin.rawValue
        p.batchID = batch
        p.state = PaymentProposalState.proposed.rawValue
        p.proposedOn = today.description
        p.proposedBy = actor.name
        p.createdAt = Date()
        try await p.create(on: db)
        try await AuditTrail.append(AuditChange(action: "ledger.proposed", subjectType: "payment-proposal", subjectID: p.id!.uuidString.lowercased(),
                                                caseID: subject.applicationID?.uuidString.lowercased(), after: Self.state(p)), by: actor, on: db)
        return p
    }

    static func state(_ p: PaymentProposalModel) -> String {
        AuditChange.state(["project": p.projectID.uuidString.lowercased(), "instrument": p.instrument, "basis": p.basis,
                           "contract": p.contractID, "year": p.year.map(String.init), "amount": Money(fen: p.amountFen).decimalString,
                           "origin": p.origin, "state": p.state, "batch": p.batchID?.uuidString.lowercased(), "note": p.note])
    }
}
