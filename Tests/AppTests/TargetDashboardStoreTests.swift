@testable import App
import Fluent
import Foundation
import Policy
import Registry
import SQLKit
import Testing
import Vapor
import Workflow

/// The dashboard's figures from the registry: the counted measures by SQL aggregate, equal to
/// the stored projects' own figures; the entered reports, append-only, the latest of a quarter
/// standing, each in the audit trail; a report's status at the thresholds. SQLite and PostgreSQL.
@Suite struct TargetDashboardStoreTests {
    static let codes = [("91310115MA1K4ABCDD", "pudong"), (CreditCode.withCheckCharacter("91310113MA1GB0B0B")!, "baoshan")]

    /// Projects of two enterprises in two districts, applied in three quarters.
    static func plantProjects(_ app: Application) async throws {
        for (code, district) in codes {
            let r = try await app.call(.POST, "api/enterprises", json: RoleOperationTests.World.enterprise(code, district))
            #expect(r.status == .created, "\(r.raw)")
        }
        let plan = [(0, "P-D1", "2024-09-15", "86000000"), (0, "P-D2", "2025-02-01", "30000000"),
                    (1, "P-D3", "2025-03-31", "45000000.50"), (1, "P-D4", "2025-11-20", "25000000")]
        for (e, id, date, declared) in plan {
            var project = (try Fixtures.example("enterprise-plan.json")["projects"] as! [[String: Any]])[0]
            project["id"] = id
            project["applicationDate"] = date
            project["investment"] = ["declared": declared]
            let r = try await app.call(.POST, "api/projects", json: try Fixtures.json(["creditCode": codes[e].0, "project": project]))
            #expect(r.status == .created || r.status == .ok, "\(r.raw)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func countedMeasuresEqualTheStoredProjectsFigures(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await Self.plantProjects(app)
            let library = app.platformServices.library
            let actuals = TargetActuals(db: app.db)
            // The stored projects, loaded here (the aggregates never do) to add up independently.
            let projects = try await ProjectModel.query(on: app.db).with(\.$equipment).with(\.$categories).all()
            #expect(projects.count == 4)
            let supported = projects.filter { $0.recommendedInstruments != "," && $0.applicationDate != nil }
            #expect(!supported.isEmpty)
            var checked = 0
            for target in library.targets {
                for measure in target.measures {
                    guard let count = measure.counted else { continue }
                    let cells = try await actuals.cells(count)
                    for district in ["pudong", "baoshan"] {
                        let mine = supported.filter { $0.district == district }
                        let expected: Decimal
                        switch count.figure {
                        case .sum(.declaredInvestment):
                            expected = Decimal(mine.reduce(Int64(0)) { $0 + ($1.declaredFen ?? 0) }) / 100
                        case .sum(.renewalEquipment):
                            expected = Decimal(mine.flatMap(\.equipment).filter(\.replacesOld).reduce(Int64(0)) { $0 + Int64($1.quantity) * $1.unitPriceFen }) / 100
                        case .projects(let instrument, let category):
                            expected = Decimal(projects.filter { p in
                                p.district == district && p.recommendedInstruments.contains(",\(instrument),")
                                    && (category.map { c in p.categories.contains { $0.category == c } } ?? true)
                            }.count)
                        }
                        let got = cells.filter { $0.district == district }.reduce(Decimal(0)) { $0 + $1.value }
                        #expect(got == expected, "\(measure.id) in \(district)")
                        checked += 1
                    }
                }
            }
            // T1, T11's certifications and T12, in two districts (T18 is counted from the list library's recognitions now).
            #expect(checked >= 6)
            // By quarter: the declared investment of supported projects applied in 2025Q1 in Pudong.
            let t12 = try #require(library.targets.first { $0.id == "T12" }?.measures.first?.counted)
            let cells = try await actuals.cells(t12)
            let q1 = cells.filter { $0.quarter == Quarter(text: "2025Q1")! }
            #expect(Set(q1.map(\.district)).isSubset(of: ["pudong", "baoshan"]))
            if supported.contains(where: { $0.code == "P-D3" }) {
                #expect(q1.first { $0.district == "baoshan" }?.value == Decimal(string: "45000000.5"))
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func reportsAreAppendedTheLatestStandsAndTheStatusFollowsTheThresholds(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let library = app.platformServices.library
            // No list feeds a measure here (`listed: []`), so pilot-bases is reported by hand.
            let store = TargetReportStore(db: app.db, library: library, listed: [])
            let who = AuditActor(userID: nil, name: "city-officer", address: nil)
            let today = Day(iso: "2026-04-10")!
            func report(_ value: String, district: String? = nil, quarter: String = "2026Q1") -> TargetReportStore.NewReport {
                .init(target: "T11", measure: "pilot-bases", quarter: quarter, district: district, value: value, evidence: "市经济信息化委认定文件")
            }
            _ = try await store.append(report("6"), today: today, by: who)
            _ = try await store.append(report("4.8"), today: today, by: who)
            let last = try await store.append(report("4.79"), today: today, by: who)
            _ = try await store.append(report("1", district: "pudong"), today: today, by: who)
            #expect(last.version == 3)
            let standing = try await store.standing()
            #expect(standing.map { "\($0.scope):\($0.value)" } == ["city:4.79", "pudong:1"])
            #expect(try await store.reports(measure: "pilot-bases", district: .some(nil)).map(\.value) == ["4.79", "4.8", "6"])
            let audit = try await AuditEntryModel.query(on: app.db).filter(\.$action == "target.report").count()
            #expect(audit == 4)

            // 12 pilot bases from 0 at the plan's issue (2024Q2): 2026Q1 is 7 of 14 steps, 6.
            let measure = try #require(library.targets.first { $0.id == "T11" }?.measures.first { $0.id == "pilot-bases" })
            let line = TargetMilestones(measure: measure, baseline: (0, Quarter(day: library.plan.issued)), from: Quarter(day: library.plan.issued))
            let milestone = try #require(line.milestone(at: Quarter(text: "2026Q1")!))
            #expect(milestone == 6)
            let statuses = try await store.reports(measure: "pilot-bases", district: .some(nil)).map {
                TargetStatus.of(actual: TargetNumber.decimal($0.value)!, milestone: milestone, kind: measure.kind, rule: library.dashboard.status)
            }
            #expect(statuses == [.red, .amber, .green])

            // Refused by path: a future quarter, an unknown measure and district, a bad value, no evidence.
            let bad = TargetReportStore.NewReport(target: "T11", measure: "nope", quarter: "2026Q3", district: "atlantis", value: "1e5", evidence: " ")
            #expect(Set(store.problems(bad, today: today).map(\.path)) == ["$.measure", "$.quarter", "$.district", "$.value", "$.evidence"])
            await #expect(throws: RegistryError.self) { _ = try await store.append(bad, today: today, by: who) }
            let counted = TargetReportStore.NewReport(target: "T12", measure: "equipment-investment-cumulative", quarter: "2026Q1",
                                                      district: nil, value: "1", evidence: "统计")
            #expect(store.problems(counted, today: today).map(\.path) == ["$.measure"])

            // Append-only in the database itself.
            let sql = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE target_reports SET value = '99'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM target_reports").run() }
        }
    }
}
