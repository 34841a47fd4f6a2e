@testable import App
import Fluent
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting
import Workflow

/// Commitment filing through the API, signed in by bearer tokens (`TestAccounts`): the
/// enterprise's own way from application to filing, who sees which filings, the city's draw, the
/// officers' verifications, another enterprise's or district's filing as 404, refusals by field
/// (422) and by state (409). Every role × operation is `RoleOperationTests`' (the rows of the
/// commitment operations are there, on records `roleRecords` makes).
@Suite struct CommitmentAPITests {
    /// Signed-in callers of the test, by name.
    struct Callers {
        var tokens: [String: String] = [:]

        static let accounts: [(name: String, role: Role, enterpriseCode: String?, district: String?)] = [
            ("ent", .enterprise, "91310115MA1K4ABCDD", nil),
            ("other-ent", .enterprise, RoleOperationTests.World.codeB, nil),
            ("pudong", .districtOfficer, nil, "pudong"),
            ("huangpu", .districtOfficer, nil, "huangpu"),
            ("city", .cityOfficer, nil, nil),
            ("dept", .department, nil, nil),
            ("bank", .bank, nil, nil),
            ("admin", .administrator, nil, nil),
        ]

        /// Through the shared `TestAccounts` (accounts made in the store, a bearer token each).
        static func make(_ app: Application) async throws -> Callers {
            var callers = Callers()
            for a in accounts {
                callers.tokens[a.name] = try await TestAccounts.token(app, role: a.role, enterpriseCode: a.enterpriseCode, district: a.district, username: a.name)
            }
            return callers
        }
    }

    /// For the role × operation test (`RoleOperationTests`): for each of its two enterprises a
    /// filing made in January 2025, and a sample drawn over that month. Answers A's and B's
    /// application and filing ids and the sample's.
    struct RoleRecords: Sendable {
        let applicationA: String, applicationB: String
        let filingA: String, filingB: String
        let sample: String
    }

    static func roleRecords(_ app: Application, codeA: String, codeB: String) async throws -> RoleRecords {
        let store = try CommitmentFilingTests.store(app)
        let projects = ProjectStore(db: app.db, engine: Engine(library: app.policyLibrary))
        let day = Day(iso: "2025-01-15")!
        var applications: [UUID] = [], filings: [UUID] = []
        for code in [codeA, codeB] {
            var p = try ApplicationWorkflowTests.exampleFile(app).projects[0]
            p.id = "C-\(code.suffix(4))"
            p.nationalCode = nil
            let project = try await projects.createProject(p, creditCode: code, by: CommitmentFilingTests.enterprise)
            let application = try await CommitmentFilingTests.application(app, project: project)
            applications.append(application)
            filings.append(try await store.file(applicationID: application, on: day, by: CommitmentFilingTests.enterprise).requireID())
        }
        let sample = try await store.draw(from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-01-31")!, rate: nil, seed: 1,
                                          on: Day(iso: "2025-02-01")!, by: CommitmentFilingTests.city)
        func text(_ id: UUID) -> String { id.uuidString.lowercased() }
        return RoleRecords(applicationA: text(applications[0]), applicationB: text(applications[1]),
                           filingA: text(filings[0]), filingB: text(filings[1]), sample: text(try sample.requireID()))
    }

    static func call(_ app: Application, _ method: HTTPMethod, _ path: String, as who: String?, callers: Callers,
                     json: String? = nil) async throws -> (status: HTTPStatus, body: [String: Any], raw: String) {
        var status: HTTPStatus = .ok
        var raw = ""
        try await app.testing().test(method, path, beforeRequest: { req in
            if let who, let token = callers.tokens[who] { req.headers.bearerAuthorization = BearerAuthorization(token: token) }
            if let json {
                req.headers.contentType = .json
                req.body = ByteBuffer(string: json)
            }
        }, afterResponse: { res in
            status = res.status
            raw = res.body.string
        })
        let body = (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any] ?? [:]
        return (status, body, raw)
    }

