@testable import App
import FluentKit
import Foundation
import Policy
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Issue 11's story through the API, on SQLite and PostgreSQL: an approved case paid through
/// three years of bank-confirmed interest (the cap binding in the third year, paid in part),
/// then clawed back and partly repaid, a mistaken entry reversed; support without application
/// proposed in a batch that the city officer approves at once; the share paid without an
/// application reported; the ledger's rows refused to SQL's UPDATE and DELETE.
@Suite struct LedgerAPITests {
    static let code = "91310115MA1K4ABCDD"

    struct People {
        let bank: Caller, city: Caller, enterprise: Caller, otherEnterprise: Caller, district: Caller
    }

    static func people(_ app: Application) async throws -> People {
        People(bank: .bearer(try await TestAccounts.token(app, role: .bank)),
               city: .bearer(try await TestAccounts.token(app, role: .cityOfficer)),
               enterprise: .bearer(try await TestAccounts.token(app, role: .enterprise, enterpriseCode: code)),
               otherEnterprise: .bearer(try await TestAccounts.token(app, role: .enterprise, enterpriseCode: CreditCode.withCheckCharacter("91310112MA1G0B0B0")!)),
               district: .bearer(try await TestAccounts.token(app, role: .districtOfficer, district: "浦东新区")))
    }

    static func confirm(_ app: Application, _ who: People, project: UUID, year: Int, interest: String, paidOn: String) async throws -> (HTTPStatus, [String: Any]) {
        let r = try await app.call(.POST, "api/ledger/interest-confirmations", json: """
            {"projectId": "\(project.uuidString)", "loanId": "L1", "year": \(year), "interest": "\(interest)", "paidOn": "\(paidOn)", "reference": "ICBC-\(year)-0001"}
            """, as: who.bank)
        return (r.status, r.body)
    }

    static func propose(_ app: Application, _ who: People, _ target: String) async throws -> (HTTPStatus, [String: Any], String) {
        let r = try await app.call(.POST, "api/ledger/proposals", json: target, as: who.city)
        return (r.status, r.body, r.raw)
    }

