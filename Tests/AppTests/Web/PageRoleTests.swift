@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting
import Workflow

/// Every page × every role (and nobody): who may open it. The table is written here on its own,
/// not read from `PageRules`: a page whose rule changes, or a page without a row in either
/// table, fails.
@Suite struct PageRoleTests {
    enum Expect: Equatable { case open, signInFirst, refused }
    struct Row: Sendable { var id: String; var method: HTTPMethod; var path: String; var anonymous: Expect; var roles: Set<Role> }

    static let everyRole = Set(Role.allCases)
    static let table: [Row] = [
        Row(id: "calculator", method: .GET, path: "/calculator", anonymous: .open, roles: everyRole),
        Row(id: "calculatorResult", method: .POST, path: "/calculator", anonymous: .open, roles: everyRole),
        Row(id: "calculatorUpload", method: .POST, path: "/calculator/upload", anonymous: .open, roles: everyRole),
        Row(id: "policyLibrary", method: .GET, path: "/policy", anonymous: .open, roles: everyRole),
        Row(id: "policyParameters", method: .GET, path: "/policy/parameters", anonymous: .open, roles: everyRole),
        Row(id: "policyParameterEdit", method: .GET, path: "/policy/parameters/7a.ratio/edit", anonymous: .signInFirst, roles: [.cityOfficer, .administrator]),
        Row(id: "policyParameterPreview", method: .POST, path: "/policy/parameters/7a.ratio/preview", anonymous: .signInFirst, roles: [.cityOfficer, .administrator]),
        Row(id: "policyParameterSave", method: .POST, path: "/policy/parameters/7a.ratio/save", anonymous: .signInFirst, roles: [.cityOfficer, .administrator]),
        Row(id: "openDataSupported", method: .GET, path: "/open-data/supported-projects.csv", anonymous: .open, roles: everyRole),
        Row(id: "enterpriseHome", method: .GET, path: "/enterprise", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "enterpriseRecord", method: .GET, path: "/enterprise/record", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "enterpriseRecordSave", method: .POST, path: "/enterprise/record", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "enterpriseProjectNew", method: .GET, path: "/enterprise/projects/new", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "enterpriseProjectCreate", method: .POST, path: "/enterprise/projects", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "enterpriseProjectEdit", method: .GET, path: "/enterprise/projects/00000000-0000-0000-0000-000000000000", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "enterpriseProjectSave", method: .POST, path: "/enterprise/projects/00000000-0000-0000-0000-000000000000", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "enterpriseApplications", method: .GET, path: "/enterprise/applications", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "enterpriseApply", method: .POST, path: "/enterprise/applications", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "enterpriseApplication", method: .GET, path: "/enterprise/applications/00000000-0000-0000-0000-000000000000", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "enterpriseUpload", method: .POST, path: "/enterprise/applications/00000000-0000-0000-0000-000000000000/materials", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "enterpriseSubmit", method: .POST, path: "/enterprise/applications/00000000-0000-0000-0000-000000000000/submit", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "caseQueue", method: .GET, path: "/cases", anonymous: .signInFirst, roles: [.districtOfficer, .cityOfficer, .department, .administrator]),
        Row(id: "caseReview", method: .GET, path: "/cases/00000000-0000-0000-0000-000000000000", anonymous: .signInFirst, roles: [.districtOfficer, .cityOfficer, .department, .administrator]),
        Row(id: "caseIntake", method: .POST, path: "/cases/00000000-0000-0000-0000-000000000000/intake", anonymous: .signInFirst, roles: [.districtOfficer, .cityOfficer]),
        Row(id: "caseStartReview", method: .POST, path: "/cases/00000000-0000-0000-0000-000000000000/review", anonymous: .signInFirst, roles: [.districtOfficer, .cityOfficer]),
        Row(id: "caseOpinion", method: .POST, path: "/cases/00000000-0000-0000-0000-000000000000/opinion", anonymous: .signInFirst, roles: [.department]),
        Row(id: "caseDecision", method: .POST, path: "/cases/00000000-0000-0000-0000-000000000000/decision", anonymous: .signInFirst, roles: [.cityOfficer]),
        Row(id: "dashboard", method: .GET, path: "/dashboard", anonymous: .signInFirst, roles: [.districtOfficer, .cityOfficer, .administrator]),
        Row(id: "dashboardReport", method: .POST, path: "/dashboard/reports", anonymous: .signInFirst, roles: [.districtOfficer, .cityOfficer]),
        Row(id: "ledger", method: .GET, path: "/ledger", anonymous: .signInFirst, roles: [.districtOfficer, .cityOfficer, .administrator]),
        Row(id: "ledgerApprove", method: .POST, path: "/ledger/proposals/00000000-0000-0000-0000-000000000000/approve", anonymous: .signInFirst, roles: [.cityOfficer]),
        Row(id: "ledgerApproveBatch", method: .POST, path: "/ledger/batches/00000000-0000-0000-0000-000000000000/approve", anonymous: .signInFirst, roles: [.cityOfficer]),
        Row(id: "rollingLists", method: .GET, path: "/lists", anonymous: .signInFirst, roles: [.cityOfficer, .administrator]),
        Row(id: "rollingList", method: .GET, path: "/lists/00000000-0000-0000-0000-000000000000", anonymous: .signInFirst, roles: [.cityOfficer, .administrator]),
        Row(id: "rollingListPublish", method: .POST, path: "/lists/00000000-0000-0000-0000-000000000000/publish", anonymous: .signInFirst, roles: [.cityOfficer, .administrator]),
        Row(id: "catalogue", method: .GET, path: "/catalogue", anonymous: .open, roles: everyRole),
        Row(id: "catalogueProduct", method: .GET, path: "/catalogue/CP-2024-000001", anonymous: .open, roles: everyRole),
        Row(id: "catalogueNew", method: .GET, path: "/catalogue/new", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "catalogueSubmit", method: .POST, path: "/catalogue", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "catalogueReview", method: .POST, path: "/catalogue/CP-2024-000001/review", anonymous: .signInFirst, roles: [.districtOfficer, .cityOfficer, .department]),
        Row(id: "catalogueVote", method: .POST, path: "/catalogue/CP-2024-000001/vote", anonymous: .signInFirst, roles: [.cityOfficer, .department]),
        Row(id: "catalogueRecuse", method: .POST, path: "/catalogue/CP-2024-000001/recuse", anonymous: .signInFirst, roles: [.cityOfficer, .department]),
        Row(id: "cataloguePublish", method: .POST, path: "/catalogue/CP-2024-000001/publish", anonymous: .signInFirst, roles: [.cityOfficer]),
        Row(id: "catalogueRenew", method: .POST, path: "/catalogue/CP-2024-000001/renew", anonymous: .signInFirst, roles: [.cityOfficer]),
        Row(id: "catalogueExpire", method: .POST, path: "/catalogue/CP-2024-000001/expire", anonymous: .signInFirst, roles: [.cityOfficer]),
        Row(id: "listLibrary", method: .GET, path: "/list-library", anonymous: .signInFirst, roles: everyRole),
        Row(id: "listLibraryKind", method: .GET, path: "/list-library/kinds/iconic-equipment", anonymous: .signInFirst, roles: everyRole),
        Row(id: "listLibraryEdition", method: .GET, path: "/list-library/editions/00000000-0000-0000-0000-000000000000", anonymous: .signInFirst, roles: everyRole),
        Row(id: "listLibraryPublish", method: .POST, path: "/list-library/kinds/iconic-equipment/editions", anonymous: .signInFirst, roles: [.cityOfficer, .administrator]),
        Row(id: "resources", method: .GET, path: "/resources", anonymous: .signInFirst, roles: everyRole),
        Row(id: "resource", method: .GET, path: "/resources/00000000-0000-0000-0000-000000000000", anonymous: .signInFirst, roles: everyRole),
        Row(id: "resourceSave", method: .POST, path: "/resources/00000000-0000-0000-0000-000000000000", anonymous: .signInFirst, roles: [.cityOfficer, .administrator, .bank]),
        Row(id: "scenarioTasks", method: .GET, path: "/scenario-tasks", anonymous: .signInFirst, roles: everyRole),
        Row(id: "scenarioTake", method: .POST, path: "/scenario-tasks/00000000-0000-0000-0000-000000000000/take", anonymous: .signInFirst, roles: [.enterprise]),
        Row(id: "scenarioDesignate", method: .POST, path: "/scenario-tasks/00000000-0000-0000-0000-000000000000/designate", anonymous: .signInFirst, roles: [.cityOfficer]),
        Row(id: "planProgress", method: .GET, path: "/progress", anonymous: .signInFirst, roles: [.districtOfficer, .cityOfficer, .department, .administrator]),
        Row(id: "planProgressReport", method: .POST, path: "/progress/reports", anonymous: .signInFirst, roles: [.cityOfficer, .department]),
        Row(id: "signIn", method: .GET, path: "/login", anonymous: .open, roles: everyRole),
        Row(id: "signInSubmit", method: .POST, path: "/signin", anonymous: .open, roles: everyRole),
        Row(id: "signOut", method: .POST, path: "/signout", anonymous: .signInFirst, roles: everyRole),
        Row(id: "language", method: .GET, path: "/lang/en", anonymous: .open, roles: everyRole),
        Row(id: "stylesheet", method: .GET, path: "/static/renewal.css", anonymous: .open, roles: everyRole),
        Row(id: "icon", method: .GET, path: "/favicon.ico", anonymous: .open, roles: everyRole),
    ]

