@testable import App
import Fluent
import Foundation
import Policy
import Registry
import Testing
import Vapor
import Workflow

/// The money reports (issue 11, item 8) equal the sums of the ledger rows and approvals planted,
/// as JSON, CSV and XLSX; a district officer sees its district, a bank its own contracts.
@Suite struct MoneyReportAPITests {
    static func array(_ raw: String) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [[String: Any]] ?? []
    }

    @Test(arguments: TestDatabase.all)
    func reportsAreTheSumsOfTheLedgerAndTheApprovals(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            let p = try await BudgetAPITests.people(app)
            let bank = try await TestAccounts.token(app, role: .bank)  // 上海测试银行
            let projectID = try await ApplicationAPITests.storeProject(app, creditCode: BudgetFixtures.codeA)
            let project = UUID(uuidString: projectID)!
            // Approved: two cases of 16 in 2026 (Pudong), 300.00 each; one of them paid 120.00 already.
            try await BudgetFixtures.plantApprovals(app, projectID: project, count: 2, instrument: "16", granted: Money(yuan: 300),
                                                    categories: ["first-set"], district: "pudong", on: "2026-02-01")
            let paidCase = try #require(try await ApplicationModel.query(on: app.db).first()?.id)
            try await BudgetFixtures.plant(app, .init(project: project, application: paidCase, instrument: "16", kind: "grant", amountFen: 12_000, recordedOn: "2026-04-01"))
            // Interest on L1 with the test bank, on L9 with another; a lease with a lessor; a Minhang row.
            for (amount, kind) in [(Int64(40_000), "interest"), (Int64(-1_000), "correction")] {
                try await BudgetFixtures.plant(app, .init(project: project, contract: "L1", institution: "上海测试银行", year: 2026, kind: kind, amountFen: amount))
            }
            try await BudgetFixtures.plant(app, .init(project: project, contract: "L9", institution: "交通银行上海分行", year: 2026, amountFen: 5_000))
            try await BudgetFixtures.plant(app, .init(project: project, instrument: "7b", contract: "F1", institution: "浦银金融租赁", kind: "lease", amountFen: 75_000))
            try await BudgetFixtures.plant(app, .init(project: project, district: "minhang", year: 2026, amountFen: 2_000))
            try await BudgetFixtures.plantInterestConfirmation(app, project: project, loan: "L1", institution: "上海测试银行", year: 2026, fen: 80_000)
            try await BudgetFixtures.plantInterestConfirmation(app, project: project, loan: "L1", institution: "上海测试银行", year: 2025, fen: 70_000)
            try await BudgetFixtures.plantLeaseConfirmation(app, project: project, lease: "F1", institution: "浦银金融租赁", fen: 1_500_000)

            var r = try await app.call(.GET, "api/reports/money?year=2026", as: .bearer(p.city))
            #expect(r.status == .ok, "\(r.raw)")
            var lines = Self.array(r.raw)
            func line(_ instrument: String, _ district: String) -> [String: Any]? {
                lines.first { $0["instrument"] as? String == instrument && $0["district"] as? String == district }
            }
            #expect(line("7a", "pudong")?["paid"] as? String == "440.00")
            #expect(line("7a", "minhang")?["paid"] as? String == "20.00")
            #expect(line("7b", "pudong")?["paid"] as? String == "750.00")   // no year: the year it was recorded
            #expect(line("16", "pudong")?["paid"] as? String == "120.00")
            #expect(line("16", "pudong")?["committed"] as? String == "480.00")
            #expect(line("7a", "pudong")?["committed"] as? String == "0.00")
            // Pudong's officer: Pudong's lines only.
            r = try await app.call(.GET, "api/reports/money", as: .bearer(p.district))
            lines = Self.array(r.raw)
            #expect(!lines.isEmpty && lines.allSatisfy { $0["district"] as? String == "pudong" })

            // The files: the same figures.
            var csv = ""
            try await app.testing().test(.GET, "api/reports/money?format=csv&year=2026", headers: Caller.bearer(p.city).headers(app)) { res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: .contentDisposition)?.contains("money-2026.csv") == true)
                csv = res.body.string
            }
            #expect(csv.contains("已拨付") && csv.contains("440.00") && csv.contains("480.00") && csv.contains("浦东新区"), "\(csv)")
            try await app.testing().test(.GET, "api/reports/money?format=xlsx", headers: Caller.bearer(p.city).headers(app)) { res in
                #expect(res.status == .ok)
                #expect(res.body.readableBytesView.starts(with: [0x50, 0x4B]))
            }

            // Reconciliation: the bank sees its own contract, confirmed against paid, year by year.
            r = try await app.call(.GET, "api/reports/reconciliation", as: .bearer(bank))
            #expect(r.status == .ok, "\(r.raw)")
            lines = Self.array(r.raw)
            #expect(lines.allSatisfy { $0["institution"] as? String == "上海测试银行" })
            let y2026 = try #require(lines.first { $0["year"] as? Int == 2026 })
            #expect(y2026["confirmed"] as? String == "800.00" && y2026["paid"] as? String == "390.00" && y2026["difference"] as? String == "410.00")
            let y2025 = try #require(lines.first { $0["year"] as? Int == 2025 })
            #expect(y2025["confirmed"] as? String == "700.00" && y2025["paid"] as? String == "0.00")
            r = try await app.call(.GET, "api/reports/reconciliation", as: .bearer(p.city))
            lines = Self.array(r.raw)
            #expect(Set(lines.compactMap { $0["institution"] as? String }) == ["上海测试银行", "交通银行上海分行", "浦银金融租赁"])
            let lease = try #require(lines.first { $0["kind"] as? String == "lease" })
            #expect(lease["confirmed"] as? String == "15000.00" && lease["paid"] as? String == "750.00" && lease["year"] == nil)
            let other = try #require(lines.first { $0["contract"] as? String == "L9" })
            #expect(other["confirmed"] as? String == "0.00" && other["paid"] as? String == "50.00")
            try await app.testing().test(.GET, "api/reports/reconciliation?format=csv", headers: Caller.bearer(bank).headers(app)) { res in
                #expect(res.body.string.contains("上海测试银行") && !res.body.string.contains("交通银行上海分行"))
            }
        }
    }

    /// The same reports over what the ledger's own store wrote: an approved case paid two years
    /// of bank-confirmed interest and clawed back in part. Paid, committed and the bank's
    /// reconciliation equal the sums of the entries, read here independently.
    @Test(arguments: TestDatabase.all)
    func reportsAgreeWithTheLedgersOwnEntries(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let ledger = LedgerFixtures.ledger(app)
            let today = Day.today()
            let bankActor = AuditActor(userID: UUID(), name: "bank", address: nil)
            let projectID = try await LedgerFixtures.store(app, LedgerFixtures.project("RPT-1", principal: 100_000_000, interest: [2024: "400000", 2025: "400000"]))
            let (caseID, granted) = try await LedgerFixtures.approvedCase(app, project: projectID)
            for year in [2024, 2025] {
                _ = try await ledger.confirmInterest(project: projectID, loan: "L1", year: year, interest: Money(yuan: 400_000), paidOn: Day(iso: "\(year)-12-31")!,
                                                     reference: "R-\(year)", institution: LedgerFixtures.bank, today: today, by: bankActor)
                let proposal = try await ledger.propose(application: caseID, project: nil, instrument: "7a", target: .interest(loanId: "L1", year: year),
                                                        today: today, by: LedgerFixtures.city)
                _ = try await ledger.approve(try proposal.requireID(), today: today, by: LedgerFixtures.city)
            }
            _ = try await ledger.clawBack(project: projectID, application: caseID, instrument: "7a", amount: Money(yuan: 1_000), ground: .doubleFunding,
                                          reason: "重复支持", today: today, by: LedgerFixtures.city)
            let entries = try await LedgerEntryModel.query(on: app.db).all()
            #expect(entries.count == 3)
            var paid: [String: Int64] = [:]
            for e in entries { paid["\(e.instrument)|\(e.year ?? Int(e.recordedOn.prefix(4))!)|\(e.district)", default: 0] += e.amountFen }

            let city = try await TestAccounts.token(app, role: .cityOfficer)
            var r = try await app.call(.GET, "api/reports/money", as: .bearer(city))
            let lines = Self.array(r.raw)
            for (key, fen) in paid {
                let parts = key.split(separator: "|").map(String.init)
                let line = lines.first { $0["instrument"] as? String == parts[0] && $0["year"] as? Int == Int(parts[1]) && $0["district"] as? String == parts[2] }
                #expect(line?["paid"] as? String == Money(fen: fen).decimalString, "\(key): \(r.raw)")
            }
            // Committed: the case's 7a grant, less what the ledger paid the case under 7a.
            let paidOnCase = entries.filter { $0.applicationID == caseID && $0.instrument == "7a" }.map(\.amountFen).reduce(0, +)
            let committed = lines.first { $0["instrument"] as? String == "7a" && $0["year"] as? Int == 2026 && $0["district"] as? String == "pudong" }?["committed"] as? String
            #expect(committed == Money(fen: max(0, granted["7a"]!.fen - paidOnCase)).decimalString, "\(r.raw)")

            // The bank's reconciliation: each year's confirmed interest against the entries on L1 that year.
            let bank = try await TestAccounts.token(app, role: .bank)
            r = try await app.call(.GET, "api/reports/reconciliation", as: .bearer(bank))
            let rec = Self.array(r.raw)
            for year in [2024, 2025] {
                let line = try #require(rec.first { $0["contract"] as? String == "L1" && $0["year"] as? Int == year }, "\(r.raw)")
                let onLoan = entries.filter { $0.contractID == "L1" && $0.year == year }.map(\.amountFen).reduce(0, +)
                #expect(line["confirmed"] as? String == "400000.00")
                #expect(line["paid"] as? String == Money(fen: onLoan).decimalString)
                #expect(onLoan > 0)
            }
        }
    }
}
