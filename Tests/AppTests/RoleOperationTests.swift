@testable import App
import Foundation
import Policy
import Testing
import Vapor
import VaporTesting
import Workflow
import Yams

/// Every operation of `openapi.yaml` × every role (and nobody signed in) → what the answer must
/// be: allowed, 401, 403, or 404 where another enterprise's or district's record must not even be
/// found. The operations are read from the contract: one added without its row here fails.
///
/// The world: enterprise A in Pudong and enterprise B in Minhang, a project of each (with an
/// earlier version), a rolling list, a finished import. The enterprise user is A's, the
/// district officer Pudong's; "own" requests reach A, "foreign" ones B.
@Suite struct RoleOperationTests {
    enum Who: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case anonymous, enterprise, districtOfficer, cityOfficer, department, bank, administrator
        var testDescription: String { rawValue }
    }

    enum Expect: Equatable {
        case allowed, unauthorized, forbidden, notFound

        init(_ status: HTTPStatus) {
            switch status.code {
            case 401: self = .unauthorized
            case 403: self = .forbidden
            case 404: self = .notFound
            default: self = .allowed
            }
        }
    }

    /// Who may call an operation, and what reaching a foreign record answers.
    struct Row {
        let allowed: Set<Who>
        /// For an operation on one enterprise's record: what A's user and Pudong's officer get
        /// for B's (nil: the operation reaches no particular enterprise).
        let foreign: Expect?
        /// Who is refused a foreign record (B's, or a case not sent to the department).
        var foreignTo: Set<Who> = [.enterprise, .districtOfficer]

        static let everyone = Row(allowed: Set(Who.allCases), foreign: nil)
        static let signedIn = Row(allowed: Set(Who.allCases).subtracting([.anonymous]), foreign: nil)
        static func only(_ who: Set<Who>) -> Row { Row(allowed: who, foreign: nil) }
        static func owned(_ who: Set<Who>, foreign: Expect = .notFound) -> Row { Row(allowed: who, foreign: foreign) }
        /// A case: B's is foreign to A's user, to Pudong's officer and to the department (not sent to it).
        static func ownedCase(_ who: Set<Who>) -> Row { Row(allowed: who, foreign: .notFound, foreignTo: [.enterprise, .districtOfficer, .department]) }
    }

    static let registry: Set<Who> = [.enterprise, .districtOfficer, .cityOfficer, .administrator]
    static let officers: Set<Who> = [.districtOfficer, .cityOfficer, .administrator]
    static let city: Set<Who> = [.cityOfficer, .administrator]
    static let caseReaders: Set<Who> = [.enterprise, .districtOfficer, .cityOfficer, .department, .administrator]
    static let ledgerReaders: Set<Who> = [.enterprise, .districtOfficer, .cityOfficer, .bank, .administrator]

    /// The expected access, written out independently of `OperationRules`.
    static let table: [String: Row] = [
        "matchProjectFile": .everyone,
        "listEnterprises": .only(registry),
        "createEnterprise": .owned(registry, foreign: .forbidden),
        "getEnterprise": .owned(registry),
        "updateEnterprise": .owned(registry),
        "deleteEnterprise": .only(city),
        "getEnterprisePlan": .owned(registry),
        "listProjects": .only(registry),
        "createProject": .owned(registry),
        "getProject": .owned(registry),
        "updateProject": .owned(registry),
        "deleteProject": .owned(registry),
        "getProjectMatch": .owned(registry),
        "listProjectVersions": .owned(registry),
        "getProjectVersion": .owned(registry),
        "changeProjectStatus": .owned(officers),
        "exportProjects": .only(registry),
        "listRollingLists": .only(city),
        "createRollingList": .only(city),
        "getRollingList": .only(city),
        "reviseRollingList": .only(city),
        "publishRollingList": .only(city),
        "sendRollingList": .only(city),
        "exportRollingList": .only(city),
        "createImport": .only(city),
        "getImport": .only(city),
        "createToken": .everyone,
        // Only one's own tokens: a token of nobody's is not found, whoever asks.
        "revokeToken": .only([]),
        "listTokens": .signedIn,
        "getMe": .signedIn,
        "listUsers": .only([.administrator]),
        "createUser": .only([.administrator]),
        "getUser": .only([.administrator]),
        "updateUser": .only([.administrator]),
        // Applications: A's case is under review with a step of the test department (economy-informatization).
        "listApplications": .only(caseReaders),
        "createApplication": .owned([.enterprise]),
        "getApplication": .ownedCase(caseReaders),
        "submitApplication": .owned([.enterprise]),
        "withdrawApplication": .owned([.enterprise]),
        "uploadApplicationMaterial": .owned([.enterprise]),
        "downloadApplicationMaterial": .ownedCase(caseReaders),
        "intakeApplication": .owned([.districtOfficer, .cityOfficer]),
        "startApplicationReview": .owned([.districtOfficer, .cityOfficer]),
        "giveReviewOpinion": .only([.department]),
        "decideApplication": .only([.cityOfficer]),
        "compareApplicationWithPolicy": .ownedCase(caseReaders),
        "getApplicationAudit": .ownedCase(caseReaders),
        "getApplicationRiskFlags": .ownedCase([.districtOfficer, .cityOfficer, .department, .administrator]),
        "listRiskFlags": .only(officers),
        "listAuditEntries": .only(city),
        "getReviewTimes": .only(officers),
        "listPolicyChanges": .only(city),
        "savePolicyChange": .only(city),
        "listNotices": .signedIn,
        // Only one's own notices: a notice of nobody's is not found, whoever asks.
        "markNoticeRead": .only([]),
        // Commitment filing: A's user files A's application (409 once filed: still allowed), B's
        // is not found; filings are read and verified by whose they are.
        "fileOnCommitment": .owned([.enterprise]),
        "listCommitmentFilings": .only(registry),
        "getCommitmentFiling": .owned(registry),
        "verifyCommitmentFiling": .owned([.districtOfficer, .cityOfficer]),
        "drawCommitmentSample": .only([.cityOfficer]),
        "listCommitmentSamples": .only(officers),
        "getCommitmentSample": .only(officers),
        // The ledger: A's and B's projects have a loan and a lease of the test bank, which sees
        // both (its contracts); A's user and Pudong's officer reach A's only.
        "listInstitutionContracts": .only([.bank, .cityOfficer, .administrator]),
        "confirmLoanInterest": .only([.bank]),
        "confirmLeaseInvestment": .only([.bank]),
        "listConfirmations": .owned(ledgerReaders),
        "listPaymentProposals": .only(ledgerReaders),
        "proposePayment": .owned(officers),
        "approvePaymentProposal": .only([.cityOfficer]),
        "declinePaymentProposal": .owned([.enterprise, .districtOfficer, .cityOfficer]),
        "proposeAutomaticPayments": .only([.cityOfficer]),
        "approvePaymentBatch": .only([.cityOfficer]),
        "listLedgerEntries": .only(ledgerReaders),
        "correctLedgerEntry": .only([.cityOfficer]),
        "recordClawback": .only([.cityOfficer]),
        "recordRepayment": .only([.cityOfficer]),
        "getLedgerSummary": .only(ledgerReaders),
        // The targets dashboard: officers read; a district officer reports for its own district only.
        "getDashboard": .only(officers),
        "listTargetReports": .only(officers),
        "createTargetReport": .owned([.districtOfficer, .cityOfficer], foreign: .forbidden),
        // Budget pools, quotas, the money reports.
        "listBudgetPools": .only(officers),
        "createBudgetPool": .only([.cityOfficer]),
        "getBudgetPool": .only(officers),
        "reviseBudgetPool": .only([.cityOfficer]),
        "getBudgetPoolRanking": .only(officers),
        "listQuotas": .only(officers),
        "getMoneyReport": .only(officers),
        "getReconciliationReport": .only([.districtOfficer, .cityOfficer, .bank, .administrator]),
        "listListKinds": .signedIn,
        "listListEditions": .signedIn,
        "publishListEdition": .only(city),
        "getListEdition": .signedIn,
        "exportListEdition": .signedIn,
        "diffListEditions": .signedIn,
        "searchListEntries": .signedIn,
        "listResources": .signedIn,
        "createResource": .only([.cityOfficer, .administrator, .bank]),
        "getResource": .signedIn,
        "updateResource": .only([.cityOfficer, .administrator, .bank]),
        "getProjectResources": .owned(registry),
        "listSmartFactoryAssessments": .owned(registry),
        "fileSmartFactoryAssessment": .owned(registry),
        "listSecondHandGradings": .owned(registry),
        "fileSecondHandGradings": .owned(registry),
        "listScenarioTasks": .signedIn,
        "releaseScenarioTask": .only(city),
        "takeScenarioTask": .only([.enterprise]),
        "designateScenarioBenchmark": .only([.cityOfficer]),
        // The catalogue: every account reads the published products; an enterprise its own
        // submissions too (B's is 404 to A's user and to the bank); an enterprise submits its own
        // (B's code is 403); officers and departments review; members vote and recuse (no member
        // is appointed here: 409, still allowed); the city officer decides and appoints.
        "listCatalogueProducts": .signedIn,
        "submitCatalogueProduct": .owned([.enterprise], foreign: .forbidden),
        "getCatalogueProduct": Row(allowed: Set(Who.allCases).subtracting([.anonymous]), foreign: .notFound, foreignTo: [.enterprise, .bank]),
        "reviewCatalogueProduct": .only([.districtOfficer, .cityOfficer, .department]),
        "voteOnCatalogueProduct": .only([.cityOfficer, .department]),
        "recuseFromCatalogueProduct": .only([.cityOfficer, .department]),
        "publishCatalogueProduct": .only([.cityOfficer]),
        "renewCatalogueProduct": .only([.cityOfficer]),
        "expireCatalogueProduct": .only([.cityOfficer]),
        "listCatalogueCommittee": .only([.districtOfficer, .cityOfficer, .department, .administrator]),
        "changeCatalogueCommittee": .only([.cityOfficer]),
        "exportCatalogue": .signedIn,
        "importCatalogue": .only(city),
        // The plan's progress: the test department is 市经济信息化委's, task 1.1's unit.
        "getPlanProgress": .only([.districtOfficer, .cityOfficer, .department, .administrator]),
        "listPlanProgressReports": .only([.districtOfficer, .cityOfficer, .department, .administrator]),
        "reportPlanProgress": .only([.cityOfficer, .department]),
        "uploadPlanProgressEvidence": .only([.cityOfficer, .department]),
        "downloadPlanProgressEvidence": .only([.districtOfficer, .cityOfficer, .department, .administrator]),
    ]

    static func contractOperations() throws -> Set<String> {
        let text = try String(contentsOf: Fixtures.repo.appendingPathComponent("Sources/API/openapi.yaml"), encoding: .utf8)
        let doc = try Yams.load(yaml: text) as? [String: Any] ?? [:]
        var ids: Set<String> = []
        for (_, item) in doc["paths"] as? [String: Any] ?? [:] {
            for (_, operation) in item as? [String: Any] ?? [:] {
                if let id = (operation as? [String: Any])?["operationId"] as? String { ids.insert(id) }
            }
        }
        return ids
    }

    @Test func everyOperationHasItsRowHereAndInTheRules() throws {
        let operations = try Self.contractOperations()
        #expect(operations.count >= 34)
        #expect(operations.subtracting(Self.table.keys).isEmpty, "operations without a row in this test: \(operations.subtracting(Self.table.keys).sorted())")
        #expect(Set(Self.table.keys).subtracting(operations).isEmpty, "rows for no operation: \(Set(Self.table.keys).subtracting(operations).sorted())")
        #expect(operations.subtracting(OperationRules.rules.keys).isEmpty, "operations without an access rule: \(operations.subtracting(OperationRules.rules.keys).sorted())")
        #expect(Set(ContractOperations.shared.all) == operations)
    }

    /// What each caller sends, and the records it aims at.
    struct World {
        let app: Application
        let tokens: [Who: String]
        let projectA: String, projectB: String
        let list: String
        let importID: String
        let user: String
        /// A's application (under review) and one of its materials; B's application (a draft).
        let caseA: String, materialA: String, caseB: String, materialB: String
        let commitment: CommitmentAPITests.RoleRecords
        let catalogue: CatalogueAPITests.RoleRecords
        let ledger: LedgerFixtures.RoleRecords
        /// The city's pool for 7a in 2026.
        let pool: String
        /// An edition of the list library; a financial product of the test bank (上海测试银行).
        let edition: String, resource: String
        /// A scenario task A's enterprise has taken up.
        let task: String
        /// A file of evidence of task 1.1 (the plan's progress).
        let evidence: String

        static let codeA = "91310115MA1K4ABCDD"
        static let codeB = CreditCode.withCheckCharacter("91310112MA1G0B0B0")!

        static func make(_ app: Application) async throws -> World {
            for (code, district) in [(codeA, "pudong"), (codeB, "minhang")] {
                let r = try await app.call(.POST, "api/enterprises", json: enterprise(code, district))
                #expect(r.status == .created, "\(r.raw)")
            }
            var projects: [String] = []
            for code in [codeA, codeB] {
                let r = try await app.call(.POST, "api/projects", json: #"{"creditCode": "\#(code)", "project": \#(project("P-1"))}"#)
                let id = try #require(r.body["id"] as? String, "\(r.raw)")
                // An earlier version, for the versions' operations.
                _ = try await app.call(.PUT, "api/projects/\(id)", json: project("P-1", declared: 13_000_000))
                projects.append(id)
            }
            var r = try await app.call(.POST, "api/lists", json: #"{"number": "2025-01", "title": "第一批"}"#)
            let list = try #require(r.body["id"] as? String)
            let (jsonl, _) = try ImportExportAPITests.population(2)
            let (_, report, _) = try await ImportExportAPITests.upload(app, "api/imports?format=jsonl&wait=true", body: Data(jsonl.utf8), contentType: "application/x-ndjson")
            let importID = try #require(report["id"] as? String)
            var tokens: [Who: String] = [.administrator: TestAccounts.administrator(app)]
            tokens[.enterprise] = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: codeA)
            tokens[.districtOfficer] = try await TestAccounts.token(app, role: .districtOfficer, district: "浦东新区")
            tokens[.cityOfficer] = try await TestAccounts.token(app, role: .cityOfficer)
            tokens[.department] = try await TestAccounts.token(app, role: .department)
            tokens[.bank] = try await TestAccounts.token(app, role: .bank)
            _ = try await TestAccounts.token(app, role: .cityOfficer, username: "signin.target")
            r = try await app.call(.GET, "api/users")
            let users = try JSONSerialization.jsonObject(with: Data(r.raw.utf8)) as? [[String: Any]] ?? []
            let user = try #require(users.first { $0["username"] as? String == "signin.target" }?["id"] as? String)
            let enterpriseB = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: codeB)
            let (caseA, materialA) = try await ApplicationAPITests.caseUnderReview(app, creditCode: codeA, enterprise: tokens[.enterprise]!,
                                                                                  officer: tokens[.districtOfficer]!)
            let caseB = try await ApplicationAPITests.draft(app, creditCode: codeB, enterprise: enterpriseB)
            let (_, uploaded) = try await ApplicationAPITests.upload(app, caseB, item: "application-form", content: ApplicationAPITests.pdf(), as: enterpriseB)
            let materialB = try #require((uploaded["materials"] as? [[String: Any]])?.first?["id"] as? String)
            let commitment = try await CommitmentAPITests.roleRecords(app, codeA: codeA, codeB: codeB)
            let catalogue = try await CatalogueAPITests.roleRecords(app, codeA: codeA, codeB: codeB)
            let ledger = try await LedgerFixtures.roleRecords(app, codeA: codeA, codeB: codeB)
            r = try await app.call(.POST, "api/budget-pools", json: #"{"instrument": "7a", "year": 2026, "budget": "1000", "method": "priority"}"#,
                                   as: .bearer(tokens[.cityOfficer]!))
            let pool = try #require(r.body["id"] as? String, "\(r.raw)")
            let (status, published) = try await ListLibraryAPITests.publish(app, kind: "iconic-equipment", csv: Self.listCSV)
            #expect(status == .created, "\(published)")
            let edition = try #require((published["edition"] as? [String: Any])?["id"] as? String)
            r = try await app.call(.POST, "api/resources", json: Self.resource)
            let resource = try #require(r.body["id"] as? String, "\(r.raw)")
            r = try await app.call(.POST, "api/scenario-tasks", json: Self.task)
            let task = try #require(r.body["id"] as? String, "\(r.raw)")
            r = try await app.call(.POST, "api/scenario-tasks/\(task)/takers", json: "{}", as: .bearer(tokens[.enterprise]!))
            #expect(r.status == .created, "\(r.raw)")
            let (evidenceStatus, stored) = try await PlanProgressAPITests.upload(app, task: "1.1", content: "%PDF-1.7 evidence", as: tokens[.cityOfficer]!)
            #expect(evidenceStatus == .created, "\(stored)")
            let evidence = try #require(stored["id"] as? String)
            return World(app: app, tokens: tokens, projectA: projects[0], projectB: projects[1], list: list, importID: importID, user: user,
                         caseA: caseA, materialA: materialA, caseB: caseB, materialB: materialB, commitment: commitment, catalogue: catalogue, ledger: ledger, pool: pool,
                         edition: edition, resource: resource, task: task, evidence: evidence)
        }

        static let task = #"{"batch": "2025-01", "field": "ai", "title": "工业大模型质检场景", "owner": "市经济信息化委"}"#
        static let listCSV = "编号,名称,装备领域\nE-1,五轴联动数控机床,智能制造装备\n"
        static let resource = #"{"kind": "financial-product", "name": "设备更新贷款", "institution": "上海测试银行", "productType": "renewal-loan", "annualRatePercent": "3.1", "termMonths": 36}"#

        static func enterprise(_ code: String, _ district: String) -> String {
            #"{"creditCode": "\#(code)", "name": "测试企业 \#(code.suffix(4))", "district": "\#(district)", "industryCode": "C3484"}"#
        }

        static func project(_ id: String, declared: Int = 12_500_000) -> String {
            #"{"id": "\#(id)", "categories": ["technical-renovation"], "investment": {"declared": \#(declared)}}"#
        }

        static func freshCode(_ prefix: String) -> String {
            let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
            let tail = String((0..<4).map { _ in alphabet.randomElement()! })
            return CreditCode.withCheckCharacter(prefix + "MA1K4" + tail)!
        }

        var caller: (Who) -> Caller { { who in who == .anonymous ? .anonymous : .bearer(tokens[who]!) } }

        /// The request of `operationId` aimed at A's records (`own`) or B's, as a method, path
        /// and body; records a call destroys are made anew for it.
        func request(_ operationId: String, own: Bool, as who: Who) async throws -> (HTTPMethod, String, String?) {
            let code = own ? Self.codeA : Self.codeB, project = own ? projectA : projectB
            let district = own ? "pudong" : "minhang"
            switch operationId {
            case "matchProjectFile":
                return (.POST, "api/match", try Fixtures.json(try Fixtures.example("enterprise-plan.json")))
            case "listEnterprises": return (.GET, "api/enterprises", nil)
            case "createEnterprise":
                // A's user may register only its own code (taken already: 409, still allowed);
                // an officer a new enterprise of its district.
                let fresh = Self.freshCode(own ? "91310115" : "91310112")
                return (.POST, "api/enterprises", Self.enterprise(who == .enterprise && own ? Self.codeA : fresh, district))
            case "getEnterprise": return (.GET, "api/enterprises/\(code)", nil)
            case "updateEnterprise": return (.PUT, "api/enterprises/\(code)", Self.enterprise(code, district))
            case "deleteEnterprise":
                let fresh = Self.freshCode("91310115")
                _ = try await app.call(.POST, "api/enterprises", json: Self.enterprise(fresh, "pudong"))
                return (.DELETE, "api/enterprises/\(fresh)", nil)
            case "getEnterprisePlan": return (.GET, "api/enterprises/\(code)/plan", nil)
            case "listProjects": return (.GET, "api/projects", nil)
            case "createProject":
                return (.POST, "api/projects", #"{"creditCode": "\#(code)", "project": \#(Self.project("P-\(UUID().uuidString.prefix(8))"))}"#)
            case "getProject": return (.GET, "api/projects/\(project)", nil)
            case "updateProject": return (.PUT, "api/projects/\(project)", Self.project("P-1", declared: 13_000_000))
            case "deleteProject":
                let r = try await app.call(.POST, "api/projects", json: #"{"creditCode": "\#(code)", "project": \#(Self.project("D-\(UUID().uuidString.prefix(8))"))}"#)
                return (.DELETE, "api/projects/\(r.body["id"] as? String ?? "")", nil)
            case "getProjectMatch": return (.GET, "api/projects/\(project)/match", nil)
            case "listProjectVersions": return (.GET, "api/projects/\(project)/versions", nil)
            case "getProjectVersion": return (.GET, "api/projects/\(project)/versions/1", nil)
            case "changeProjectStatus": return (.POST, "api/projects/\(project)/status", #"{"status": "reserve"}"#)
            case "exportProjects": return (.GET, "api/exports/projects?format=csv", nil)
            case "listRollingLists": return (.GET, "api/lists", nil)
            case "createRollingList": return (.POST, "api/lists", #"{"number": "2025-\#(UUID().uuidString.prefix(4))", "title": "清单"}"#)
            case "getRollingList": return (.GET, "api/lists/\(list)", nil)
            case "reviseRollingList": return (.POST, "api/lists/\(list)/revisions", #"{"add": ["\#(projectA)"], "remove": []}"#)
            case "publishRollingList": return (.POST, "api/lists/\(list)/publish", nil)
            case "sendRollingList": return (.POST, "api/lists/\(list)/send", #"{"recipients": ["上海测试银行"]}"#)
            case "exportRollingList": return (.GET, "api/lists/\(list)/export?format=csv", nil)
            case "createImport": return (.POST, "api/imports?format=jsonl&wait=true", nil)
            case "getImport": return (.GET, "api/imports/\(importID)", nil)
            case "createToken": return (.POST, "api/tokens", #"{"username": "signin.target", "password": "\#(TestAccounts.password)"}"#)
            case "listTokens": return (.GET, "api/tokens", nil)
            case "revokeToken": return (.DELETE, "api/tokens/\(UUID().uuidString)", nil)
            case "getMe": return (.GET, "api/me", nil)
            case "listUsers": return (.GET, "api/users", nil)
            case "createUser":
                return (.POST, "api/users", #"{"username": "u-\#(UUID().uuidString.prefix(8).lowercased())", "password": "Quite-Long-Secret-9", "role": "city_officer"}"#)
            case "getUser": return (.GET, "api/users/\(user)", nil)
            case "updateUser": return (.PATCH, "api/users/\(user)", #"{"displayName": "签到用户"}"#)
            case "listApplications": return (.GET, "api/applications", nil)
            case "createApplication":
                // A second open application of the same project is 409 (the rule let it through).
                return (.POST, "api/applications", #"{"projectId": "\#(try await ApplicationAPITests.projectOf(app, own ? caseA : caseB))"}"#)
            case "getApplication": return (.GET, "api/applications/\(own ? caseA : caseB)", nil)
            case "submitApplication": return (.POST, "api/applications/\(own ? caseA : caseB)/submit", nil)
            case "withdrawApplication": return (.POST, "api/applications/\(own ? caseA : caseB)/withdraw", nil)
            case "uploadApplicationMaterial": return (.POST, "api/applications/\(own ? caseA : caseB)/materials?item=application-form&fileName=a.pdf", "%PDF-1.7 test")
            case "downloadApplicationMaterial": return (.GET, "api/applications/\(own ? caseA : caseB)/materials/\(own ? materialA : materialB)", nil)
            case "intakeApplication": return (.POST, "api/applications/\(own ? caseA : caseB)/intake", #"{"action": "accept"}"#)
            case "startApplicationReview": return (.POST, "api/applications/\(own ? caseA : caseB)/review", nil)
            case "giveReviewOpinion": return (.POST, "api/applications/\(caseA)/opinions", #"{"verdict": "approve"}"#)
            case "decideApplication": return (.POST, "api/applications/\(caseA)/decision", #"{"outcome": "reject", "reasons": "测试"}"#)
            case "compareApplicationWithPolicy": return (.GET, "api/applications/\(own ? caseA : caseB)/comparison", nil)
            case "getApplicationAudit": return (.GET, "api/applications/\(own ? caseA : caseB)/audit", nil)
            case "getApplicationRiskFlags": return (.GET, "api/applications/\(own ? caseA : caseB)/risk-flags", nil)
            case "listRiskFlags": return (.GET, "api/risk-flags?kind=sharedIdentity", nil)
            case "listAuditEntries": return (.GET, "api/audit", nil)
            case "getReviewTimes": return (.GET, "api/reports/review-times", nil)
            case "listPolicyChanges": return (.GET, "api/policy/changes", nil)
            // The same value the library has: saved, re-evaluated, nothing changes.
            case "savePolicyChange": return (.POST, "api/policy/changes", #"{"key": "7a.ratio", "from": "2024-01-01", "value": "50%"}"#)
            case "listNotices": return (.GET, "api/notices", nil)
            case "markNoticeRead": return (.POST, "api/notices/\(UUID().uuidString)/read", nil)
            case "fileOnCommitment":
                return (.POST, "api/commitment-filings", #"{"applicationId": "\#(own ? commitment.applicationA : commitment.applicationB)"}"#)
            case "listCommitmentFilings": return (.GET, "api/commitment-filings", nil)
            case "getCommitmentFiling": return (.GET, "api/commitment-filings/\(own ? commitment.filingA : commitment.filingB)", nil)
            case "verifyCommitmentFiling":
                // Kept, on a filing drawn or not: verified once, then 409 — allowed either way.
                return (.POST, "api/commitment-filings/\(own ? commitment.filingA : commitment.filingB)/verifications", #"{"kept": true}"#)
            case "drawCommitmentSample": return (.POST, "api/commitment-samples", #"{"from": "2024-01-01", "to": "2024-01-31"}"#)
            case "listCommitmentSamples": return (.GET, "api/commitment-samples", nil)
            case "getCommitmentSample": return (.GET, "api/commitment-samples/\(commitment.sample)", nil)
            // The ledger: a second call of a write is 409 or 422 (the rule let it through).
            case "listInstitutionContracts": return (.GET, "api/ledger/contracts", nil)
            case "confirmLoanInterest":
                return (.POST, "api/ledger/interest-confirmations", #"{"projectId": "\#(own ? ledger.projectA : ledger.projectB)", "loanId": "L1", "year": 2025, "interest": "400000", "paidOn": "2025-12-31", "reference": "R"}"#)
            case "confirmLeaseInvestment":
                return (.POST, "api/ledger/lease-confirmations", #"{"projectId": "\#(own ? ledger.projectA : ledger.projectB)", "leaseId": "LS1", "equipmentInvestment": "10000000", "reference": "R"}"#)
            case "listConfirmations": return (.GET, "api/ledger/confirmations?projectId=\(own ? ledger.projectA : ledger.projectB)", nil)
            case "listPaymentProposals": return (.GET, "api/ledger/proposals", nil)
            case "proposePayment":
                return (.POST, "api/ledger/proposals", #"{"projectId": "\#(own ? ledger.projectA : ledger.projectB)", "instrument": "7a", "basis": "interest", "contractId": "L1", "year": 2024}"#)
            case "approvePaymentProposal": return (.POST, "api/ledger/proposals/\(ledger.proposalToApprove)/approve", nil)
            case "declinePaymentProposal": return (.POST, "api/ledger/proposals/\(own ? ledger.declinableA : ledger.declinableB)/decline", #"{"note": "测试"}"#)
            case "proposeAutomaticPayments": return (.POST, "api/ledger/batches", "{}")
            case "approvePaymentBatch": return (.POST, "api/ledger/batches/\(ledger.batch)/approve", nil)
            case "listLedgerEntries": return (.GET, "api/ledger/entries", nil)
            case "correctLedgerEntry": return (.POST, "api/ledger/entries/\(ledger.entry)/correction", #"{"reason": "测试"}"#)
            case "recordClawback":
                return (.POST, "api/ledger/clawbacks", #"{"projectId": "\#(ledger.projectA)", "instrument": "7a", "amount": "1", "ground": "double_funding", "reason": "测试"}"#)
            case "recordRepayment":
                return (.POST, "api/ledger/repayments", #"{"clawbackId": "\#(ledger.clawback)", "amount": "1", "paidOn": "2025-12-31", "reference": "R"}"#)
            case "getLedgerSummary": return (.GET, "api/ledger/summary", nil)
            case "getDashboard": return (.GET, "api/dashboard", nil)
            case "listTargetReports": return (.GET, "api/target-reports", nil)
            case "createTargetReport":
                return (.POST, "api/target-reports", #"{"target": "T3", "measure": "digital-rd-tools-penetration", "quarter": "2025Q4", "district": "\#(own ? "pudong" : "minhang")", "value": "90", "evidence": "测试"}"#)
            case "listBudgetPools": return (.GET, "api/budget-pools", nil)
            // A new scope each time (a repeated one is 409: allowed all the same).
            case "createBudgetPool":
                return (.POST, "api/budget-pools", #"{"instrument": "13", "year": \#(Int.random(in: 2030...2100)), "budget": "10", "method": "pro_rata"}"#)
            case "getBudgetPool": return (.GET, "api/budget-pools/\(pool)", nil)
            case "reviseBudgetPool": return (.POST, "api/budget-pools/\(pool)/versions", #"{"budget": "1200", "method": "priority"}"#)
            case "getBudgetPoolRanking": return (.GET, "api/budget-pools/\(pool)/ranking", nil)
            case "listQuotas": return (.GET, "api/quotas?year=2026", nil)
            case "getMoneyReport": return (.GET, "api/reports/money?format=csv", nil)
            case "getReconciliationReport": return (.GET, "api/reports/reconciliation", nil)
            case "listListKinds": return (.GET, "api/list-kinds", nil)
            case "listListEditions": return (.GET, "api/list-editions?kind=iconic-equipment", nil)
            case "publishListEdition": return (.POST, "api/list-editions?kind=iconic-equipment&title=%E7%AC%AC%E4%BA%8C%E6%89%B9&format=csv", Self.listCSV)
            case "getListEdition": return (.GET, "api/list-editions/\(edition)", nil)
            case "exportListEdition": return (.GET, "api/list-editions/\(edition)/export?format=xlsx", nil)
            case "diffListEditions": return (.GET, "api/list-editions/\(edition)/diff?against=\(edition)", nil)
            case "searchListEntries": return (.GET, "api/list-entries?q=%E6%95%B0%E6%8E%A7", nil)
            case "listResources": return (.GET, "api/resources?kind=financial-product", nil)
            case "createResource": return (.POST, "api/resources", Self.resource)
            case "getResource": return (.GET, "api/resources/\(resource)", nil)
            case "updateResource": return (.PUT, "api/resources/\(resource)", Self.resource)
            case "getProjectResources": return (.GET, "api/projects/\(project)/resources", nil)
            case "listSmartFactoryAssessments": return (.GET, "api/projects/\(project)/smart-factory-assessments", nil)
            case "fileSmartFactoryAssessment": return (.POST, "api/projects/\(project)/smart-factory-assessments", PlanCheckAPITests.answers)
            case "listSecondHandGradings": return (.GET, "api/projects/\(project)/second-hand-gradings", nil)
            // The fixture's project lists no equipment: a grading is refused by field (422), past access.
            case "fileSecondHandGradings": return (.POST, "api/projects/\(project)/second-hand-gradings", #"{"items": [{"item": 1, "grade": "2"}]}"#)
            case "listScenarioTasks": return (.GET, "api/scenario-tasks?field=ai", nil)
            case "releaseScenarioTask": return (.POST, "api/scenario-tasks", Self.task)
            // Taken up already by A's enterprise: 409, allowed all the same.
            case "takeScenarioTask": return (.POST, "api/scenario-tasks/\(task)/takers", "{}")
            // The first designation is made, the next are 409: allowed.
            case "designateScenarioBenchmark": return (.POST, "api/scenario-tasks/\(task)/designations", #"{"creditCode": "\#(Self.codeA)"}"#)
            case "listCatalogueProducts": return (.GET, "api/catalogue/products?q=%E4%BA%A7%E5%93%81", nil)
            case "submitCatalogueProduct":
                return (.POST, "api/catalogue/products", #"{"creditCode": "\#(code)", "category": "equipment", "name": "新产品", "firstOnMarketDate": "2024-01-01", "claimedEspeciallyInnovative": false, "description": ""}"#)
            case "getCatalogueProduct": return (.GET, "api/catalogue/products/\(own ? catalogue.publishedA : catalogue.submittedB)", nil)
            case "reviewCatalogueProduct":
                return (.POST, "api/catalogue/products/\(catalogue.submittedB)/reviews", #"{"conclusion": "pass", "opinions": [{"expert": "甲", "verdict": "support"}, {"expert": "乙", "verdict": "support"}, {"expert": "丙", "verdict": "support"}]}"#)
            case "voteOnCatalogueProduct": return (.POST, "api/catalogue/products/\(catalogue.inCommitteeA)/votes", #"{"vote": "approve"}"#)
            case "recuseFromCatalogueProduct": return (.POST, "api/catalogue/products/\(catalogue.inCommitteeA)/recusals", #"{"reason": "测试"}"#)
            case "publishCatalogueProduct": return (.POST, "api/catalogue/products/\(catalogue.inCommitteeA)/publish", nil)
            case "renewCatalogueProduct": return (.POST, "api/catalogue/products/\(catalogue.publishedA)/renew", nil)
            case "expireCatalogueProduct": return (.POST, "api/catalogue/products/\(catalogue.publishedA)/expire", #"{"reason": "测试"}"#)
            case "listCatalogueCommittee": return (.GET, "api/catalogue/committee", nil)
            case "changeCatalogueCommittee": return (.POST, "api/catalogue/committee", #"{"username": "signin.target", "action": "appoint", "affiliations": []}"#)
            case "exportCatalogue": return (.GET, "api/catalogue/export?format=xlsx", nil)
            case "importCatalogue": return (.POST, "api/catalogue/imports", nil)
            case "getPlanProgress": return (.GET, "api/plan-progress?quarter=2025Q4", nil)
            case "listPlanProgressReports": return (.GET, "api/plan-progress/tasks/1.1/reports", nil)
            case "uploadPlanProgressEvidence": return (.POST, "api/plan-progress/evidence?task=1.1&fileName=a.pdf", "%PDF-1.7 test")
            case "downloadPlanProgressEvidence": return (.GET, "api/plan-progress/evidence/\(evidence)", nil)
            case "reportPlanProgress":
                return (.POST, "api/plan-progress/reports", #"{"task": "1.1", "quarter": "2025Q4", "status": "on_track", "text": "第一版清单已发布"}"#)
            default:
                Issue.record("no request for \(operationId)")
                return (.GET, "api/\(operationId)", nil)
            }
        }

        func send(_ operationId: String, own: Bool, as who: Who) async throws -> HTTPStatus {
            let (method, path, body) = try await request(operationId, own: own, as: who)
            var headers = caller(who).headers(app)
            var buffer: ByteBuffer?
            if operationId == "createImport" {
                let (jsonl, _) = try ImportExportAPITests.population(1)
                headers.replaceOrAdd(name: .contentType, value: "application/x-ndjson")
                buffer = ByteBuffer(string: jsonl)
            } else if operationId == "importCatalogue" {
                headers.replaceOrAdd(name: .contentType, value: "text/csv")
                buffer = ByteBuffer(string: "productId,name,publishedOn,validFrom,validUntil\nSH-R-\(UUID().uuidString.prefix(8)),导入产品,2024-01-01,2024-01-01,2026-12-31\n")
            } else if operationId == "uploadApplicationMaterial" || operationId == "publishListEdition" || operationId == "uploadPlanProgressEvidence", let body {
                headers.replaceOrAdd(name: .contentType, value: "application/octet-stream")
                buffer = ByteBuffer(string: body)
            } else if let body {
                headers.contentType = .json
                buffer = ByteBuffer(string: body)
            }
            var status: HTTPStatus = .ok
            try await app.testing().test(method, path, headers: headers, body: buffer) { res in
                status = res.status
                #expect(res.status.code < 500, "\(operationId) as \(who): \(res.status) \(res.body.string)")
            }
            return status
        }
    }

    /// What `who` must get for the operation's request aimed at A's (own) or B's records.
    static func expected(_ row: Row, _ who: Who, own: Bool, operationId: String) -> Expect {
        if who == .anonymous { return row.allowed.contains(.anonymous) ? .allowed : .unauthorized }
        guard row.allowed.contains(who) else {
            // revokeToken: allowed to every role, but there is no such token of theirs.
            return operationId == "revokeToken" || operationId == "markNoticeRead" ? .notFound : .forbidden
        }
        if let foreign = row.foreign, !own, row.foreignTo.contains(who) { return foreign }
        return .allowed
    }

    @Test(arguments: TestDatabase.all)
    func everyOperationAnswersEveryRoleAsTheTableSays(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let world = try await World.make(app)
            var mismatches: [String] = []
            for operationId in try Self.contractOperations().sorted() {
                guard let row = Self.table[operationId] else { continue }
                for who in Who.allCases {
                    for own in row.foreign == nil ? [true] : [true, false] {
                        let got = Expect(try await world.send(operationId, own: own, as: who))
                        let want = Self.expected(row, who, own: own, operationId: operationId)
                        if got != want { mismatches.append("\(operationId) as \(who)\(own ? "" : " (foreign)"): \(got), expected \(want)") }
                    }
                }
            }
            #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        }
    }

    @Test(arguments: TestDatabase.all)
    func listsShowOnlyWhatTheCallerMaySee(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let world = try await World.make(app)
            func codes(_ path: String, _ who: Who) async throws -> Set<String> {
                let r = try await app.call(.GET, path, as: world.caller(who))
                return Set((r.body["items"] as? [[String: Any]] ?? []).compactMap { $0["creditCode"] as? String })
            }
            #expect(try await codes("api/projects", .enterprise) == [World.codeA])
            #expect(try await codes("api/enterprises", .enterprise) == [World.codeA])
            #expect(try await codes("api/projects?district=minhang", .districtOfficer).isEmpty)
            #expect(try await codes("api/enterprises", .districtOfficer).allSatisfy { $0.hasPrefix("91310115") || $0 == World.codeA })
            #expect(try await codes("api/projects", .cityOfficer).isSuperset(of: [World.codeA, World.codeB]))
            // The export is filtered the same way.
            var csv = ""
            try await app.testing().test(.GET, "api/exports/projects?format=csv", headers: world.caller(.enterprise).headers(app)) { res in csv = res.body.string }
            #expect(csv.contains(World.codeA) && !csv.contains(World.codeB))
        }
    }
}