    @Test func everyPageHasARowInBothTables() {
        #expect(Set(Self.table.map(\.id)) == Set(PageRules.rules.keys))
    }

    @Test func theTablesAgreeOnWhoMayOpenEachPage() {
        for row in Self.table {
            let rule = PageRules.rules[row.id]
            switch rule {
            case .anyone?, .signIn?: #expect(row.anonymous == .open, "\(row.id)")
            case .roles(let roles)?: #expect(row.anonymous == .signInFirst && roles == row.roles, "\(row.id)")
            case nil: Issue.record("\(row.id) has no rule")
            }
        }
    }

    /// What a page answers a refused or admitted visitor: a page that needs an account sends
    /// nobody to the sign-in (303 to /login); a role not listed is 403; otherwise not 401/403.
    @Test(arguments: TestDatabase.all)
    func eachPageAnswersEachRoleAsTheTableSays(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var visitors: [(String, Role?)] = [("nobody", nil)]
            for role in Role.allCases {
                let name = "page-\(role.rawValue.replacingOccurrences(of: "_", with: "-"))"
                _ = try await TestAccounts.token(app, role: role, enterpriseCode: role == .enterprise ? "91310115MA1K4ABCDD" : nil,
                                                 district: role == .districtOfficer ? "pudong" : nil, username: name)
                visitors.append((name, role))
            }
            for (name, role) in visitors {
                // Signed in once (the sign-in's rate limit counts every attempt); signing out last.
                var signedIn = WebClient(app)
                try await signedIn.get("/login")
                if role != nil {
                    let signed = try await signedIn.post("/signin", [("username", name), ("password", TestAccounts.password)])
                    #expect(signed.status == .seeOther, "\(name) signs in")
                    try await signedIn.get("/login")
                }
                for row in Self.table.filter({ $0.id != "signOut" }) + Self.table.filter({ $0.id == "signOut" }) {
                    var web = signedIn
                    let page = row.method == .GET ? try await web.get(row.path) : try await web.post(row.path, [])
                    let expected: Expect = role.map { row.roles.contains($0) ? .open : .refused } ?? row.anonymous
                    switch expected {
                    case .open:
                        // The sign-in's own refusal of an empty form is its answer, not an access refusal.
                        let unauthorizedIsTheAnswer = row.id == "signInSubmit"
                        #expect(page.status != .forbidden && (unauthorizedIsTheAnswer || page.status != .unauthorized)
                                && page.headers.first(name: .location) != "/login", "\(row.id) as \(name): \(page.status)")
                    case .signInFirst:
                        #expect(page.status == .seeOther && page.headers.first(name: .location) == "/login", "\(row.id) as \(name)")
                    case .refused:
                        #expect(page.status == .forbidden, "\(row.id) as \(name)")
                    }
                }
            }
        }
    }
}
