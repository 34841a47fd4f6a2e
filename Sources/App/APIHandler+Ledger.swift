import API
import Foundation
import Policy
import Registry
import Workflow

/// The disbursement ledger: banks' and lessors' confirmations, proposals computed by the engine,
/// approval under the caps, 免申即享 batches, clawbacks, repayments, corrections and the sums.
/// Who reaches what: `OperationRules` by role, then `ledgerScope` — an enterprise its own, a
/// district officer its district, a bank or lessor its own contracts, the city everything.
extension APIHandler {
    var ledger: LedgerStore { services.ledgerStore() }

    func ledgerScope() throws -> LedgerScope {
        let principal = try access().principal
        if principal.role == .bank {
            guard let name = principal.institution else { return .records(.nothing) }
            return .institution(name)
        }
        return .records(try visibility().scope)
    }

    /// The bank's or lessor's name, for what only the contract's institution may do.
    func institution() throws -> String {
        let principal = try access().principal
        guard principal.role == .bank, let name = principal.institution else {
            throw Forbidden(message: LocalizedText(zh: "只有合同所载的银行或出租人可以确认", en: "only the contract's bank or lessor may confirm"))
        }
        return name
    }

    func requiredMoney(_ text: String, at path: String, into issues: inout [ValidationIssue]) -> Money {
        guard let m = Money(yuanText: text), m >= .zero else {
            issues.append(ValidationIssue(path: path, zh: "应为金额（元），如 1234.56：\(text.prefix(40))", en: "must be an amount in yuan such as 1234.56: \(text.prefix(40))"))
            return .zero
        }
        return m
    }

    func requiredDay(_ text: String, at path: String, into issues: inout [ValidationIssue]) -> Day {
        guard let d = Day(iso: text) else {
            issues.append(ValidationIssue(path: path, zh: "应为日期 YYYY-MM-DD：\(text.prefix(40))", en: "must be a date YYYY-MM-DD: \(text.prefix(40))"))
            return Day(year: 2000, month: 1, day: 1)!
        }
        return d
    }

    func listInstitutionContracts(_ input: Operations.ListInstitutionContracts.Input) async throws -> Operations.ListInstitutionContracts.Output {
        let (page, perPage) = try page(input.query.page, input.query.perPage)
        let principal = try access().principal
        let institution: String? = principal.role == .bank ? (principal.institution ?? "") : nil
        let found = try await ledger.contracts(institution: institution, page: page, perPage: perPage)
        return .ok(.init(body: .json(.init(items: found.items.map(Self.contract), page: page, perPage: perPage, total: found.total))))
    }

