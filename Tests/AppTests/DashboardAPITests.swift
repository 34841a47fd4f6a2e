@testable import App
import Fluent
import Foundation
import Policy
import Registry
import Testing
import Vapor
import Workflow

/// `GET /api/dashboard` and the target reports through the API, on SQLite and PostgreSQL: a
/// counted measure equal to the stored projects' figures, a reported one green/amber/red at the
/// thresholds against an exact milestone, the filters, who may report.
@Suite struct DashboardAPITests {
    static func measure(_ body: [String: Any], _ target: String, _ measure: String) -> [String: Any]? {
        let t = (body["targets"] as? [[String: Any]])?.first { $0["id"] as? String == target }
        return (t?["measures"] as? [[String: Any]])?.first { $0["id"] as? String == measure }
    }

    static func array(_ raw: String) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [[String: Any]] ?? []
    }

    @Test(arguments: TestDatabase.all)
    func theDashboardCountsReportsAndJudges(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            try await TargetDashboardStoreTests.plantProjects(app)
            let city = try await TestAccounts.token(app, role: .cityOfficer)
            let pudong = try await TestAccounts.token(app, role: .districtOfficer, district: "浦东新区")

            // T12: the declared investment of the supported projects, as stored.
            let projects = try await ProjectModel.query(on: app.db).all()
                .filter { $0.recommendedInstruments != "," && $0.applicationDate != nil }
            let declared = Decimal(projects.reduce(Int64(0)) { $0 + ($1.declaredFen ?? 0) }) / 100
            var r = try await app.call(.GET, "api/dashboard", as: .bearer(city))
            #expect(r.status == .ok, "\(r.raw)")
            #expect(r.body["quarter"] as? String == "2026Q1")
            let t12 = try #require(Self.measure(r.body, "T12", "equipment-investment-cumulative"))
            #expect(t12["source"] as? String == "counted")
            #expect((t12["actual"] as? String).flatMap(TargetNumber.decimal) == declared)
            // 400,000,000,000 from 0 at 2024Q2: 2026Q1 is 7 of 14 steps.
            #expect(t12["milestone"] as? String == "200000000000")
            #expect((t12["series"] as? [[String: Any]])?.count == 15)
            let t1 = try #require((r.body["targets"] as? [[String: Any]])?.first)
            #expect((t1["responsibleUnits"] as? [[String: Any]])?.first?["zh"] as? String == "市经济信息化委")

            // T19 national testing platforms: reported; 2026Q1's milestone is 2 × 7 / 14 = 1. (T11's
            // pilot bases, reported before, come from the list library now: ListLibraryAPITests.)
            func report(_ value: String, district: String? = nil, as token: String) async throws -> (HTTPStatus, [String: Any]) {
                var body: [String: Any] = ["target": "T19", "measure": "national-testing-platforms", "quarter": "2026Q1", "value": value, "evidence": "工业和信息化部认定通知"]
                if let district { body["district"] = district }
                let r = try await app.call(.POST, "api/target-reports", json: try Fixtures.json(body), as: .bearer(token))
                return (r.status, r.body)
            }
            for (value, status) in [("1", "green"), ("0.8", "amber"), ("0.79", "red"), ("1.2", "green")] {
                let (code, body) = try await report(value, as: city)
                #expect(code == .created, "\(body)")
                r = try await app.call(.GET, "api/dashboard", as: .bearer(city))
                let m = try #require(Self.measure(r.body, "T19", "national-testing-platforms"))
                #expect(m["source"] as? String == "reported")
                #expect(m["milestone"] as? String == "1")
                #expect(m["actual"] as? String == value)
                #expect(m["status"] as? String == status, "\(value)")
            }
            r = try await app.call(.GET, "api/target-reports?measure=national-testing-platforms", as: .bearer(city))
            #expect(Self.array(r.raw).compactMap { $0["value"] as? String } == ["1.2", "0.79", "0.8", "1"])
            #expect(Self.array(r.raw).first?["version"] as? Int == 4)

            // A district officer: its own district, not another, nor the city.
            #expect(try await report("2", district: "pudong", as: pudong).0 == .created)
            #expect(try await report("2", district: "minhang", as: pudong).0 == .forbidden)
            #expect(try await report("2", as: pudong).0 == .forbidden)
            // Refused by path.
            let (code, body) = try await report("-1", district: "pudong", as: pudong)
            #expect(code == .unprocessableEntity)
            #expect((body["issues"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["$.value"])

            // A district's view: its figures, no milestone or status; the unit filter.
            r = try await app.call(.GET, "api/dashboard?district=pudong", as: .bearer(city))
            let inPudong = try #require(Self.measure(r.body, "T19", "national-testing-platforms"))
            #expect(inPudong["actual"] as? String == "2" && inPudong["status"] == nil && inPudong["milestone"] == nil)
            #expect(try await app.call(.GET, "api/dashboard?district=atlantis", as: .bearer(city)).status == .badRequest)
            r = try await app.call(.GET, "api/dashboard?unit=%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%AE%A1%E5%B1%80", as: .bearer(city))
            let ids = (r.body["targets"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(ids.contains("T20") && ids.contains("T21") && !ids.contains("T12"), "\(ids)")
        }
    }
}
