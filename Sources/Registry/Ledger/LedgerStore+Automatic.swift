import FluentKit
import Foundation
import Policy
import SQLKit
import Workflow

extension LedgerStore {
    /// A batch of proposals the platform made itself (免申即享).
    public struct AutomaticBatch: Sendable {
        public var id: UUID
        public var proposals: [PaymentProposalModel]
        /// Projects looked at: those on a published rolling list.
        public var projectsConsidered: Int
    }

    /// Support without application (免申即享): for every project on a published rolling list,
    /// each confirmed year of interest, each confirmed lease and each approved investment that the
    /// ledger has not paid and no open proposal covers becomes a proposal, when the engine finds
    /// something payable under the instrument the recommended combination puts it under. The
    /// instruments tried are the library's (yearly loan subsidies, lease subsidies, grants on the
    /// approved investment). Each enterprise is told, and may decline. All in one transaction.
    public func proposeAutomatic(today: Day, by actor: AuditActor) async throws -> AutomaticBatch {
        let loanInstruments = engine.library.cityInstruments.filter { $0.unit == .loan && $0.years != nil }.map(\.id)
        let leaseInstruments = engine.library.cityInstruments.filter { $0.unit == .lease }.map(\.id)
        let grantInstruments = engine.library.cityInstruments
            .filter { $0.kind == .grant && $0.base?.quantity == .investmentApprovedOrDeclared }.map(\.id)
        return try await db.transaction { db in
            let batchID = UUID()
            let listed = try await Self.listedProjects(on: db)
            var made: [PaymentProposalModel] = []
            for projectID in listed {
                let open = try await PaymentProposalModel.query(on: db).filter(\.$projectID == projectID)
                    .filter(\.$state == PaymentProposalState.proposed.rawValue).all()
                let (sums, _) = try await LedgerSums.load(project: projectID, on: db)
                var targets: [(PaymentTarget, [String])] = []
                let interest = try await InterestConfirmationModel.query(on: db).filter(\.$projectID == projectID).sort(\.$year).all()
                for c in interest { targets.append((.interest(loanId: c.loanID, year: c.year), loanInstruments)) }
                let leases = try await LeaseConfirmationModel.query(on: db).filter(\.$projectID == projectID).all()
                for c in leases { targets.append((.lease(leaseId: c.leaseID), leaseInstruments)) }
                if try await ProjectModel.find(projectID, on: db)?.approvedFen != nil { targets.append((.grant, grantInstruments)) }
                for (target, candidates) in targets {
                    if open.contains(where: { $0.basis == target.basisName && $0.contractID == target.contractId && $0.year == target.year }) { continue }
                    if candidates.contains(where: { sums.paidForUnit($0, contract: target.contractId, year: target.year) > .zero }) { continue }
                    for instrument in candidates {
                        do {
                            made.append(try await self.propose(application: nil, project: projectID, instrument: instrument, target: target,
                                                               today: today, batch: batchID, by: actor, on: db))
                            break
                        } catch RegistryError.conflict {
                            // Not payable under this instrument (not its assignment, cap used up, …): the next, or none.
                            continue
                        }
                    }
                }
            }
            for (code, proposals) in Dictionary(grouping: made, by: \.enterpriseCode).sorted(by: { $0.key < $1.key }) {
                try await Self.tellEnterprise(code, proposals, on: db)
            }
            try await AuditTrail.append(AuditChange(action: "ledger.batch-proposed", subjectType: "payment-batch", subjectID: batchID.uuidString.lowercased(),
                                                    after: AuditChange.state(["proposals": String(made.count), "projects": String(listed.count),
                                                                              "total": Money(fen: made.map(\.amountFen).reduce(0, +)).decimalString])),
                                        by: actor, on: db)
            return AutomaticBatch(id: batchID, proposals: made, projectsConsidered: listed.count)
        }
    }

