@testable import App
import Fluent
import Foundation
import Policy
import Registry
import SQLKit
import Testing
import Vapor

/// What the budget tests plant: cases through the API, approvals and ledger rows in the database.
enum BudgetFixtures {
    static let codeA = "91310115MA1K4ABCDD"

    /// The example's first project with another code and, if given, another declared investment.
    static func project(code: String, declared: String? = nil) throws -> [String: Any] {
        var project = (try Fixtures.example("enterprise-plan.json")["projects"] as! [[String: Any]])[0]
        project["id"] = code
        if let declared { project["investment"] = ["declared": declared] }
        return project
    }

    /// A case under review of `project` (every material in, accepted, sent to the departments).
    static func caseUnderReview(_ app: Application, project: [String: Any], enterprise: String, officer: String) async throws -> String {
        var r = try await app.call(.POST, "api/projects", json: try Fixtures.json(["creditCode": codeA, "project": project]))
        let projectID = try #require(r.body["id"] as? String, "\(r.raw)")
        r = try await app.call(.POST, "api/applications", json: #"{"projectId": "\#(projectID)"}"#, as: .bearer(enterprise))
        let id = try #require(r.body["id"] as? String, "\(r.raw)")
        for item in r.body["checklist"] as? [[String: Any]] ?? [] {
            let (status, body) = try await ApplicationAPITests.upload(app, id, item: item["item"] as! String,
                                                                     content: ApplicationAPITests.content(for: item), as: enterprise)
            #expect(status == .created, "\(body)")
        }
        r = try await app.call(.POST, "api/applications/\(id)/submit", as: .bearer(enterprise))
        #expect(r.status == .ok, "\(r.raw)")
        r = try await app.call(.POST, "api/applications/\(id)/intake", json: #"{"action": "accept"}"#, as: .bearer(officer))
        r = try await app.call(.POST, "api/applications/\(id)/review", as: .bearer(officer))
        #expect(r.body["state"] as? String == "under_review", "\(r.raw)")
        return id
    }

    /// Approved decisions planted directly (the quota and the committed amounts count them):
    /// `count` cases of `projectID`, each granted `granted` under `instrument` on `day`.
    static func plantApprovals(_ app: Application, projectID: UUID, count: Int, instrument: String, granted: Money,
                               categories: [String], district: String, on day: String) async throws {
        for n in 0..<count {
            let a = ApplicationModel()
            a.$project.id = projectID
            a.creditCode = codeA
            a.district = district
            a.state = "approved"
            a.instruments = ",\(instrument),"
            a.chosen = true
            a.projectJSON = try Fixtures.json(["id": "PLANTED-\(n)", "categories": categories])
            a.requestedJSON = #"{"\#(instrument)":"\#(granted.decimalString)"}"#
            a.requestedFen = granted.fen
            a.zeroLand = true
            a.greenChannel = false
            a.revision = 1
            a.createdBy = "planted"
            a.submittedOn = day
            try await a.create(on: app.db)
            let d = ApplicationDecisionModel()
            d.$application.id = try a.requireID()
            d.outcome = "approved"
            d.decidedOn = day
            d.decidedBy = "planted"
            d.approvedInvestmentFen = 0
            d.grantsJSON = #"[{"instrument":"\#(instrument)","granted":"\#(granted.decimalString)"}]"#
            d.grantedFen = granted.fen
            d.libraryVersion = "planted"
            d.valuesJSON = "{}"
            d.evaluationJSON = "{}"
            try await d.create(on: app.db)
        }
    }

    /// A ledger row as the ledger writes it (`ledger_entries`), inserted with SQL.
    struct Entry {
        var project: UUID
        var application: UUID?
        var district = "pudong"
        var instrument = "7a"
        var contract: String?
        var institution: String?
        var year: Int?
        var kind = "interest"
        var amountFen: Int64
        var owedFen: Int64 = 0
        var recordedOn = "2026-06-30"
    }

    static func plant(_ app: Application, _ e: Entry) async throws {
        let sql = app.db as! any SQLDatabase
        try await sql.raw("""
            INSERT INTO ledger_entries (id, project_id, enterprise_code, district, application_id, instrument, contract_id, institution, year,
                kind, amount_fen, owed_fen, origin, reason, computation_json, recorded_on, recorded_by, created_at)
            VALUES (\(bind: UUID()), \(bind: e.project), \(bind: codeA), \(bind: e.district), \(bind: e.application), \(bind: e.instrument),
                \(bind: e.contract), \(bind: e.institution), \(bind: e.year), \(bind: e.kind), \(bind: e.amountFen), \(bind: e.owedFen),
                'application', 'planted by the test', '{}', \(bind: e.recordedOn), 'test', \(bind: Date()))
            """).run()
    }

    static func plantInterestConfirmation(_ app: Application, project: UUID, loan: String, institution: String, year: Int, fen: Int64) async throws {
        let sql = app.db as! any SQLDatabase
        try await sql.raw("""
            INSERT INTO interest_confirmations (id, project_id, loan_id, institution, year, interest_fen, paid_on, reference, confirmed_by, created_at)
            VALUES (\(bind: UUID()), \(bind: project), \(bind: loan), \(bind: institution), \(bind: year), \(bind: fen), '2026-12-20', 'REF', 'bank', \(bind: Date()))
            """).run()
    }

    static func plantLeaseConfirmation(_ app: Application, project: UUID, lease: String, institution: String, fen: Int64) async throws {
        let sql = app.db as! any SQLDatabase
        try await sql.raw("""
            INSERT INTO lease_confirmations (id, project_id, lease_id, institution, equipment_investment_fen, reference, confirmed_on, confirmed_by, created_at)
            VALUES (\(bind: UUID()), \(bind: project), \(bind: lease), \(bind: institution), \(bind: fen), 'REF', '2026-05-01', 'lessor', \(bind: Date()))
            """).run()
    }
}
