@testable import App
import Fluent
import Foundation
import Policy
import Registry
import SQLKit
import Testing
import Vapor
import Workflow

/// Budget pools through the API (issue 11, item 4): created and revised by the city officer,
/// every version kept and audited; the ranking of the requests with the reason for each place;
/// what a district officer sees; the money against the planted ledger; the room the ledger asks.
@Suite struct BudgetAPITests {
    struct People { let city: String, district: String, enterprise: String }

    static func people(_ app: Application) async throws -> People {
        let r = try await app.call(.POST, "api/enterprises", json: RoleOperationTests.World.enterprise(BudgetFixtures.codeA, "pudong"))
        #expect(r.status == .created, "\(r.raw)")
        return People(city: try await TestAccounts.token(app, role: .cityOfficer),
                      district: try await TestAccounts.token(app, role: .districtOfficer, district: "浦东新区"),
                      enterprise: try await TestAccounts.token(app, role: .enterprise, enterpriseCode: BudgetFixtures.codeA))
    }

    static func places(_ body: [String: Any]) -> [[String: Any]] { body["places"] as? [[String: Any]] ?? [] }
    static func fen(_ text: Any?) -> Int64 { Money(yuanText: (text as? String ?? "").replacingOccurrences(of: "-", with: ""))!.fen * ((text as? String ?? "").hasPrefix("-") ? -1 : 1) }

