import FluentKit
import Foundation
import Policy
import Workflow

extension LedgerStore {
    /// Approves a proposal and writes its entry. In one transaction: the project's lock, the
    /// ledger's sums, the engine's computation again, the entry — the lesser of what was proposed
    /// and what the ledger now allows (another payment may have used the cap meanwhile). Nothing
    /// payable any more: refused, and the proposal stays as it was.
    public func approve(_ proposalID: UUID, today: Day, by actor: AuditActor) async throws -> LedgerEntryModel {
        // The costly part outside the lock, so that payments on one project wait for each other
        // only for the sums and the write.
        guard let first = try await PaymentProposalModel.find(proposalID, on: db) else { throw Self.proposalNotFound(proposalID) }
        let prepared = try? await prepare(first, today: today, on: db)
        return try await db.transaction { db in
            try await LedgerLock.take(first.projectID, on: db)
            return try await self.pay(proposalID, prepared: prepared, today: today, by: actor, on: db)
        }
    }

    /// The subject, target and basis of a stored proposal.
    func prepare(_ p: PaymentProposalModel, today: Day, on db: any Database) async throws -> PreparedPayment {
        guard let target = PaymentTarget(basis: p.basis, contract: p.contractID, year: p.year) else {
            throw RegistryError.conflict(LocalizedText(zh: "拨付建议无法读取", en: "the proposal cannot be read"))
        }
        let subject: PaymentSubject
        if let app = p.applicationID {
            subject = try await self.subject(application: app, on: db)
        } else {
            subject = try await self.subject(project: p.projectID, on: Day(iso: p.proposedOn) ?? today, on: db)
        }
        return try await prepare(subject, instrument: p.instrument, target: target, on: db)
    }

    /// The payment of one proposal, its project's lock already held. A basis prepared before the
    /// lock is used if the confirmed figures are still those it was computed on.
    func pay(_ proposalID: UUID, prepared: PreparedPayment?, today: Day, by actor: AuditActor, on db: any Database) async throws -> LedgerEntryModel {
        guard let p = try await PaymentProposalModel.find(proposalID, on: db) else { throw Self.proposalNotFound(proposalID) }
        guard p.state == PaymentProposalState.proposed.rawValue else {
            throw RegistryError.conflict(LocalizedText(zh: "拨付建议已处理（\(p.state)）", en: "the proposal is settled already (\(p.state))"))
        }
        var ready = prepared
        if let r = ready, try await confirmedFigures(r.target, project: p.projectID, on: db) != r.confirmed { ready = nil }
        let payment: PreparedPayment
        if let ready { payment = ready } else { payment = try await prepare(p, today: today, on: db) }
        let (sums, _) = try await LedgerSums.load(project: p.projectID, on: db)
        // The budget pool the payment is charged to, locked (after the project's lock) until commit.
        let pool = try await BudgetStore.poolRoom(instrument: p.instrument, year: p.year ?? today.year, district: p.district, on: db)
        var computation = settle(payment, sums: sums, poolRoom: pool)
        let institution = payment.institution
        let target = payment.target
        guard computation.isPayable else {
            throw RegistryError.conflict(computation.refusal ?? LocalizedText(zh: "无可拨付金额", en: "nothing is payable"))
        }
        if computation.amount.fen > p.amountFen {
            // Approval is of the amount proposed, never of more.
            computation.amount = Money(fen: p.amountFen)
            computation.limitedBy = "proposal"
        }
        let entry = LedgerEntryModel()
        entry.id = UUID()
        entry.projectID = p.projectID
        entry.enterpriseCode = p.enterpriseCode
        entry.district = p.district
        entry.applicationID = p.applicationID
        entry.instrument = p.instrument
        entry.contractID = p.contractID
        entry.institution = institution ?? p.institution
        entry.year = p.year
        entry.kind = target.entryKind.rawValue
        entry.amountFen = computation.amount.fen
        entry.owedFen = 0
        entry.origin = p.origin
        entry.proposalID = p.id
        entry.reverses = nil
        entry.reason = "\(computation.clause) \(p.instrument)"
        entry.computationJSON = computationJSON(computation)
        entry.recordedOn = today.description
        entry.recordedBy = actor.name
        entry.createdAt = Date()
        try await entry.create(on: db)
        p.state = PaymentProposalState.paid.rawValue
        p.settledOn = today.description
        p.settledBy = actor.name
        p.entryID = entry.id
        try await p.save(on: db)
        try await AuditTrail.append(AuditChange(action: "ledger.paid", subjectType: "ledger-entry", subjectID: entry.id!.uuidString.lowercased(),
                                                caseID: p.applicationID?.uuidString.lowercased(), after: Self.state(entry)), by: actor, on: db)
        return entry
    }

    /// The enterprise declines a proposal (support it does not want), or an officer withdraws one.
    public func settleWithoutPaying(_ proposalID: UUID, declinedByEnterprise: Bool, note: String?, today: Day,
                                    scope: RecordScope, by actor: AuditActor) async throws -> PaymentProposalModel {
        try await db.transaction { db in
            guard let p = try await PaymentProposalModel.find(proposalID, on: db), scope.admits(creditCode: p.enterpriseCode, district: p.district) else {
                throw Self.proposalNotFound(proposalID)
            }
            guard p.state == PaymentProposalState.proposed.rawValue else {
                throw RegistryError.conflict(LocalizedText(zh: "拨付建议已处理（\(p.state)）", en: "the proposal is settled already (\(p.state))"))
            }
            let before = Self.state(p)
            p.state = (declinedByEnterprise ? PaymentProposalState.declined : .withdrawn).rawValue
            p.settledOn = today.description
            p.settledBy = actor.name
            p.note = note
            try await p.save(on: db)
            try await AuditTrail.append(AuditChange(action: declinedByEnterprise ? "ledger.declined" : "ledger.withdrawn", subjectType: "payment-proposal",
                                                    subjectID: proposalID.uuidString.lowercased(), caseID: p.applicationID?.uuidString.lowercased(),
                                                    before: before, after: Self.state(p)), by: actor, on: db)
            return p
        }
    }

    static func state(_ e: LedgerEntryModel) -> String {
        AuditChange.state(["project": e.projectID.uuidString.lowercased(), "instrument": e.instrument, "kind": e.kind,
                           "contract": e.contractID, "year": e.year.map(String.init), "amount": Money(fen: e.amountFen).decimalString,
                           "owed": Money(fen: e.owedFen).decimalString, "origin": e.origin, "reverses": e.reverses?.uuidString.lowercased(),
                           "reason": e.reason, "recordedOn": e.recordedOn])
    }
}