    /// Approves every open proposal of a batch at once, in one transaction: the projects' locks
    /// first (in one order), then each payment computed again; a proposal with nothing payable
    /// left is reported and stays open.
    public func approveBatch(_ batchID: UUID, today: Day, by actor: AuditActor) async throws -> (paid: [LedgerEntryModel], refused: [(UUID, LocalizedText)]) {
        // The costly part of each payment outside the transaction (see `approve`).
        var preparing: [UUID: PreparedPayment] = [:]
        for p in try await PaymentProposalModel.query(on: db).filter(\.$batchID == batchID).filter(\.$state == PaymentProposalState.proposed.rawValue).all() {
            preparing[try p.requireID()] = try? await prepare(p, today: today, on: db)
        }
        let prepared = preparing
        return try await db.transaction { db in
            let proposals = try await PaymentProposalModel.query(on: db).filter(\.$batchID == batchID).sort(\.$createdAt).all()
            guard !proposals.isEmpty else {
                throw RegistryError.notFound(LocalizedText(zh: "未找到拨付批次 \(batchID.uuidString.lowercased())", en: "no payment batch \(batchID.uuidString.lowercased())"))
            }
            let open = proposals.filter { $0.state == PaymentProposalState.proposed.rawValue }
            // Every lock before the first audit entry: the audit trail's lock is taken last by all.
            try await LedgerLock.take(open.map(\.projectID), on: db)
            // Then every budget pool the batch is charged to, in one order, before any is read.
            let pools = Set(open.map { BudgetLock.pool(instrument: $0.instrument, year: $0.year ?? today.year) })
            for name in pools.sorted() { try await BudgetLock.take(name, on: db) }
            var paid: [LedgerEntryModel] = []
            var refused: [(UUID, LocalizedText)] = []
            for p in open {
                do { paid.append(try await self.pay(p.requireID(), prepared: prepared[try p.requireID()], today: today, by: actor, on: db)) }
                catch RegistryError.conflict(let why) { refused.append((try p.requireID(), why)) }
            }
            return (paid, refused)
        }
    }

    /// Projects on a rolling list that has been published (or sent), not removed from it.
    static func listedProjects(on db: any Database) async throws -> [UUID] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct Row: Decodable { var project_id: UUID }
        return try await sql.raw("""
            SELECT DISTINCT e.project_id FROM rolling_list_entries e JOIN rolling_lists l ON l.id = e.list_id
            WHERE e.removed_in_version IS NULL AND l.status IN ('published', 'sent') ORDER BY e.project_id
            """).all(decoding: Row.self).map(\.project_id)
    }

    static func tellEnterprise(_ code: String, _ proposals: [PaymentProposalModel], on db: any Database) async throws {
        let total = Money(fen: proposals.map(\.amountFen).reduce(0, +))
        // The first twenty lines; a notice has a length limit, the proposals list has them all.
        var lines = proposals.prefix(20).map { "\($0.instrument) \($0.contractID ?? "") \($0.year.map(String.init) ?? "") \(Money(fen: $0.amountFen).decimalString)" }
        if proposals.count > 20 { lines.append("… +\(proposals.count - 20)") }
        let recipient = NoticeRecipient.enterprise(creditCode: code)
        let draft = NoticeDraft(
            recipient: recipient, kind: "ledger.automatic-proposal",
            title: LocalizedText(zh: "免申即享：平台拟向贵企业拨付 \(total.decimalString) 元", en: "Support without application: the platform proposes to pay you \(total.decimalString) yuan"),
            body: LocalizedText(zh: "根据银行确认的利息、出租人确认的设备投资或核定投资，平台拟拨付以下款项（政策工具、合同、年度、金额）：\n" + lines.joined(separator: "\n") + "\n如不需要，可在审批前拒绝。",
                                en: "From interest confirmed by the bank, equipment investment confirmed by the lessor or the approved investment, the platform proposes to pay (instrument, contract, year, amount):\n" + lines.joined(separator: "\n") + "\nYou may decline before it is approved."),
            projectID: proposals[0].projectID)
        try await NoticeComposer(db: db).post(draft, mailTo: try await CaseNotice.addresses(of: recipient, on: db))
    }
}
