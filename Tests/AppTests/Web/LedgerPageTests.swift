@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting

/// The ledger's page on SQLite and PostgreSQL: the city officer approves proposals one by one
/// under a budget pool (the store's amounts, the pool's room shown as the store computes it, the
/// third refused with the store's words), approves a 免申即享 batch whole, reads a project's
/// confirmations; a district officer reads its district without the approval forms.
@Suite struct LedgerPageTests {
    @Test(arguments: TestDatabase.all)
    func theCityOfficerApprovesUnderThePoolInThePage(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let who = try await LedgerAPITests.people(app)
            _ = try await TestAccounts.token(app, role: .cityOfficer, username: "web.ledger.city")
            _ = try await TestAccounts.token(app, role: .districtOfficer, district: "浦东新区", username: "web.ledger.pudong")
            var r = try await app.call(.POST, "api/budget-pools", json: #"{"instrument": "7a", "year": 2025, "budget": "600000", "method": "priority", "note": "市财政局预算"}"#, as: who.city)
            #expect(r.status == .created, "\(r.raw)")
            var proposals: [String] = []
            var projects: [UUID] = []
            for id in ["PL-1", "PL-2", "PL-3"] {
                let project = try await LedgerFixtures.store(app, LedgerFixtures.project(id, principal: 50_000_000, interest: [2025: "1000000"]))
                projects.append(project)
                #expect(try await LedgerAPITests.confirm(app, who, project: project, year: 2025, interest: "1000000", paidOn: "2025-12-31").0 == .created)
                let (s, b, raw) = try await LedgerAPITests.propose(app, who, #"{"projectId": "\#(project.uuidString)", "instrument": "7a", "basis": "interest", "contractId": "L1", "year": 2025}"#)
                #expect(s == .created, "\(raw)")
                proposals.append(b["id"] as? String ?? "")
            }

            var city = try await CasesPageTests.web(app, "web.ledger.city")
            var page = try await city.get("/ledger")
            #expect(page.status == .ok && page.html.contains(#"href="/ledger""#))
            for id in proposals { #expect(page.html.contains(#"id="approve-\#(id)""#), "\(id)") }
            #expect(page.html.contains(#"id="pool-rows""#) && page.html.contains(AmountText.shown(Money(yuan: 600_000), .zh)))
            #expect(!page.html.contains(WebCatalogue.missingMarker))

            // The first in full, the second to the pool's room, the third refused by the store.
            #expect(try await city.post("/ledger/proposals/\(proposals[0])/approve", []).status == .seeOther)
            page = try await city.get("/ledger?done=approved")
            #expect(page.html.contains(#"id="done""#) && !page.html.contains(#"id="approve-\#(proposals[0])""#))
            #expect(try await city.post("/ledger/proposals/\(proposals[1])/approve", []).status == .seeOther)
            let refused = try await city.post("/ledger/proposals/\(proposals[2])/approve", [])
            #expect(refused.status == .conflict && refused.html.contains(#"id="form-errors""#) && refused.html.contains("预算"), "\(refused.status)")
            r = try await app.call(.GET, "api/ledger/entries", as: who.city)
            let amounts = (r.body["items"] as? [[String: Any]] ?? []).compactMap { $0["amount"] as? String }.sorted()
            #expect(amounts == ["100000.00", "500000.00"], "\(r.raw)")
            r = try await app.call(.GET, "api/budget-pools", as: who.city)
            let room = try #require((try? JSONSerialization.jsonObject(with: Data(r.raw.utf8)) as? [[String: Any]])?.first?["room"] as? String)
            page = try await city.get("/ledger")
            let roomShown = AmountText.shown(try #require(Money(yuanText: room)), .zh)
            #expect(room == "0.00" && page.html.contains(roomShown))
            #expect(page.html.contains(AmountText.shown(Money(yuan: 500_000), .zh)) && page.html.contains(AmountText.shown(Money(yuan: 100_000), .zh)))

            // A project's confirmations, as the bank gave them.
            page = try await city.get("/ledger?project=\(projects[0].uuidString.lowercased())")
            #expect(page.html.contains(#"id="confirmation-rows""#) && page.html.contains("ICBC-2025-0001"))
            page = try await city.get("/ledger?project=not-a-project")
            #expect(page.html.contains(#"id="form-errors""#))

            // 免申即享: a listed project's batch, approved whole in the page.
            let listed = try await LedgerFixtures.store(app, LedgerFixtures.project("AU-9", principal: 50_000_000, interest: [2024: "1000000"]))
            try await LedgerFixtures.list(app, [listed])
            r = try await app.call(.POST, "api/ledger/interest-confirmations", json: """
                {"projectId": "\(listed.uuidString)", "loanId": "L1", "year": 2024, "interest": "1000000", "paidOn": "2024-12-31", "reference": "ICBC-2024-0009"}
                """, as: who.bank)
            #expect(r.status == .created, "\(r.raw)")
            r = try await app.call(.POST, "api/ledger/batches", json: "{}", as: who.city)
            let batch = try #require(r.body["id"] as? String)
            page = try await city.get("/ledger")
            #expect(page.html.contains(#"id="approve-batch-\#(batch)""#))
            #expect(try await city.post("/ledger/batches/\(batch)/approve", []).status == .seeOther)
            r = try await app.call(.GET, "api/ledger/proposals?batchId=\(batch)&state=paid", as: who.city)
            #expect(r.body["total"] as? Int == 1, "\(r.raw)")

            // The district's officer: its district's ledger, no approval.
            var pudong = try await CasesPageTests.web(app, "web.ledger.pudong")
            page = try await pudong.get("/ledger")
            #expect(page.status == .ok && page.html.contains(#"id="entries""#) && !page.html.contains("/approve"))
            #expect(try await pudong.post("/ledger/proposals/\(proposals[2])/approve", []).status == .forbidden)

            try await city.get("/lang/en?back=/ledger")
            page = try await city.get("/ledger")
            #expect(page.html.contains("The ledger and the budget pools") && !page.html.contains(WebCatalogue.missingMarker))
        }
    }
}