    @Test(arguments: TestDatabase.all)
    func poolsAreVersionedAndRankTheirRequestsWithReasons(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            let p = try await Self.people(app)
            // Two cases at or above 20,000,000 of investment, one below; all three ask for 7a.
            var cases: [String] = []
            for (n, declared) in [("P-B1", nil), ("P-B2", nil), ("P-B3", "12000000")] {
                cases.append(try await BudgetFixtures.caseUnderReview(app, project: try BudgetFixtures.project(code: n, declared: declared),
                                                                       enterprise: p.enterprise, officer: p.district))
            }

            // Only the city officer sets a pool; a second pool of the same scope is refused.
            let body = #"{"instrument": "7a", "year": 2026, "budget": "1000", "method": "priority", "note": "市财政局2026年预算"}"#
            #expect(try await app.call(.POST, "api/budget-pools", json: body, as: .bearer(p.district)).status == .forbidden)
            var r = try await app.call(.POST, "api/budget-pools", json: body, as: .bearer(p.city))
            #expect(r.status == .created, "\(r.raw)")
            let pool = try #require(r.body["id"] as? String)
            #expect(r.body["version"] as? Int == 1)
            #expect(r.body["budget"] as? String == "1000.00")
            #expect(r.body["room"] as? String == "1000.00")
            #expect(try await app.call(.POST, "api/budget-pools", json: body, as: .bearer(p.city)).status == .conflict)
            r = try await app.call(.POST, "api/budget-pools", json: #"{"instrument": "99z", "year": 2026, "district": "atlantis", "budget": "1", "method": "priority"}"#, as: .bearer(p.city))
            #expect(r.status == .unprocessableEntity)
            #expect(r.raw.contains("$.instrument") && r.raw.contains("$.district"), "\(r.raw)")
            r = try await app.call(.POST, "api/budget-pools", json: #"{"instrument": "7a", "year": 1999, "budget": "1", "method": "priority"}"#, as: .bearer(p.city))
            #expect(r.status == .unprocessableEntity && r.raw.contains("$.year"), "\(r.raw)")
            #expect(try await app.call(.GET, "api/budget-pools?year=99999", as: .bearer(p.city)).status == .badRequest)

            // Priority: the two at or above the threshold first (same day: by id), then the one below.
            r = try await app.call(.GET, "api/budget-pools/\(pool)/ranking", as: .bearer(p.district))
            #expect(r.status == .ok, "\(r.raw)")
            var places = Self.places(r.body)
            #expect(Set(places.compactMap { $0["applicationId"] as? String }) == Set(cases))
            #expect(places.map { $0["reason"] as? String } == ["priority_above_threshold", "priority_above_threshold", "priority_below_threshold"])
            #expect(places.last?["applicationId"] as? String == cases[2])
            #expect(places.map { Self.fen($0["allotted"]) }.reduce(0, +) == 100_000)
            #expect(r.body["rationed"] as? Bool == true)
            #expect((places.first?["explanation"] as? [String: Any])?["zh"] as? String != nil)
            let requested = places.map { Self.fen($0["requested"]) }
            #expect(Self.fen(places[0]["allotted"]) == min(requested[0], 100_000))

            // Revised to pro rata with one more fen: a new version; the first is kept.
            r = try await app.call(.POST, "api/budget-pools/\(pool)/versions", json: #"{"budget": "1000.01", "method": "pro_rata"}"#, as: .bearer(p.city))
            #expect(r.status == .created, "\(r.raw)")
            #expect(r.body["version"] as? Int == 2)
            #expect((r.body["versions"] as? [[String: Any]])?.map { $0["budget"] as? String } == ["1000.00", "1000.01"])
            r = try await app.call(.GET, "api/budget-pools/\(pool)/ranking", as: .bearer(p.city))
            places = Self.places(r.body)
            let total = places.map { Self.fen($0["requested"]) }.reduce(0, +)
            #expect(places.allSatisfy { $0["reason"] as? String == "pro_rata" })
            #expect(places.map { Self.fen($0["allotted"]) }.reduce(0, +) == 100_001)
            for place in places {
                // ⌊requested × pool ÷ total⌋, plus the remainder fen where the place says so.
                let floor = Self.fen(place["requested"]) * 100_001 / total
                #expect(Self.fen(place["share"]) == floor)
                #expect(Self.fen(place["allotted"]) == floor + (place["remainderFen"] as? Bool == true ? 1 : 0))
            }
            let audit = try await AuditEntryModel.query(on: app.db).filter(\.$subjectID == pool).sort(\.$seq).all().map(\.action)
            #expect(audit == ["budget.pool.create", "budget.pool.revise"])
            let sql = app.db as! any SQLDatabase
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE budget_pool_versions SET budget_fen = 1").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM budget_pool_versions").run() }

            // A district's own pool is the district's: Pudong's officer does not see Minhang's.
            r = try await app.call(.POST, "api/budget-pools", json: #"{"instrument": "7a", "year": 2026, "district": "闵行区", "budget": "500", "method": "priority"}"#, as: .bearer(p.city))
            let minhang = try #require(r.body["id"] as? String, "\(r.raw)")
            #expect(r.body["district"] as? String == "minhang")
            #expect(try await app.call(.GET, "api/budget-pools/\(minhang)", as: .bearer(p.district)).status == .notFound)
            r = try await app.call(.GET, "api/budget-pools?year=2026", as: .bearer(p.district))
            #expect(r.raw.contains(pool) && !r.raw.contains(minhang))
            #expect(try await app.call(.GET, "api/budget-pools/\(UUID())", as: .bearer(p.city)).status == .notFound)

            // The ledger's payments and clawbacks are the pool's paid; the room is what is left,
            // as the ledger reads it in its payment's transaction.
            let project = try await ApplicationModel.find(UUID(uuidString: cases[0]), on: app.db)!.$project.id
            try await BudgetFixtures.plant(app, .init(project: project, application: UUID(uuidString: cases[0]), contract: "L1", institution: "上海测试银行", year: 2026, amountFen: 30_000))
            try await BudgetFixtures.plant(app, .init(project: project, application: UUID(uuidString: cases[0]), contract: "L1", institution: "上海测试银行", year: 2026, kind: "clawback", amountFen: -5_000, owedFen: 5_000))
            try await BudgetFixtures.plant(app, .init(project: project, district: "minhang", year: 2026, amountFen: 7_000))
            try await BudgetFixtures.plant(app, .init(project: project, year: 2025, amountFen: 9_900))
            r = try await app.call(.GET, "api/budget-pools/\(pool)", as: .bearer(p.city))
            #expect(r.body["paid"] as? String == "250.00", "\(r.raw)")
            #expect(r.body["room"] as? String == "750.01")
            r = try await app.call(.GET, "api/budget-pools/\(minhang)", as: .bearer(p.city))
            #expect(r.body["paid"] as? String == "70.00")
            let room = try await app.db.transaction { db in try await BudgetStore.poolRoom(instrument: "7a", year: 2026, district: "pudong", on: db) }
            #expect(room == Money(fen: 75_001))
            #expect(try await BudgetStore.poolRoom(instrument: "7a", year: 2026, district: "minhang", on: app.db) == Money(fen: 43_000))
            #expect(try await BudgetStore.poolRoom(instrument: "7b", year: 2026, district: "pudong", on: app.db) == nil)
        }
    }

    /// Payments written as the ledger will write them — the room read and the row inserted in one
    /// transaction — at once from many tasks: the pool is never overspent (PostgreSQL: the
    /// advisory lock; SQLite: one writer at a time).
    @Test(arguments: TestDatabase.all)
    func concurrentPaymentsNeverPassThePoolsRoom(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            _ = try await Self.people(app)
            let city = try await TestAccounts.token(app, role: .cityOfficer)
            let r = try await app.call(.POST, "api/budget-pools", json: #"{"instrument": "13", "year": 2026, "budget": "500", "method": "priority"}"#, as: .bearer(city))
            #expect(r.status == .created, "\(r.raw)")
            let projectID = UUID(uuidString: try await ApplicationAPITests.storeProject(app, creditCode: BudgetFixtures.codeA))!
            let single = app.db
            let paid = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<24 {
                    group.addTask {
                        // PostgreSQL: a database on the next event loop each, so connections of
                        // their own race as two servers would. SQLite has one writer: its connection.
                        let db = database == .postgres ? app.databases.database(logger: app.logger, on: app.eventLoopGroup.next())! : single
                        return try await db.transaction { tx in
                            guard let room = try await BudgetStore.poolRoom(instrument: "13", year: 2026, district: "pudong", on: tx),
                                  room >= Money(yuan: 60) else { return false }
                            // Widens the window between the read and the write, where a missing
                            // lock would let another payment read the same room.
                            try await Task.sleep(for: .milliseconds(20))
                            let sql = tx as! any SQLDatabase
                            try await sql.raw("""
                                INSERT INTO ledger_entries (id, project_id, enterprise_code, district, instrument, year, kind, amount_fen, owed_fen,
                                    origin, reason, computation_json, recorded_on, recorded_by, created_at)
                                VALUES (\(bind: UUID()), \(bind: projectID), \(bind: BudgetFixtures.codeA), 'pudong', '13', 2026, 'grant', 6000, 0,
                                    'application', 'concurrent test', '{}', '2026-05-01', 'test', \(bind: Date()))
                                """).run()
                            return true
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(paid == 8)
            #expect(try await BudgetStore.poolRoom(instrument: "13", year: 2026, district: "pudong", on: app.db) == Money(yuan: 20))
        }
    }
}