    static func paths(_ body: [String: Any]) -> [String] {
        ((body["issues"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String }
    }

    @Test(arguments: TestDatabase.all)
    func fileReadDrawAndVerifyThroughTheAPI(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let callers = try await Callers.make(app)
            let store = try CommitmentFilingTests.store(app)
            // Filings of March (made on the registry, for a period that is over), then one today through the API.
            var march: [CommitmentFilingModel] = []
            for k in 1...4 {
                let project = try await CommitmentFilingTests.project(app, code: "P-M\(k)")
                march.append(try await store.file(applicationID: try await CommitmentFilingTests.application(app, project: project),
                                                  on: CommitmentFilingTests.day, by: CommitmentFilingTests.enterprise))
            }
            // The enterprise's own way: an application started and the signed commitment uploaded through the API.
            let project = try await CommitmentFilingTests.project(app, code: "P-API")
            let started = try await Self.call(app, .POST, "api/applications", as: "ent", callers: callers,
                                              json: try Fixtures.json(["projectId": project.uuidString.lowercased()]))
            #expect(started.status == .created, "\(started.raw)")
            let application = try #require(started.body["id"] as? String)
            let body = try Fixtures.json(["applicationId": application])
            // Without the signed commitment: 409, in both languages.
            let missing = try await Self.call(app, .POST, "api/commitment-filings", as: "ent", callers: callers, json: body)
            #expect(missing.status == .conflict && (missing.body["message"] as? [String: Any])?["en"] as? String == "the signed commitment is missing")
            var uploaded: HTTPStatus = .ok
            try await app.testing().test(.POST, "api/applications/\(application)/materials?item=commitment-letter&fileName=letter.pdf", beforeRequest: { req in
                req.headers.bearerAuthorization = BearerAuthorization(token: callers.tokens["ent"]!)
                req.headers.contentType = HTTPMediaType(type: "application", subType: "octet-stream")
                req.body = ByteBuffer(data: ApplicationWorkflowTests.pdf())
            }, afterResponse: { res in uploaded = res.status })
            #expect(uploaded == .created)

            // Not signed in: 401; not the enterprise's role: 403; another enterprise: 404.
            #expect(try await Self.call(app, .POST, "api/commitment-filings", as: nil, callers: callers, json: body).status == .unauthorized)
            #expect(try await Self.call(app, .POST, "api/commitment-filings", as: "city", callers: callers, json: body).status == .forbidden)
            #expect(try await Self.call(app, .POST, "api/commitment-filings", as: "other-ent", callers: callers, json: body).status == .notFound)
            let badID = try await Self.call(app, .POST, "api/commitment-filings", as: "ent", callers: callers, json: #"{"applicationId":"nope"}"#)
            #expect(badID.status == .unprocessableEntity || badID.status == .badRequest)

            let filed = try await Self.call(app, .POST, "api/commitment-filings", as: "ent", callers: callers, json: body)
            #expect(filed.status == .created, "\(filed.raw)")
            let number = try #require(filed.body["number"] as? String)
            #expect(number == "CN-\(Day.today().year)-" + (Day.today().year == 2026 ? "000005" : "000001"))
            #expect(filed.body["status"] as? String == "filed" && filed.body["movedProject"] as? Bool == true)
            let filingID = try #require(filed.body["id"] as? String)
            // A second time: 409.
            let again = try await Self.call(app, .POST, "api/commitment-filings", as: "ent", callers: callers, json: body)
            #expect(again.status == .conflict)
            #expect((again.body["message"] as? [String: Any])?["zh"] != nil && (again.body["message"] as? [String: Any])?["en"] != nil)

            // Who sees what.
            func total(_ who: String) async throws -> Int? {
                try await Self.call(app, .GET, "api/commitment-filings", as: who, callers: callers).body["total"] as? Int
            }
            #expect(try await total("ent") == 5)
            #expect(try await total("other-ent") == 0)
            #expect(try await total("pudong") == 5)
            #expect(try await total("huangpu") == 0)
            #expect(try await total("city") == 5)
            #expect(try await Self.call(app, .GET, "api/commitment-filings?status=revoked", as: "city", callers: callers).body["total"] as? Int == 0)
            #expect(try await Self.call(app, .GET, "api/commitment-filings/\(filingID)", as: "ent", callers: callers).status == .ok)
            #expect(try await Self.call(app, .GET, "api/commitment-filings/\(filingID)", as: "other-ent", callers: callers).status == .notFound)
            #expect(try await Self.call(app, .GET, "api/commitment-filings/\(filingID)", as: "huangpu", callers: callers).status == .notFound)

            // The draw: the city's; refused by field; then drawn, reproducible.
            let period = #"{"from":"2026-03-01","to":"2026-03-31","rate":"0.5","seed":"c0ffee"}"#
            #expect(try await Self.call(app, .POST, "api/commitment-samples", as: "pudong", callers: callers, json: period).status == .forbidden)
            let bad = try await Self.call(app, .POST, "api/commitment-samples", as: "city", callers: callers,
                                          json: #"{"from":"2026-02-30","to":"2026-03-31","rate":"1.5","seed":"xyz"}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(Self.paths(bad.body)) == ["$.from", "$.rate", "$.seed"])
            let drawn = try await Self.call(app, .POST, "api/commitment-samples", as: "city", callers: callers, json: period)
            #expect(drawn.status == .created, "\(drawn.raw)")
            #expect(drawn.body["seed"] as? String == "0000000000c0ffee" && drawn.body["population"] as? Int == 4)
            #expect(drawn.body["reproducible"] as? Bool == true)
            let selected = try #require(drawn.body["selected"] as? [String])
            #expect(selected.count == 2)
            #expect(selected == CommitmentSample.draw(filings: march.map(\.number).reversed(), rate: Decimal(string: "0.5")!, seed: 0xC0FFEE).selected)
            let sampleID = try #require(drawn.body["id"] as? String)
            #expect(try await Self.call(app, .POST, "api/commitment-samples", as: "city", callers: callers, json: period).status == .conflict)
            #expect(try await Self.call(app, .GET, "api/commitment-samples/\(sampleID)", as: "pudong", callers: callers).body["selected"] as? [String] == selected)
            #expect(try await Self.call(app, .GET, "api/commitment-samples", as: "ent", callers: callers).status == .forbidden)

            // Verification: the district's officer; kept, then a breach that revokes.
            let kept = try #require(march.first { $0.number == selected[0] }?.id?.uuidString.lowercased())
            let breached = try #require(march.first { $0.number == selected[1] }?.id?.uuidString.lowercased())
            #expect(try await Self.call(app, .POST, "api/commitment-filings/\(kept)/verifications", as: "ent", callers: callers, json: #"{"kept":true}"#).status == .forbidden)
            #expect(try await Self.call(app, .POST, "api/commitment-filings/\(kept)/verifications", as: "huangpu", callers: callers, json: #"{"kept":true}"#).status == .notFound)
            let ok = try await Self.call(app, .POST, "api/commitment-filings/\(kept)/verifications", as: "pudong", callers: callers, json: #"{"kept":true}"#)
            #expect(ok.status == .created && ok.body["status"] as? String == "verified", "\(ok.raw)")
            // Kept on a filing not drawn (today's): 409.
            #expect(try await Self.call(app, .POST, "api/commitment-filings/\(filingID)/verifications", as: "pudong", callers: callers, json: #"{"kept":true}"#).status == .conflict)
            let noReasons = try await Self.call(app, .POST, "api/commitment-filings/\(breached)/verifications", as: "pudong", callers: callers, json: #"{"kept":false}"#)
            #expect(noReasons.status == .unprocessableEntity && Self.paths(noReasons.body) == ["$.reasons"])
            let revoked = try await Self.call(app, .POST, "api/commitment-filings/\(breached)/verifications", as: "city", callers: callers,
                                              json: #"{"kept":false,"reasons":"新增用地 / new land was used"}"#)
            #expect(revoked.status == .created && revoked.body["status"] as? String == "revoked", "\(revoked.raw)")
            let verification = try #require((revoked.body["verifications"] as? [[String: Any]])?.first)
            #expect(verification["outcome"] as? String == "breached" && verification["projectStatusAfter"] as? String == "reserve")
            #expect(try await Self.call(app, .POST, "api/commitment-filings/\(breached)/verifications", as: "city", callers: callers,
                                        json: #"{"kept":false,"reasons":"again"}"#).status == .conflict)

            // The audit trail names the accounts that acted.
            let entries = try await AuditEntryModel.query(on: app.db).all()
            #expect(entries.contains { $0.action == "commitment.file" && $0.actorName == "ent" && $0.address != nil })
            #expect(entries.contains { $0.action == "commitment.sample" && $0.actorName == "city" })
            #expect(entries.contains { $0.action == "commitment.verify" && $0.actorName == "pudong" })
            #expect(entries.contains { $0.action == "commitment.revoke" && $0.actorName == "city" })
        }
    }
}
