import Fluent
import Foundation
import Policy
@testable import Registry
import SQLKit
import Testing
import Vapor

/// Each project's object kept with it (`project_json`, what re-evaluation reads in bulk) agrees
/// with the project's columns and child rows after every way a project is written — created and
/// replaced through the API, imported new and imported in replacement, with stated checks — and
/// a re-evaluation reads the same from it as from the child rows of a project stored before the
/// column was kept (SQLite and PostgreSQL).
@Suite struct StoredProjectJSONTests {
    static let code = "91310104MA1G123458"

    /// Every stored project's `project_json` against its rows; returns how many were checked.
    static func checkAgree(_ app: Application) async throws -> Int {
        let stored = try await ProjectModel.query(on: app.db).with(\.$categories)
            .with(\.$loans) { loan in loan.with(\.$interest) }
            .with(\.$leases).with(\.$equipment).with(\.$certifications).all()
        for m in stored {
            #expect(m.projectJSON == ProjectModel.storedJSON(m.domain()), "\(m.code): the stored object differs from the rows")
        }
        return stored.count
    }

    static let withChecks = #"""
    {"enterprise": {"creditCode": "\#(code)", "name": "测试企业", "district": "xuhui", "industryCode": "C3984"},
     "projects": [{"id": "DC-1", "name": "数据中心\"改造\"", "categories": ["technical-renovation", "equipment-renewal"],
      "applicationDate": "2025-07-01", "investment": {"declared": "36000000"},
      "equipment": [{"name": "液冷服务器机柜", "quantity": 40, "unitPrice": "350000", "purchased": "2025-03-01", "replacesOld": true}],
      "planChecks": {"dataCentre": {"kind": "renovated", "pue": "1.55"}}}]}
    """#.replacingOccurrences(of: "\n", with: "")

    @Test(arguments: TestDatabase.all)
    func theStoredObjectFollowsEveryWrite(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (jsonl, n) = try ImportExportAPITests.population(40)
            var (status, _, raw) = try await ImportExportAPITests.upload(app, "api/imports?format=jsonl&wait=true",
                                                                         body: Data((jsonl + Self.withChecks + "\n").utf8), contentType: "application/x-ndjson")
            #expect(status == .ok, "\(String(decoding: raw, as: UTF8.self))")
            #expect(try await Self.checkAgree(app) == n + 1)
            // The stated checks are kept by an import too (they decide 7a on re-evaluation).
            let dc = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "DC-1").first())
            #expect(dc.planChecks != nil && dc.projectJSON?.contains("planChecks") == true)

            // Imported again in replacement, with one project changed.
            let changed = Self.withChecks.replacingOccurrences(of: #""quantity": 40"#, with: #""quantity": 41"#)
            (status, _, raw) = try await ImportExportAPITests.upload(app, "api/imports?format=jsonl&wait=true&mode=replace",
                                                                     body: Data((changed + "\n").utf8), contentType: "application/x-ndjson")
            #expect(status == .ok, "\(String(decoding: raw, as: UTF8.self))")
            let replaced = try #require(try await ProjectModel.query(on: app.db).filter(\.$code == "DC-1").first())
            #expect(replaced.projectJSON?.contains(#""quantity":41"#) == true, "\(replaced.projectJSON ?? "nil")")

            // Replaced through the API.
            var r = try await app.call(.PUT, "api/projects/\(try replaced.requireID().uuidString)", json: #"""
            {"id": "DC-1", "name": "数据中心改造二期", "categories": ["technical-renovation"], "applicationDate": "2025-08-01",
             "investment": {"declared": "12000000"},
             "loans": [{"id": "L1", "lender": "某银行", "principal": "5000000", "startDate": "2025-01-01", "endDate": "2027-12-31",
                        "interestPaid": {"2025": "120000"}}]}
            """#)
            #expect(r.status == .ok, "\(r.raw)")
            #expect(try await Self.checkAgree(app) == n + 1)

            // Created through the API.
            r = try await app.call(.POST, "api/projects", json: #"""
            {"creditCode": "\#(Self.code)", "project": {"id": "NEW-1", "categories": ["equipment-renewal"], "applicationDate": "2025-07-01",
             "equipment": [{"name": "数控机床", "quantity": 2, "unitPrice": "800000", "purchased": "2025-03-01", "replacesOld": true}]}}
            """#)
            #expect(r.status == .created, "\(r.raw)")
            #expect(try await Self.checkAgree(app) == n + 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func projectsStoredWithoutTheObjectAreReadFromTheirRows(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (jsonl, n) = try ImportExportAPITests.population(90)
            let (status, _, _) = try await ImportExportAPITests.upload(app, "api/imports?format=jsonl&wait=true",
                                                                       body: Data((jsonl + Self.withChecks + "\n").utf8), contentType: "application/x-ndjson")
            #expect(status == .ok)
            var overlay = ParameterOverlay()
            overlay.changes = [("7a.cap", .always("1000000"))]
            func preview() async throws -> (ReevaluationReport, [String]) {
                var changes: [String] = []
                let report = try await Reevaluation(db: app.db, library: try app.policyLibrary.applying(overlay))
                    .run(batch: 17, dryRun: true, changed: { changes.append("\($0.projectCode) \($0.before) \($0.after) \($0.instrumentsAfter)") })
                return (report, changes)
            }
            let fromObjects = try await preview()
            #expect(fromObjects.0.examined == n + 1 && fromObjects.0.changed > 0)
            #expect(try await Reevaluation(db: app.db, library: app.policyLibrary).run(batch: 17, dryRun: true).changed == 0)

            // Every third project as if stored before the column was kept: chunks mix the two readings.
            let sql = try #require(app.db as? any SQLDatabase)
            let ids = try await ProjectModel.query(on: app.db).sort(\.$id).all(\.$id)
            for (k, id) in ids.enumerated() where k % 3 == 0 {
                try await sql.update(ProjectModel.schema).set("project_json", to: SQLLiteral.null).where("id", .equal, SQLBind(id)).run()
            }
            let mixed = try await preview()
            #expect(mixed.0 == fromObjects.0 && mixed.1 == fromObjects.1)
            #expect(try await Reevaluation(db: app.db, library: app.policyLibrary).run(batch: 17, dryRun: true).changed == 0)

            try await sql.update(ProjectModel.schema).set("project_json", to: SQLLiteral.null).run()
            let fromRows = try await preview()
            #expect(fromRows.0 == fromObjects.0 && fromRows.1 == fromObjects.1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aStoredObjectThatCannotBeReadIsNamed(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (jsonl, _) = try ImportExportAPITests.population(5)
            let (status, _, _) = try await ImportExportAPITests.upload(app, "api/imports?format=jsonl&wait=true",
                                                                       body: Data(jsonl.utf8), contentType: "application/x-ndjson")
            #expect(status == .ok)
            let id = try #require(try await ProjectModel.query(on: app.db).sort(\.$id).first()?.requireID())
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(ProjectModel.schema).set("project_json", to: SQLBind(#"{"id": "X", "investment": {"declared": -1}}"#))
                .where("id", .equal, SQLBind(id)).run()
            do {
                _ = try await Reevaluation(db: app.db, library: app.policyLibrary).run(dryRun: true)
                Issue.record("a project that cannot be read was passed over")
            } catch let error as RegistryError {
                #expect("\(error)".contains(id.uuidString.lowercased()), "\(error)")
            }
        }
    }
}
