@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import Workflow

/// Projects with bank loans and leases, an approved case, a listed project: the records the
/// ledger's tests pay on. The bank is the test bank account's institution (`TestAccounts`).
enum LedgerFixtures {
    static let bank = "上海测试银行"
    static let enterprise = ApplicationWorkflowTests.enterprise
    static let city = ApplicationWorkflowTests.city

    /// A technical-renovation project with loans of the test bank (interest declared per year) and optionally a lease.
    static func project(_ id: String, loans: Int = 1, principal: Int64 = 300_000_000, interest: [Int: String] = [2024: "15000000", 2025: "15000000", 2026: "15000000"],
                        lease: Bool = false) -> Project {
        var p = Project(id: id, name: "设备更新技改项目 \(id)")
        p.categories = ["technical-renovation", "equipment-renewal"]
        p.startDate = Day(iso: "2024-01-01")
        p.endDate = Day(iso: "2026-12-31")
        p.applicationDate = Day(iso: "2026-03-02")
        p.investment.declared = Money(yuan: 400_000_000)
        p.zeroLand = true
        for i in 1...max(loans, 1) where loans > 0 {
            var loan = Loan(id: "L\(i)", lender: bank, principal: Money(yuan: principal))
            loan.rate = Ratio(text: "0.05")
            loan.startDate = Day(iso: "2024-01-01")
            loan.endDate = Day(iso: "2030-12-31")
            loan.interestPaid = interest.sorted { $0.key < $1.key }.map { YearAmount(year: $0.key, amount: Money(yuanText: $0.value)!) }
            p.loans.append(loan)
        }
        if lease {
            var l = Lease(id: "LS1", lessor: bank, equipmentInvestment: Money(yuan: 10_000_000))
            l.startDate = Day(iso: "2024-06-01")
            l.endDate = Day(iso: "2027-05-31")
            p.leases.append(l)
        }
        return p
    }

    static func enterpriseRecord(_ code: String, district: String = "pudong") -> Enterprise {
        Enterprise(creditCode: code, name: "台账测试企业 \(code.suffix(4))", district: district, industryCode: "C3484")
    }

    /// Stores the project (and its enterprise, if new).
    static func store(_ app: Application, _ project: Project, creditCode: String = "91310115MA1K4ABCDD", district: String = "pudong") async throws -> UUID {
        let projects = ProjectStore(db: app.db, engine: Engine(library: app.policyLibrary))
        if try await projects.enterprise(creditCode) == nil {
            _ = try await projects.createEnterprise(enterpriseRecord(creditCode, district: district), by: enterprise)
        }
        return try await projects.createProject(project, creditCode: creditCode, by: enterprise)
    }

    /// Takes a stored project's application from draft to approval at the engine's maxima, as
    /// the workflow requires (every material in, the departments' opinions), on 2026-03-02.
    static func approvedCase(_ app: Application, project projectID: UUID) async throws -> (UUID, [String: Money]) {
        let store = try ApplicationWorkflowTests.store(app)
        let day = Day(iso: "2026-03-02")!
        let id = try await store.create(projectID: projectID, instruments: nil, on: day, by: enterprise)
        var model = try await store.application(id)
        for item in store.workflow.materials.items(for: model.instrumentIDs) {
            _ = try await store.addMaterial(id, item: item.id, fileName: "\(item.id).bin", data: ApplicationWorkflowTests.file(for: item), on: day, by: enterprise)
        }
        try await store.submit(id, on: day, by: enterprise)
        _ = try await store.intake(id, .accept, as: .districtOfficer, on: day, by: ApplicationWorkflowTests.officer)
        try await store.startReview(id, as: .districtOfficer, on: day, by: ApplicationWorkflowTests.officer)
        model = try await store.application(id)
        for step in model.steps {
            _ = try await store.giveOpinion(id, department: step.department, verdict: .approve, on: day, by: ApplicationWorkflowTests.officer)
        }
        let submitted = try await ProjectStore(db: app.db, engine: Engine(library: app.policyLibrary)).project(projectID).domain()
        let plan = Engine(library: app.policyLibrary).evaluate(submitted, on: day)
        let maxima = Dictionary(uniqueKeysWithValues: plan.recommendation.lines.filter { model.instrumentIDs.contains($0.id) }.map { ($0.id, $0.amount) })
        try await store.decide(id, .approve(approvedInvestment: Money(yuan: 400_000_000), granted: maxima), on: day, by: city)
        #expect(try await store.application(id).state == "approved")
        return (id, maxima)
    }

