@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting

/// The open data of supported projects on SQLite and PostgreSQL: anyone downloads it; each
/// approved grant is a row with the amount the decision approved (as the API tells the case);
/// nothing personal (no credit code, representative, address or telephone); a name Excel would
/// take for a formula is written after an apostrophe.
@Suite struct OpenDataPageTests {
    @Test(arguments: TestDatabase.all)
    func theSupportedProjectsArePublishedWithoutPersonalData(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let code = CreditCode.withCheckCharacter("91310112MA1GD0D0D")!
            var enterprise = LedgerFixtures.enterpriseRecord(code)
            enterprise.name = "=HYPERLINK(\"http://x\")有限公司"
            enterprise.legalRepresentative = "张三丰"
            enterprise.phone = "021-66667777"
            let store = ProjectStore(db: app.db, engine: Engine(library: app.policyLibrary))
            _ = try await store.createEnterprise(enterprise, by: .system("test"))
            let project = try await LedgerFixtures.store(app, LedgerFixtures.project("OD-1"), creditCode: code)
            let (caseID, _) = try await LedgerFixtures.approvedCase(app, project: project)
            let r = try await app.call(.GET, "api/applications/\(caseID)")
            let granted = ((r.body["decision"] as? [String: Any])?["grants"] as? [[String: Any]]) ?? []
            #expect(!granted.isEmpty, "\(r.raw)")

            var web = WebClient(app)
            let page = try await web.get("/open-data/supported-projects.csv")
            #expect(page.status == .ok && page.headers.contentType?.subType == "csv")
            let lines = page.html.split(separator: "\r\n").map(String.init)
            #expect(lines.first?.contains("核准金额（元） / Amount approved (yuan)") == true)
            for g in granted {
                let instrument = g["instrument"] as? String ?? "?", amount = g["granted"] as? String ?? "?"
                #expect(lines.contains { $0.contains(",\(instrument) ") && $0.contains(",\(amount),") }, "\(instrument) \(amount): \(lines)")
            }
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("\"'=HYPERLINK(") }, "\(lines)")
            for personal in [code, "张三丰", "021-66667777"] { #expect(!page.html.contains(personal), "\(personal)") }
        }
    }
}
