@testable import App
import FluentKit
import Foundation
import Policy
import Registry
import Testing
import Vapor
import Workflow

/// A cap holds under concurrency: 100 payments on one project approved at once never pass it,
/// and the sums are exact to the fen. On SQLite, on PostgreSQL, and with two servers (two
/// applications, each its own connection pool) on one database; `scripts/ledger-two-processes.sh`
/// does the same with two `renewal serve` processes.
@Suite struct LedgerConcurrencyTests {
    /// 34 loans, each with 450,000.01 of confirmed interest in 2024, 2025 and 2026: a hundred
    /// loan-years of 225,000.00 each (rounded down), 22,500,000 asked against 7a's 20,000,000
    /// cap — 88 paid in full, one in part (200,000.00), eleven refused, whatever the order.
    static func hundredProposals(_ app: Application) async throws -> (UUID, [UUID]) {
        let years = [2024: "450000.01", 2025: "450000.01", 2026: "450000.01"]
        let project = LedgerFixtures.project("CC-1", loans: 34, principal: 10_000_000, interest: years)
        let projectID = try await LedgerFixtures.store(app, project)
        let ledger = LedgerFixtures.ledger(app)
        let bank = AuditActor(userID: UUID(), name: "bank", address: nil)
        var proposals: [UUID] = []
        for i in 1...34 {
            for year in years.keys.sorted() where proposals.count < 100 {
                _ = try await ledger.confirmInterest(project: projectID, loan: "L\(i)", year: year, interest: Money(yuanText: "450000.01")!,
                                                     paidOn: Day(year: year, month: 12, day: 31)!, reference: "R-\(i)-\(year)", institution: LedgerFixtures.bank,
                                                     today: Day(iso: "2026-12-31")!, by: bank)
                let p = try await ledger.propose(application: nil, project: projectID, instrument: "7a", target: .interest(loanId: "L\(i)", year: year),
                                                 today: Day.today(), by: LedgerFixtures.city)
                #expect(p.amountFen == Money(yuan: 225_000).fen)
                proposals.append(try p.requireID())
            }
        }
        #expect(proposals.count == 100)
        return (projectID, proposals)
    }

    /// Approves every proposal at once, across the given stores; counts what was paid and refused.
    static func approveAtOnce(_ proposals: [UUID], stores: [LedgerStore]) async -> (paid: [Int64], refused: Int, errors: [String]) {
        await withTaskGroup(of: Result<Int64, Error>.self) { group in
            for (i, id) in proposals.enumerated() {
                let store = stores[i % stores.count]
                group.addTask {
                    do { return .success(try await store.approve(id, today: Day.today(), by: LedgerFixtures.city).amountFen) }
                    catch { return .failure(error) }
                }
            }
            var paid: [Int64] = [], refused = 0, errors: [String] = []
            for await result in group {
                switch result {
                case .success(let fen): paid.append(fen)
                case .failure(RegistryError.conflict): refused += 1
                case .failure(let error): errors.append(String(describing: error))
                }
            }
            return (paid, refused, errors)
        }
    }

    static func check(_ outcome: (paid: [Int64], refused: Int, errors: [String]), sum: Int64) {
        #expect(outcome.errors.isEmpty, "\(outcome.errors.prefix(3))")
        #expect(outcome.paid.reduce(0, +) == Money(yuan: 20_000_000).fen)
        #expect(sum == Money(yuan: 20_000_000).fen)
        #expect(outcome.paid.filter { $0 == Money(yuan: 225_000).fen }.count == 88)
        #expect(outcome.paid.filter { $0 == Money(yuan: 200_000).fen }.count == 1)
        #expect(outcome.paid.count == 89 && outcome.refused == 11)
    }

    static func ledgerSum(_ app: Application, _ project: UUID) async throws -> Int64 {
        try await LedgerEntryModel.query(on: app.db).filter(\.$projectID == project).all().map(\.amountFen).reduce(0, +)
    }

    @Test(arguments: TestDatabase.all)
    func aHundredPaymentsAtOnceNeverPassTheCap(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (project, proposals) = try await Self.hundredProposals(app)
            let outcome = await Self.approveAtOnce(proposals, stores: [LedgerFixtures.ledger(app)])
            Self.check(outcome, sum: try await Self.ledgerSum(app, project))
        }
    }

    @Test(arguments: TestDatabase.all)
    func twoServersOnOneDatabaseNeverPassTheCap(_ database: TestDatabase) async throws {
        try await withTwoServers(database) { a, b in
            try await TestAccounts.prepareAdministrator(a)
            let (project, proposals) = try await Self.hundredProposals(a)
            let outcome = await Self.approveAtOnce(proposals, stores: [LedgerFixtures.ledger(a), LedgerFixtures.ledger(b)])
            Self.check(outcome, sum: try await Self.ledgerSum(b, project))
        }
    }
}