    @Test(arguments: TestDatabase.all)
    func aCaseIsPaidThreeYearsUnderItsCapThenClawedBack(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let who = try await Self.people(app)
            let projectID = try await LedgerFixtures.store(app, LedgerFixtures.project("TR-1"))
            let (caseID, maxima) = try await LedgerFixtures.approvedCase(app, project: projectID)
            // Declared interest of 15,000,000 a year: 7,500,000 a year, 22,500,000 against a cap of 20,000,000.
            #expect(maxima["7a"] == Money(yuan: 20_000_000))

            // The bank sees its contract, and confirms the interest actually paid each year.
            var r = try await app.call(.GET, "api/ledger/contracts", as: who.bank)
            #expect((r.body["items"] as? [[String: Any]])?.contains { $0["contractId"] as? String == "L1" && $0["projectId"] as? String == projectID.uuidString.lowercased() } == true, "\(r.raw)")
            func target(_ year: Int) -> String {
                #"{"applicationId": "\#(caseID.uuidString)", "instrument": "7a", "basis": "interest", "contractId": "L1", "year": \#(year)}"#
            }
            // Nothing confirmed yet: nothing to pay.
            var (status, body, raw) = try await Self.propose(app, who, target(2024))
            #expect(status == .conflict, "\(raw)")

            var paid: [String] = []
            for (year, paidOn) in [(2024, "2024-12-31"), (2025, "2025-12-31"), (2026, "2026-11-30")] {
                let (s, b) = try await Self.confirm(app, who, project: projectID, year: year, interest: "15000000", paidOn: paidOn)
                #expect(s == .created, "\(b)")
                (status, body, raw) = try await Self.propose(app, who, target(year))
                #expect(status == .created, "\(raw)")
                let computation = try #require(body["computation"] as? [String: Any])
                #expect(computation["clause"] as? String == "七")
                #expect(computation["base"] as? String == "15000000.00")
                #expect(computation["ratio"] as? String == "0.5")
                #expect(computation["uncapped"] as? String == "7500000.00")
                #expect(computation["cap"] as? String == "20000000.00")
                if year < 2026 {
                    #expect(body["amount"] as? String == "7500000.00")
                    #expect(computation["limitedBy"] as? String == "ratio")
                } else {
                    // The third year: the cap binds, paid in part.
                    #expect(body["amount"] as? String == "5000000.00")
                    #expect(computation["limitedBy"] as? String == "cap")
                    #expect(computation["capRoom"] as? String == "5000000.00")
                    #expect(computation["paidUnderCap"] as? String == "15000000.00")
                }
                let proposal = try #require(body["id"] as? String)
                // Only the city officer approves.
                #expect(try await app.call(.POST, "api/ledger/proposals/\(proposal)/approve", as: who.district).status == .forbidden)
                r = try await app.call(.POST, "api/ledger/proposals/\(proposal)/approve", as: who.city)
                #expect(r.status == .created, "\(r.raw)")
                #expect(r.body["kind"] as? String == "interest" && r.body["origin"] as? String == "application")
                paid.append(try #require(r.body["id"] as? String))
                // Approved once.
                #expect(try await app.call(.POST, "api/ledger/proposals/\(proposal)/approve", as: who.city).status == .conflict)
            }
            // The same year is not paid twice; the bank cannot confirm it twice, nor a day to come.
            #expect(try await Self.propose(app, who, target(2026)).0 == .conflict)
            #expect(try await Self.confirm(app, who, project: projectID, year: 2026, interest: "1", paidOn: "2026-11-30").0 == .conflict)
            let (future, futureBody) = try await Self.confirm(app, who, project: projectID, year: 2027, interest: "15000000", paidOn: "2099-01-01")
            #expect(future == .unprocessableEntity && (futureBody["issues"] as? [[String: Any]])?.first?["path"] as? String == "$.paidOn")

            r = try await app.call(.GET, "api/ledger/entries?applicationId=\(caseID.uuidString)", as: who.enterprise)
            let amounts = (r.body["items"] as? [[String: Any]] ?? []).compactMap { $0["amount"] as? String }
            #expect(amounts == ["7500000.00", "7500000.00", "5000000.00"], "\(r.raw)")
            // Another enterprise sees none of it.
            #expect(try await app.call(.GET, "api/ledger/entries", as: who.otherEnterprise).body["total"] as? Int == 0)

            // A failed acceptance: 2,000,000 clawed back, the cap's room freed by as much.
            r = try await app.call(.POST, "api/ledger/clawbacks", json: """
                {"projectId": "\(projectID.uuidString)", "applicationId": "\(caseID.uuidString)", "instrument": "7a", "amount": "2000000", "ground": "failed_acceptance", "reason": "项目验收未通过"}
                """, as: who.city)
            #expect(r.status == .created, "\(r.raw)")
            #expect(r.body["amount"] as? String == "-2000000.00" && r.body["owed"] as? String == "2000000.00")
            let grounds = try JSONSerialization.jsonObject(with: Data((r.body["computation"] as? String ?? "{}").utf8)) as? [String: Any] ?? [:]
            #expect(grounds["capRoomBefore"] as? String == "0.00" && grounds["capRoomAfter"] as? String == "2000000.00")
            let clawback = try #require(r.body["id"] as? String)
            // A ground the platform can check must hold: this project has no revoked filing.
            r = try await app.call(.POST, "api/ledger/clawbacks", json: """
                {"projectId": "\(projectID.uuidString)", "instrument": "7a", "amount": "1", "ground": "revoked_commitment", "reason": "x"}
                """, as: who.city)
            #expect(r.status == .unprocessableEntity && r.raw.contains("$.ground"), "\(r.raw)")
            // More than was paid cannot be clawed back.
            r = try await app.call(.POST, "api/ledger/clawbacks", json: """
                {"projectId": "\(projectID.uuidString)", "applicationId": "\(caseID.uuidString)", "instrument": "7a", "amount": "18000000.01", "ground": "double_funding", "reason": "x"}
                """, as: who.city)
            #expect(r.status == .unprocessableEntity, "\(r.raw)")

            // Repaid in part; never more than is owed.
            r = try await app.call(.POST, "api/ledger/repayments", json: #"{"clawbackId": "\#(clawback)", "amount": "1500000", "paidOn": "2026-11-30", "reference": "退回-1"}"#, as: who.city)
            #expect(r.status == .created && r.body["owed"] as? String == "-1500000.00", "\(r.raw)")
            r = try await app.call(.POST, "api/ledger/repayments", json: #"{"clawbackId": "\#(clawback)", "amount": "500000.01", "paidOn": "2026-11-30", "reference": "退回-2"}"#, as: who.city)
            #expect(r.status == .unprocessableEntity, "\(r.raw)")

            // A mistaken entry is reversed, once.
            r = try await app.call(.POST, "api/ledger/entries/\(paid[0])/correction", json: #"{"reason": "重复录入"}"#, as: who.city)
            #expect(r.status == .created && r.body["amount"] as? String == "-7500000.00" && r.body["reverses"] as? String == paid[0], "\(r.raw)")
            #expect(try await app.call(.POST, "api/ledger/entries/\(paid[0])/correction", json: #"{"reason": "again"}"#, as: who.city).status == .conflict)

            // The ledger's rows are never updated or deleted, whatever SQL is sent.
            let sql = try #require(app.db as? any SQLDatabase)
            for statement in ["UPDATE ledger_entries SET amount_fen = 0", "DELETE FROM ledger_entries", "UPDATE interest_confirmations SET interest_fen = 0",
                              "DELETE FROM interest_confirmations"] {
                await #expect(throws: (any Error).self, "\(statement)") { try await sql.raw(SQLQueryString(statement)).run() }
            }
            r = try await app.call(.GET, "api/ledger/entries?projectId=\(projectID.uuidString)", as: who.city)
            #expect(r.body["total"] as? Int == 6, "\(r.raw)")

            // The sums: 12,500,000 paid net of the correction, 2,000,000 clawed back, 500,000 owed.
            r = try await app.call(.GET, "api/ledger/summary", as: who.city)
            let line = try #require((r.body["lines"] as? [[String: Any]])?.first { $0["instrument"] as? String == "7a" }, "\(r.raw)")
            #expect(line["paid"] as? String == "12500000.00" && line["clawedBack"] as? String == "2000000.00" && line["owed"] as? String == "500000.00", "\(line)")
            #expect(r.body["shareWithoutApplication"] as? String == "0.00")
            // The audit trail has every step, and holds.
            let trail = try await AuditTrail.entries(AuditQuery(caseID: caseID.uuidString.lowercased(), limit: 500), on: app.db)
            for action in ["ledger.proposed", "ledger.paid", "ledger.clawback", "ledger.repayment", "ledger.correction"] {
                #expect(trail.contains { $0.action == action }, "\(action) missing")
            }
            guard case .intact = try await AuditTrail.verify(on: app.db) else { Issue.record("chain broken"); return }
        }
    }

    @Test(arguments: TestDatabase.all)
    func supportWithoutApplicationIsProposedInABatchAndApprovedAtOnce(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let who = try await Self.people(app)
            // Two listed projects with bank-confirmed interest and no application; one unlisted.
            var listed: [UUID] = []
            for id in ["AU-1", "AU-2"] {
                listed.append(try await LedgerFixtures.store(app, LedgerFixtures.project(id, principal: 50_000_000, interest: [2025: "1000000"], lease: true)))
            }
            let unlisted = try await LedgerFixtures.store(app, LedgerFixtures.project("AU-3", principal: 50_000_000, interest: [2025: "1000000"]))
            try await LedgerFixtures.list(app, listed)
            for p in listed + [unlisted] {
                #expect(try await Self.confirm(app, who, project: p, year: 2025, interest: "1000000", paidOn: "2025-12-31").0 == .created)
            }
            var r = try await app.call(.POST, "api/ledger/lease-confirmations", json: #"{"projectId": "\#(listed[0].uuidString)", "leaseId": "LS1", "equipmentInvestment": "8000000", "reference": "租-1"}"#, as: who.bank)
            #expect(r.status == .created, "\(r.raw)")
            // Not the bank's lease: a city officer cannot confirm for it.
            #expect(try await app.call(.POST, "api/ledger/lease-confirmations", json: #"{"projectId": "\#(listed[1].uuidString)", "leaseId": "LS1", "equipmentInvestment": "8000000", "reference": "x"}"#, as: who.city).status == .forbidden)

            r = try await app.call(.POST, "api/ledger/batches", json: "{}", as: who.city)
            #expect(r.status == .created, "\(r.raw)")
            let batch = try #require(r.body["id"] as? String)
            let proposals = r.body["proposals"] as? [[String: Any]] ?? []
            // The unlisted project is not proposed; each listed one's interest (500,000) and AU-1's lease (5% of 8,000,000).
            let seen = Set(proposals.map { "\($0["projectId"] as? String ?? "") \($0["instrument"] as? String ?? "") \($0["amount"] as? String ?? "")" })
            #expect(seen == ["\(listed[0].uuidString.lowercased()) 7a 500000.00", "\(listed[1].uuidString.lowercased()) 7a 500000.00",
                             "\(listed[0].uuidString.lowercased()) 7b 400000.00"], "\(r.raw)")
            #expect(proposals.allSatisfy { $0["origin"] as? String == "automatic" })
            #expect(r.body["total"] as? String == "1400000.00")
            // A second batch finds nothing new.
            #expect((try await app.call(.POST, "api/ledger/batches", json: "{}", as: who.city).body["proposals"] as? [Any])?.isEmpty == true)

            // The enterprise was told, and declines the lease subsidy.
            r = try await app.call(.GET, "api/notices", as: who.enterprise)
            #expect((r.body["items"] as? [[String: Any]])?.contains { $0["kind"] as? String == "ledger.automatic-proposal" } == true, "\(r.raw)")
            let lease = try #require(proposals.first { $0["instrument"] as? String == "7b" }?["id"] as? String)
            #expect(try await app.call(.POST, "api/ledger/proposals/\(lease)/decline", json: #"{"note": "不需要"}"#, as: who.otherEnterprise).status == .notFound)
            r = try await app.call(.POST, "api/ledger/proposals/\(lease)/decline", json: #"{"note": "不需要"}"#, as: who.enterprise)
            #expect(r.status == .ok && r.body["state"] as? String == "declined", "\(r.raw)")

            // The city officer approves the batch at once: the two interest payments.
            r = try await app.call(.POST, "api/ledger/batches/\(batch)/approve", as: who.city)
            #expect(r.status == .created, "\(r.raw)")
            #expect((r.body["paid"] as? [Any])?.count == 2 && r.body["total"] as? String == "1000000.00")
            r = try await app.call(.GET, "api/ledger/proposals?batchId=\(batch)&state=paid", as: who.city)
            #expect(r.body["total"] as? Int == 2)

            // One case paid on application beside them: the share without application is 1,000,000 of 1,500,000.
            let caseProject = try await LedgerFixtures.store(app, LedgerFixtures.project("AP-1", principal: 50_000_000, interest: [2025: "1000000"]))
            let (caseID, _) = try await LedgerFixtures.approvedCase(app, project: caseProject)
            #expect(try await Self.confirm(app, who, project: caseProject, year: 2025, interest: "1000000", paidOn: "2025-12-31").0 == .created)
            let (s, b, raw) = try await Self.propose(app, who, #"{"projectId": "\#(caseProject.uuidString)", "instrument": "7a", "basis": "interest", "contractId": "L1", "year": 2025}"#)
            #expect(s == .created && b["applicationId"] as? String == caseID.uuidString.lowercased() && b["origin"] as? String == "application", "\(raw)")
            #expect(try await app.call(.POST, "api/ledger/proposals/\(b["id"] as? String ?? "")/approve", as: who.city).status == .created)
            r = try await app.call(.GET, "api/ledger/summary", as: who.city)
            #expect(r.body["paid"] as? String == "1500000.00" && r.body["paidWithoutApplication"] as? String == "1000000.00", "\(r.raw)")
            #expect(r.body["shareWithoutApplication"] as? String == "66.66", "\(r.raw)")
        }
    }

    /// A budget pool limits what is paid in its year: the first payment in full, the second to
    /// the pool's room, the third refused — the computation says the pool set the amount.
    @Test(arguments: TestDatabase.all)
    func theBudgetPoolLimitsThePayments(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let who = try await Self.people(app)
            var r = try await app.call(.POST, "api/budget-pools", json: #"{"instrument": "7a", "year": 2025, "budget": "600000", "method": "priority", "note": "市财政局预算"}"#, as: who.city)
            #expect(r.status == .created, "\(r.raw)")
            var proposals: [String] = []
            for id in ["PL-1", "PL-2", "PL-3"] {
                let project = try await LedgerFixtures.store(app, LedgerFixtures.project(id, principal: 50_000_000, interest: [2025: "1000000"]))
                #expect(try await Self.confirm(app, who, project: project, year: 2025, interest: "1000000", paidOn: "2025-12-31").0 == .created)
                let (s, b, raw) = try await Self.propose(app, who, #"{"projectId": "\#(project.uuidString)", "instrument": "7a", "basis": "interest", "contractId": "L1", "year": 2025}"#)
                #expect(s == .created && b["amount"] as? String == "500000.00", "\(raw)")
                proposals.append(b["id"] as? String ?? "")
            }
            r = try await app.call(.POST, "api/ledger/proposals/\(proposals[0])/approve", as: who.city)
            #expect(r.status == .created && r.body["amount"] as? String == "500000.00", "\(r.raw)")
            r = try await app.call(.POST, "api/ledger/proposals/\(proposals[1])/approve", as: who.city)
            #expect(r.status == .created && r.body["amount"] as? String == "100000.00", "\(r.raw)")
            let kept = try JSONSerialization.jsonObject(with: Data((r.body["computation"] as? String ?? "{}").utf8)) as? [String: Any]
            let computation = kept?["computation"] as? [String: Any]
            #expect(computation?["limitedBy"] as? String == "pool" && computation?["poolRoom"] as? String == "100000.00", "\(String(describing: kept))")
            r = try await app.call(.POST, "api/ledger/proposals/\(proposals[2])/approve", as: who.city)
            #expect(r.status == .conflict && r.raw.contains("budget pool"), "\(r.raw)")
        }
    }
}
