@testable import App
import Fluent
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting
import Workflow

/// Commitment filing through the API, signed in by bearer tokens: who may file, read, draw and
/// verify (the role × operation table of the commitment operations), another enterprise's
/// filing as 404, refusals by field (422) and by state (409).
@Suite struct CommitmentAPITests {
    /// Signed-in callers of the test: a token per account, made as `POST /tokens` makes one.
    struct Callers {
        var tokens: [String: String] = [:]

        static let accounts: [(name: String, role: Role, binding: AccountBinding)] = [
            ("ent", .enterprise, AccountBinding(enterpriseCode: "91310115MA1K4ABCDD")),
            ("other-ent", .enterprise, AccountBinding(enterpriseCode: "91310101MA1FPX1234")),
            ("pudong", .districtOfficer, AccountBinding(districtCode: "310115")),
            ("huangpu", .districtOfficer, AccountBinding(districtCode: "310101")),
            ("city", .cityOfficer, AccountBinding()),
            ("dept", .department, AccountBinding(departmentCode: "ecology-environment")),
            ("bank", .bank, AccountBinding(institution: "上海银行")),
            ("admin", .administrator, AccountBinding()),
        ]

        static func make(_ app: Application) async throws -> Callers {
            var callers = Callers()
            let store = AccountStore(db: app.db)
            for a in accounts {
                let record = try await store.create(NewAccount(username: a.name, role: a.role, displayName: a.name, binding: a.binding), passwordHash: "unused")
                let secret = Secrets.newToken()
                _ = try await store.createToken(for: record.id, name: "test", secretHash: Secrets.hash(secret), scopes: [.read, .write],
                                                expiresAt: Date().addingTimeInterval(3600))
                callers.tokens[a.name] = secret
            }
            return callers
        }
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
            let project = try await CommitmentFilingTests.project(app, code: "P-API")
            let application = try await CommitmentFilingTests.application(app, project: project)
            let body = try Fixtures.json(["applicationId": application.uuidString.lowercased()])

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

    /// Every commitment operation × every role: allowed (the handler answers), 403, or 401 unsigned.
    /// (Once the accounts' role × operation table is on main, these rows belong in it.)
    static let table: [(operation: String, method: HTTPMethod, path: String, body: String?, allowed: Set<Role>)] = [
        ("fileOnCommitment", .POST, "api/commitment-filings", #"{"applicationId":"00000000-0000-0000-0000-000000000000"}"#, [.enterprise]),
        ("listCommitmentFilings", .GET, "api/commitment-filings", nil, [.enterprise, .districtOfficer, .cityOfficer, .administrator]),
        ("getCommitmentFiling", .GET, "api/commitment-filings/00000000-0000-0000-0000-000000000000", nil, [.enterprise, .districtOfficer, .cityOfficer, .administrator]),
        ("verifyCommitmentFiling", .POST, "api/commitment-filings/00000000-0000-0000-0000-000000000000/verifications", #"{"kept":true}"#, [.districtOfficer, .cityOfficer]),
        ("drawCommitmentSample", .POST, "api/commitment-samples", #"{"from":"2020-01-01","to":"2020-01-31"}"#, [.cityOfficer]),
        ("listCommitmentSamples", .GET, "api/commitment-samples", nil, [.districtOfficer, .cityOfficer, .administrator]),
        ("getCommitmentSample", .GET, "api/commitment-samples/00000000-0000-0000-0000-000000000000", nil, [.districtOfficer, .cityOfficer, .administrator]),
    ]

    @Test(arguments: TestDatabase.all)
    func everyCommitmentOperationByEveryRole(_ database: TestDatabase) async throws {
        // The table covers the contract's commitment operations, and the rules agree with it.
        let contract = Set(ContractOperations.shared.byRoute.values.filter { $0.localizedCaseInsensitiveContains("commitment") })
        #expect(contract == Set(Self.table.map(\.operation)))
        for row in Self.table { #expect(OperationRules.rule(for: row.operation) == .roles(row.allowed), "\(row.operation)") }
        try await withApp(database) { app in
            let callers = try await Callers.make(app)
            for row in Self.table {
                #expect(try await Self.call(app, row.method, row.path, as: nil, callers: callers, json: row.body).status == .unauthorized, "\(row.operation)")
                for account in Callers.accounts where account.name != "other-ent" && account.name != "huangpu" {
                    let status = try await Self.call(app, row.method, row.path, as: account.name, callers: callers, json: row.body).status
                    if row.allowed.contains(account.role) {
                        #expect(status != .forbidden && status != .unauthorized && status.code < 500, "\(row.operation) as \(account.role): \(status)")
                    } else {
                        #expect(status == .forbidden, "\(row.operation) as \(account.role): \(status)")
                    }
                }
            }
        }
    }
}