    func confirmLoanInterest(_ input: Operations.ConfirmLoanInterest.Input) async throws -> Operations.ConfirmLoanInterest.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        let project = uuidField(body.projectId, at: "$.projectId", into: &issues)
        check(body.loanId, .identifier, at: "$.loanId", into: &issues)
        let interest = requiredMoney(body.interest, at: "$.interest", into: &issues)
        let paidOn = requiredDay(body.paidOn, at: "$.paidOn", into: &issues)
        try refuse(issues)
        let row = try await ledger.confirmInterest(project: project, loan: body.loanId, year: body.year, interest: interest, paidOn: paidOn,
                                                   reference: body.reference, institution: try institution(), today: services.clock.today(), by: currentActor())
        return .created(.init(body: .json(try Self.confirmation(row))))
    }

    func confirmLeaseInvestment(_ input: Operations.ConfirmLeaseInvestment.Input) async throws -> Operations.ConfirmLeaseInvestment.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        let project = uuidField(body.projectId, at: "$.projectId", into: &issues)
        check(body.leaseId, .identifier, at: "$.leaseId", into: &issues)
        let investment = requiredMoney(body.equipmentInvestment, at: "$.equipmentInvestment", into: &issues)
        try refuse(issues)
        let row = try await ledger.confirmLease(project: project, lease: body.leaseId, equipmentInvestment: investment, reference: body.reference,
                                                institution: try institution(), today: services.clock.today(), by: currentActor())
        return .created(.init(body: .json(try Self.confirmation(row))))
    }

    func listConfirmations(_ input: Operations.ListConfirmations.Input) async throws -> Operations.ListConfirmations.Output {
        let project = try uuid(input.query.projectId, name: "projectId")
        let (interest, leases) = try await ledger.confirmations(project: project, scope: try ledgerScope())
        return .ok(.init(body: .json(.init(interest: try interest.map(Self.confirmation), leases: try leases.map(Self.confirmation)))))
    }

    func listPaymentProposals(_ input: Operations.ListPaymentProposals.Input) async throws -> Operations.ListPaymentProposals.Output {
        let (page, perPage) = try page(input.query.page, input.query.perPage)
        let state = input.query.state.flatMap { PaymentProposalState(rawValue: $0.rawValue) }
        let batch = try input.query.batchId.map { try uuid($0, name: "batchId") }
        let project = try input.query.projectId.map { try uuid($0, name: "projectId") }
        let found = try await ledger.proposals(scope: try ledgerScope(), state: state, batch: batch, project: project, page: page, perPage: perPage)
        return .ok(.init(body: .json(.init(items: try found.items.map(Self.proposal), page: page, perPage: perPage, total: found.total))))
    }

    func proposePayment(_ input: Operations.ProposePayment.Input) async throws -> Operations.ProposePayment.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        let application = body.applicationId.map { uuidField($0, at: "$.applicationId", into: &issues) }
        let project = body.projectId.map { uuidField($0, at: "$.projectId", into: &issues) }
        if application == nil && project == nil {
            issues.append(ValidationIssue(path: "$.applicationId", zh: "须指明申报（applicationId）或项目（projectId）", en: "name the application (applicationId) or the project (projectId)"))
        }
        let target = paymentTarget(body, into: &issues)
        try refuse(issues)
        // A district officer proposes within its district only.
        if let project { try await requireVisibleProject(project) }
        if let application { _ = try await visibleCase(application.uuidString) }
        let p = try await ledger.propose(application: application, project: project, instrument: body.instrument, target: target!,
                                         today: services.clock.today(), by: currentActor())
        return .created(.init(body: .json(try Self.proposal(p))))
    }

    func paymentTarget(_ body: Components.Schemas.PaymentProposalRequest, into issues: inout [ValidationIssue]) -> PaymentTarget? {
        switch body.basis {
        case .interest:
            guard let contract = body.contractId else { issues.append(ValidationIssue(path: "$.contractId", zh: "须指明贷款", en: "the loan is required")); return nil }
            guard let year = body.year else { issues.append(ValidationIssue(path: "$.year", zh: "须指明年度", en: "the year is required")); return nil }
            check(contract, .identifier, at: "$.contractId", into: &issues)
            return .interest(loanId: contract, year: year)
        case .lease:
            guard let contract = body.contractId else { issues.append(ValidationIssue(path: "$.contractId", zh: "须指明融资租赁合同", en: "the lease is required")); return nil }
            check(contract, .identifier, at: "$.contractId", into: &issues)
            return .lease(leaseId: contract)
        case .grant:
            return .grant
        }
    }

    func approvePaymentProposal(_ input: Operations.ApprovePaymentProposal.Input) async throws -> Operations.ApprovePaymentProposal.Output {
        let id = try uuid(input.path.id)
        _ = try await ledger.proposal(id, scope: try ledgerScope())
        let entry = try await ledger.approve(id, today: services.clock.today(), by: currentActor())
        return .created(.init(body: .json(try Self.entry(entry))))
    }

    func declinePaymentProposal(_ input: Operations.DeclinePaymentProposal.Input) async throws -> Operations.DeclinePaymentProposal.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        check(body.note, .note, at: "$.note", into: &issues)
        try refuse(issues)
        let id = try uuid(input.path.id)
        let principal = try access().principal
        let p = try await ledger.settleWithoutPaying(id, declinedByEnterprise: principal.role == .enterprise, note: body.note,
                                                     today: services.clock.today(), scope: try visibility().scope, by: currentActor())
        return .ok(.init(body: .json(try Self.proposal(p))))
    }

    func proposeAutomaticPayments(_ input: Operations.ProposeAutomaticPayments.Input) async throws -> Operations.ProposeAutomaticPayments.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        check(body.note, .note, at: "$.note", into: &issues)
        try refuse(issues)
        let batch = try await ledger.proposeAutomatic(today: services.clock.today(), by: currentActor())
        return .created(.init(body: .json(.init(id: batch.id.uuidString.lowercased(), projectsConsidered: batch.projectsConsidered,
                                                proposals: try batch.proposals.map(Self.proposal),
                                                total: Money(fen: batch.proposals.map(\.amountFen).reduce(0, +)).decimalString))))
    }

    func approvePaymentBatch(_ input: Operations.ApprovePaymentBatch.Input) async throws -> Operations.ApprovePaymentBatch.Output {
        let id = try uuid(input.path.id)
        let (paid, refused) = try await ledger.approveBatch(id, today: services.clock.today(), by: currentActor())
        return .created(.init(body: .json(.init(
            paid: try paid.map(Self.entry),
            refused: refused.map { .init(proposalId: $0.0.uuidString.lowercased(), message: .init(zh: $0.1.zh, en: $0.1.en)) },
            total: Money(fen: paid.map(\.amountFen).reduce(0, +)).decimalString))))
    }

    func listLedgerEntries(_ input: Operations.ListLedgerEntries.Input) async throws -> Operations.ListLedgerEntries.Output {
        let (page, perPage) = try page(input.query.page, input.query.perPage)
        let project = try input.query.projectId.map { try uuid($0, name: "projectId") }
        let application = try input.query.applicationId.map { try uuid($0, name: "applicationId") }
        let found = try await ledger.entries(scope: try ledgerScope(), project: project, application: application, instrument: input.query.instrument,
                                             page: page, perPage: perPage)
        return .ok(.init(body: .json(.init(items: try found.items.map(Self.entry), page: page, perPage: perPage, total: found.total))))
    }

    func correctLedgerEntry(_ input: Operations.CorrectLedgerEntry.Input) async throws -> Operations.CorrectLedgerEntry.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        check(body.reason, .note, at: "$.reason", into: &issues)
        try refuse(issues)
        let entry = try await ledger.correct(try uuid(input.path.id), reason: body.reason, today: services.clock.today(), by: currentActor())
        return .created(.init(body: .json(try Self.entry(entry))))
    }

    func recordClawback(_ input: Operations.RecordClawback.Input) async throws -> Operations.RecordClawback.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        let project = uuidField(body.projectId, at: "$.projectId", into: &issues)
        let application = body.applicationId.map { uuidField($0, at: "$.applicationId", into: &issues) }
        let amount = requiredMoney(body.amount, at: "$.amount", into: &issues)
        check(body.reason, .note, at: "$.reason", into: &issues)
        try refuse(issues)
        let ground = ClawbackGround(rawValue: body.ground.rawValue)!
        let entry = try await ledger.clawBack(project: project, application: application, instrument: body.instrument, amount: amount, ground: ground,
                                              reason: body.reason, today: services.clock.today(), by: currentActor())
        return .created(.init(body: .json(try Self.entry(entry))))
    }

    func recordRepayment(_ input: Operations.RecordRepayment.Input) async throws -> Operations.RecordRepayment.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        let clawback = uuidField(body.clawbackId, at: "$.clawbackId", into: &issues)
        let amount = requiredMoney(body.amount, at: "$.amount", into: &issues)
        let paidOn = requiredDay(body.paidOn, at: "$.paidOn", into: &issues)
        try refuse(issues)
        let entry = try await ledger.repay(clawback: clawback, amount: amount, paidOn: paidOn, reference: body.reference,
                                           today: services.clock.today(), by: currentActor())
        return .created(.init(body: .json(try Self.entry(entry))))
    }

    func getLedgerSummary(_ input: Operations.GetLedgerSummary.Input) async throws -> Operations.GetLedgerSummary.Output {
        let s = try await ledger.summary(scope: try ledgerScope())
        let share = s.shareWithoutApplicationBasisPoints.map { bp in "\(bp / 100).\(bp % 100 < 10 ? "0" : "")\(bp % 100)" }
        return .ok(.init(body: .json(.init(
            lines: s.lines.map { .init(instrument: $0.instrument, paid: $0.paid.decimalString, paidWithoutApplication: $0.paidWithoutApplication.decimalString,
                                       clawedBack: $0.clawedBack.decimalString, owed: $0.owed.decimalString, entries: $0.entries) },
            paid: s.paid.decimalString, paidWithoutApplication: s.paidWithoutApplication.decimalString, shareWithoutApplication: share))))
    }

    func uuidField(_ text: String, at path: String, into issues: inout [ValidationIssue]) -> UUID {
        guard let id = UUID(uuidString: text) else {
            issues.append(ValidationIssue(path: path, zh: "不是有效的 UUID：\(text.prefix(40))", en: "not a valid UUID: \(text.prefix(40))"))
            return UUID()
        }
        return id
    }
}
