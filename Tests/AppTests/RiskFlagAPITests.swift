@testable import App
import Foundation
import Policy
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Issue 11, item 7, through the API: two enterprises give one phone (written two ways); the
/// first applies, then the second; the second case's flags name the first enterprise and its
/// project, officers read them, the enterprise does not, the city's list finds them, the audit
/// trail has them, and the table refuses to change them.
@Suite struct RiskFlagAPITests {
    static let codeA = "91310115MA1K4ABCDD"
    static let codeB = CreditCode.withCheckCharacter("91310115MA1K5RNKX")!

    static func enterprise(_ code: String, phone: String) -> String {
        #"{"creditCode": "\#(code)", "name": "风险测试企业 \#(code.suffix(4))", "district": "pudong", "industryCode": "C3484", "phone": "\#(phone)"}"#
    }

    /// A submitted application for a new project of the enterprise: answers the case and the project's own id.
    static func submitted(_ app: Application, creditCode: String, enterprise: String) async throws -> (String, String) {
        let code = "R-\(UUID().uuidString.prefix(6))"
        let project = try await ApplicationAPITests.storeProject(app, creditCode: creditCode, code: code)
        var r = try await app.call(.POST, "api/applications", json: #"{"projectId": "\#(project)"}"#, as: .bearer(enterprise))
        let id = try #require(r.body["id"] as? String, "\(r.raw)")
        for item in r.body["checklist"] as? [[String: Any]] ?? [] {
            let (status, body) = try await ApplicationAPITests.upload(app, id, item: item["item"] as! String,
                                                                      content: ApplicationAPITests.content(for: item), as: enterprise)
            #expect(status == .created, "\(body)")
        }
        r = try await app.call(.POST, "api/applications/\(id)/submit", as: .bearer(enterprise))
        #expect(r.body["state"] as? String == "submitted", "\(r.raw)")
        return (id, code)
    }

    @Test(arguments: TestDatabase.all)
    func twoEnterprisesSharingAPhoneAreFlaggedOnTheSecondSubmission(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            for (code, phone) in [(Self.codeA, "021-6123 4567"), (Self.codeB, "+86 21 61234567")] {
                let r = try await app.call(.POST, "api/enterprises", json: Self.enterprise(code, phone: phone))
                #expect(r.status == .created, "\(r.raw)")
                #expect(r.body["phone"] as? String == phone, "\(r.raw)")
            }
            let enterpriseA = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: Self.codeA)
            let enterpriseB = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: Self.codeB)
            let city = try await TestAccounts.token(app, role: .cityOfficer)
            let pudong = try await TestAccounts.token(app, role: .districtOfficer, district: "浦东新区")
            let minhang = try await TestAccounts.token(app, role: .districtOfficer, district: "闵行区")

            let (caseA, projectA) = try await Self.submitted(app, creditCode: Self.codeA, enterprise: enterpriseA)
            // When A applied, B had no project: nothing to compare with.
            var r = try await app.call(.GET, "api/applications/\(caseA)/risk-flags", as: .bearer(city))
            #expect(r.status == .ok)
            #expect((try JSONSerialization.jsonObject(with: Data(r.raw.utf8)) as? [Any])?.isEmpty == true, "\(r.raw)")

            let (caseB, projectB) = try await Self.submitted(app, creditCode: Self.codeB, enterprise: enterpriseB)
            r = try await app.call(.GET, "api/applications/\(caseB)/risk-flags", as: .bearer(city))
            #expect(r.status == .ok, "\(r.raw)")
            let flags = try #require(try JSONSerialization.jsonObject(with: Data(r.raw.utf8)) as? [[String: Any]])
            let shared = try #require(flags.first { $0["kind"] as? String == "sharedIdentity" }, "\(r.raw)")
            #expect(shared["enterprises"] as? [String] == [Self.codeA])
            let partners = shared["partners"] as? [[String: Any]] ?? []
            #expect(partners.count == 1)
            #expect(partners.first?["creditCode"] as? String == Self.codeA)
            #expect(partners.first?["projectId"] as? String == projectA)
            #expect(shared["projectCode"] as? String == projectB)
            #expect(shared["district"] as? String == "pudong")
            let facts = shared["facts"] as? [[String: String]] ?? []
            #expect(facts.contains(["name": "field", "value": "phone"]))
            #expect(facts.contains(["name": "value", "value": "2161234567"]))
            #expect((shared["reason"] as? [String: Any])?["zh"] as? String != nil)
            #expect(shared["libraryVersion"] as? String == app.libraryVersion)

            // Officers of the case read them; the enterprise does not; another district does not find the case.
            #expect(try await app.call(.GET, "api/applications/\(caseB)/risk-flags", as: .bearer(pudong)).status == .ok)
            #expect(try await app.call(.GET, "api/applications/\(caseB)/risk-flags", as: .bearer(enterpriseB)).status == .forbidden)
            #expect(try await app.call(.GET, "api/applications/\(caseB)/risk-flags", as: .bearer(minhang)).status == .notFound)

            // The city's list, filtered by kind and district; a district officer's list is its district's.
            r = try await app.call(.GET, "api/risk-flags?kind=sharedIdentity&district=pudong", as: .bearer(city))
            #expect(r.body["total"] as? Int == 1, "\(r.raw)")
            #expect(((r.body["items"] as? [[String: Any]])?.first)?["applicationId"] as? String == caseB)
            #expect(try await app.call(.GET, "api/risk-flags?kind=sameContract", as: .bearer(city)).body["total"] as? Int == 0)
            #expect(try await app.call(.GET, "api/risk-flags", as: .bearer(pudong)).body["total"] as? Int == flags.count)
            #expect(try await app.call(.GET, "api/risk-flags", as: .bearer(minhang)).body["total"] as? Int == 0)
            #expect(try await app.call(.GET, "api/risk-flags?kind=nothing", as: .bearer(city)).status == .badRequest)

            // In the case's audit trail, with the library version.
            r = try await app.call(.GET, "api/applications/\(caseB)/audit", as: .bearer(city))
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(r.raw.utf8)) as? [[String: Any]])
            let audit = try #require(entries.first { $0["action"] as? String == "application.risk-flags" }, "\(r.raw)")
            #expect((audit["after"] as? String)?.contains("sharedIdentity") == true)

            // Append-only: the database itself refuses to change or remove a flag.
            let sql = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE risk_flags SET kind = 'sameContract'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM risk_flags").run() }
            #expect(try await RiskStore(db: app.db).flags(ofApplication: UUID(uuidString: caseB)!).count == flags.count)
        }
    }
}
