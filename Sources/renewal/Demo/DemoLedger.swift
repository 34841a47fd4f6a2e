import Foundation
import Policy
import Registry
import Workflow

/// The demonstration's money: the bank's and lessor's confirmations, payments on the approved
/// cases (each computed by the engine and approved as an officer would), one clawback, and a
/// batch of support without application on a published rolling list, left for the city officer
/// to approve.
struct DemoLedger {
    let ledger: LedgerStore
    let lists: RollingListStore
    let engine: Engine
    let bank: AuditActor
    let city: AuditActor
    let today: Day

    struct Outcome {
        var confirmations = 0
        var entries = 0
        var batchProposals = 0
    }

    /// Confirms every counted year of interest up to last year on the project's loans (and its
    /// leases), then pays what the engine finds under each instrument of the case.
    func pay(case id: UUID, projectID: UUID, project: Project, instruments: [String], outcome: inout Outcome) async throws {
        try await confirm(projectID: projectID, project: project, outcome: &outcome)
        let plan = engine.evaluate(project, on: today)
        for assignment in plan.recommendation.assignments where instruments.contains(assignment.instrument) {
            let targets: [PaymentTarget]
            if let loan = project.loans.first(where: { $0.id == assignment.unitId }) {
                targets = loan.interestPaid.filter { $0.year >= 2024 && $0.year < today.year }.map { .interest(loanId: loan.id, year: $0.year) }
            } else {
                targets = [.lease(leaseId: assignment.unitId)]
            }
            for target in targets { try await payIfPayable(case: id, instrument: assignment.instrument, target: target, outcome: &outcome) }
        }
        if let grant = plan.recommendation.grant, instruments.contains(grant) {
            try await payIfPayable(case: id, instrument: grant, target: .grant, outcome: &outcome)
        }
    }

    func confirm(projectID: UUID, project: Project, outcome: inout Outcome) async throws {
        for loan in project.loans {
            for year in loan.interestPaid where year.year >= 2024 && year.year < today.year {
                _ = try await ledger.confirmInterest(project: projectID, loan: loan.id, year: year.year, interest: year.amount,
                                                     paidOn: Day(year: year.year, month: 12, day: 20)!, reference: "DEMO-\(loan.id)-\(year.year)",
                                                     institution: DemoAccounts.bank, today: today, by: bank)
                outcome.confirmations += 1
            }
        }
        for lease in project.leases {
            _ = try await ledger.confirmLease(project: projectID, lease: lease.id, equipmentInvestment: lease.equipmentInvestment,
                                              reference: "DEMO-\(lease.id)", institution: DemoAccounts.lessor, today: today, by: bank)
            outcome.confirmations += 1
        }
    }

    func payIfPayable(case id: UUID, instrument: String, target: PaymentTarget, outcome: inout Outcome) async throws {
        do {
            let proposal = try await ledger.propose(application: id, project: nil, instrument: instrument, target: target, today: today, by: city)
            _ = try await ledger.approve(proposal.requireID(), today: today, by: city)
            outcome.entries += 1
        } catch RegistryError.conflict {
            // Nothing payable (the cap used, a year outside the window): the engine said why; the demo moves on.
        }
    }

    /// A clawback of a part of what one case received, for the ledger to show one.
    func clawBack(project: UUID, case id: UUID, outcome: inout Outcome) async throws {
        let entries = try await ledger.entries(scope: .records(.everything), project: project, application: id, instrument: nil, page: 1, perPage: 50).items
        guard let paid = entries.first(where: { $0.amountFen > 100 }) else { return }
        _ = try await ledger.clawBack(project: project, application: id, instrument: paid.instrument, amount: Money(fen: paid.amountFen / 10),
                                      ground: .failedAcceptance, reason: "演示：部分设备未通过验收。Demo: part of the equipment failed acceptance.",
                                      today: today, by: city)
        outcome.entries += 1
    }

    /// A published rolling list of projects without applications, their interest confirmed, and
    /// the platform's batch of support without application, left open.
    func automaticBatch(_ projects: [(id: UUID, project: Project)], outcome: inout Outcome) async throws {
        guard !projects.isEmpty else { return }
        for p in projects { try await confirm(projectID: p.id, project: p.project, outcome: &outcome) }
        let list = try await lists.create(number: "\(today.year)-DEMO", title: "（演示）技术改造项目滚动清单", note: "演示数据 demo data", by: city)
        try await lists.revise(list, add: projects.map(\.id), remove: [], note: nil, by: city)
        try await lists.publish(list, engine: engine, by: city)
        let batch = try await ledger.proposeAutomatic(today: today, by: city)
        outcome.batchProposals = batch.proposals.count
    }
}
