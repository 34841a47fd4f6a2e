@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import Workflow

/// A revoked commitment filing is a ground for clawback the platform checks: refused while the
/// filing stands, accepted once the verification found the commitment broken.
@Suite struct LedgerClawbackTests {
    @Test(arguments: TestDatabase.all)
    func aRevokedFilingIsAGroundForClawback(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let projectID = try await CommitmentFilingTests.project(app, code: "CB-1")
            let application = try await CommitmentFilingTests.application(app, project: projectID)
            let commitments = try CommitmentFilingTests.store(app)
            let filing = try await commitments.file(applicationID: application, on: Day(iso: "2025-01-15")!, by: LedgerFixtures.enterprise)

            // Support without application on a year of the project's 7a loan, confirmed by its bank.
            let project = try await ProjectStore(db: app.db, engine: Engine(library: app.policyLibrary)).project(projectID).domain()
            let plan = Engine(library: app.policyLibrary).evaluate(project, on: Day.today())
            let loanID = try #require(plan.recommendation.assignments.first { $0.instrument == "7a" }?.unitId)
            let loan = try #require(project.loans.first { $0.id == loanID })
            let year = try #require(loan.interestPaid.first { $0.year >= 2024 && $0.year < Day.today().year && $0.amount > .zero })
            let ledger = LedgerFixtures.ledger(app)
            _ = try await ledger.confirmInterest(project: projectID, loan: loanID, year: year.year, interest: year.amount,
                                                 paidOn: Day(year: year.year, month: 12, day: 31)!, reference: "R-1", institution: loan.lender,
                                                 today: Day.today(), by: LedgerFixtures.city)
            let proposal = try await ledger.propose(application: nil, project: projectID, instrument: "7a",
                                                    target: .interest(loanId: loanID, year: year.year), today: Day.today(), by: LedgerFixtures.city)
            let paid = try await ledger.approve(proposal.requireID(), today: Day.today(), by: LedgerFixtures.city)
            #expect(paid.amountFen > 0)

            await #expect(throws: RegistryError.self) {
                _ = try await ledger.clawBack(project: projectID, application: nil, instrument: "7a", amount: Money(fen: paid.amountFen),
                                              ground: .revokedCommitment, reason: "承诺未履行", today: Day.today(), by: LedgerFixtures.city)
            }
            _ = try await commitments.verify(filing.requireID(), kept: false, reasons: "未按承诺开工", on: Day(iso: "2025-06-01")!, by: LedgerFixtures.city)
            let clawback = try await ledger.clawBack(project: projectID, application: nil, instrument: "7a", amount: Money(fen: paid.amountFen),
                                                     ground: .revokedCommitment, reason: "承诺未履行", today: Day.today(), by: LedgerFixtures.city)
            #expect(clawback.amountFen == -paid.amountFen && clawback.owedFen == paid.amountFen)
            // Nothing is left to take back.
            await #expect(throws: RegistryError.self) {
                _ = try await ledger.clawBack(project: projectID, application: nil, instrument: "7a", amount: Money(fen: 1),
                                              ground: .doubleFunding, reason: "x", today: Day.today(), by: LedgerFixtures.city)
            }
        }
    }
}