    /// Puts projects on a published rolling list.
    static func list(_ app: Application, _ projects: [UUID]) async throws {
        let lists = RollingListStore(db: app.db)
        let id = try await lists.create(number: "2026-\(UUID().uuidString.prefix(4))", title: "技改项目清单", note: nil, by: city)
        try await lists.revise(id, add: projects, remove: [], note: nil, by: city)
        try await lists.publish(id, engine: Engine(library: app.policyLibrary), by: city)
    }

    static func ledger(_ app: Application) -> LedgerStore {
        LedgerStore(db: app.db, engine: Engine(library: app.policyLibrary), libraryVersion: "test")
    }

    /// The ledger's records the access test aims at: projects of A and B with a loan and a lease
    /// of the test bank, confirmed, proposals to approve and decline, an entry, a clawback, a batch.
    struct RoleRecords {
        var projectA: String, projectB: String
        var proposalToApprove: String
        var declinableA: String, declinableB: String
        var entry: String, clawback: String, batch: String
    }

    static func roleRecords(_ app: Application, codeA: String, codeB: String) async throws -> RoleRecords {
        let ledger = ledger(app)
        let today = Day.today()
        let bankActor = AuditActor(userID: UUID(), name: "bank", address: nil)
        var ids: [UUID] = []
        for (code, district) in [(codeA, "pudong"), (codeB, "minhang")] {
            let p = project("LG-\(code.suffix(4))", principal: 100_000_000, interest: [2024: "400000", 2025: "400000"], lease: true)
            let id = try await store(app, p, creditCode: code, district: district)
            ids.append(id)
            _ = try await ledger.confirmInterest(project: id, loan: "L1", year: 2024, interest: Money(yuan: 400_000), paidOn: Day(iso: "2024-12-31")!,
                                                 reference: "R-2024", institution: bank, today: today, by: bankActor)
            _ = try await ledger.confirmLease(project: id, lease: "LS1", equipmentInvestment: Money(yuan: 10_000_000), reference: "R-LS1",
                                              institution: bank, today: today, by: bankActor)
        }
        let paidA = try await ledger.propose(application: nil, project: ids[0], instrument: "7a", target: .interest(loanId: "L1", year: 2024), today: today, by: city)
        let entry = try await ledger.approve(paidA.requireID(), today: today, by: city)
        let clawback = try await ledger.clawBack(project: ids[0], application: nil, instrument: "7a", amount: Money(yuan: 1_000), ground: .doubleFunding,
                                                 reason: "测试", today: today, by: city)
        let toApprove = try await ledger.propose(application: nil, project: ids[1], instrument: "7a", target: .interest(loanId: "L1", year: 2024), today: today, by: city)
        let declinableA = try await ledger.propose(application: nil, project: ids[0], instrument: "7b", target: .lease(leaseId: "LS1"), today: today, by: city)
        let declinableB = try await ledger.propose(application: nil, project: ids[1], instrument: "7b", target: .lease(leaseId: "LS1"), today: today, by: city)
        // A batch with one proposal: A's 2025 interest, on a listed project.
        _ = try await ledger.confirmInterest(project: ids[0], loan: "L1", year: 2025, interest: Money(yuan: 400_000), paidOn: Day(iso: "2025-12-31")!,
                                             reference: "R-2025", institution: bank, today: today, by: bankActor)
        try await list(app, [ids[0]])
        let batch = try await ledger.proposeAutomatic(today: today, by: city)
        #expect(batch.proposals.count == 1, "\(batch.proposals.map { "\($0.instrument) \($0.contractID ?? "") \($0.year ?? 0)" })")
        func text(_ id: UUID?) -> String { (id ?? UUID()).uuidString.lowercased() }
        return RoleRecords(projectA: text(ids[0]), projectB: text(ids[1]), proposalToApprove: text(toApprove.id),
                           declinableA: text(declinableA.id), declinableB: text(declinableB.id), entry: text(entry.id),
                           clawback: text(clawback.id), batch: text(batch.id))
    }
}
