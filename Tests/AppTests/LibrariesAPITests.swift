@testable import App
import Fluent
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting
import Workflow

/// The engine tied to the lists (issue 14, items 1–3 and 5), through the API on SQLite and
/// PostgreSQL: a product recognised as a first set is matched under 16 with the list entry and
/// edition cited, an unknown product told why; a project designated from a scenario task is
/// matched under 18 with the task cited; the stored recommendation (what lists and filters
/// read) agrees with `GET /api/projects/{id}/match`, on creation and after `renewal reevaluate`;
/// T6 is counted from the catalogue.
@Suite struct LibrariesAPITests {
    static let codeA = ListLibraryAPITests.codeA

    static func project(_ id: String, categories: [String], product: String? = nil) -> String {
        let contract = product.map { #", "innovativeProductContract": {"productId": "\#($0)", "amount": "10000000"}"# } ?? ""
        let list = categories.map { "\"\($0)\"" }.joined(separator: ", ")
        return #"{"creditCode": "\#(codeA)", "project": {"id": "\#(id)", "name": "测试项目 \#(id)", "categories": [\#(list)], "startDate": "2025-09-01", "applicationDate": "2025-09-10", "investment": {"declared": "20000000"}\#(contract)}}"#
    }

    static func create(_ app: Application, _ json: String) async throws -> String {
        let r = try await app.call(.POST, "api/projects", json: json)
        return try #require(r.body["id"] as? String, "\(r.raw)")
    }

    /// The project's line under an instrument and one of its conditions, from the match route.
    static func line(_ app: Application, _ id: String, _ instrument: String, _ condition: String) async throws -> (status: String?, condition: [String: Any]?) {
        let r = try await app.call(.GET, "api/projects/\(id)/match")
        #expect(r.status == .ok, "\(r.raw)")
        let line = (r.body["instruments"] as? [[String: Any]])?.first { $0["id"] as? String == instrument }
        let c = (line?["conditions"] as? [[String: Any]])?.first { $0["id"] as? String == condition }
        return (line?["status"] as? String, c)
    }

    /// What is stored for the project (what lists and filters read), and what the match route says.
    static func agrees(_ app: Application, _ id: String) async throws -> (stored: [String], matched: [String]) {
        let stored = try await app.call(.GET, "api/projects/\(id)")
        let match = try await app.call(.GET, "api/projects/\(id)/match")
        let lines = ((match.body["recommendation"] as? [String: Any])?["lines"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let storedTotal = stored.body["recommendedTotal"] as? String
        let matchTotal = (match.body["recommendation"] as? [String: Any])?["total"] as? String
        #expect(storedTotal == matchTotal, "stored \(storedTotal ?? "-") vs match \(matchTotal ?? "-")")
        return ((stored.body["recommendedInstruments"] as? [String] ?? []).sorted(), lines.sorted())
    }

    static func reevaluate(_ app: Application) async throws {
        _ = try await Reevaluation(db: app.db, library: app.policyLibrary, scenarios: app.workflowLibrary.scenarios).run()
    }

    @Test(arguments: TestDatabase.all)
    func recognitionsDecide16AndStoredRecommendationsAgree(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            #expect(try await app.call(.POST, "api/enterprises", json: RoleOperationTests.World.enterprise(Self.codeA, "pudong")).status == .created)
            // Before any recognition is published the declaration stands, stored and matched.
            let early = try await Self.create(app, Self.project("FS-EARLY", categories: ["first-set"], product: "S-8"))
            #expect(try await Self.line(app, early, "16", "three-firsts").status == "matched")
            var (stored, matched) = try await Self.agrees(app, early)
            #expect(stored.contains("16") && stored == matched)

            let city = try await TestAccounts.token(app, role: .cityOfficer)
            let (status, body) = try await ListLibraryAPITests.publish(app, kind: "first-sets", csv: """
                编号,名称,企业名称,统一社会信用代码,年度,型号
                S-1,大型复合材料自动铺丝装备,测试企业,\(Self.codeA),2025,AFP-1
                """, title: "2025年第一批", publishedOn: "2025-06-30", as: .bearer(city))
            #expect(status == .created, "\(body)")

            // Recognised: 16 with the entry and edition cited; stored the same on creation.
            let recognised = try await Self.create(app, Self.project("FS-1", categories: ["first-set"], product: "S-1"))
            let (s16, c16) = try await Self.line(app, recognised, "16", "three-firsts")
            #expect(s16 == "matched")
            let cited = c16?["listEntry"] as? [String: Any]
            #expect(cited?["key"] as? String == "S-1" && cited?["kind"] as? String == "first-sets" && cited?["edition"] as? Int == 1, "\(c16 ?? [:])")
            #expect(cited?["publishedOn"] as? String == "2025-06-30" && cited?["checkedOn"] as? String == "2025-09-01")
            (stored, matched) = try await Self.agrees(app, recognised)
            #expect(stored.contains("16") && stored == matched)

            // Unknown: told why, in both languages, and not stored as recommended.
            let unknown = try await Self.create(app, Self.project("FS-9", categories: ["first-set"], product: "S-9"))
            let (u16, uc) = try await Self.line(app, unknown, "16", "three-firsts")
            #expect(u16 == "not_matched")
            let detail = uc?["detail"] as? [String: Any]
            #expect(detail?["en"] as? String == "product S-9 is not recognised as a first set, first version or first batch")
            #expect((detail?["zh"] as? String)?.contains("未获首台（套）、首版次或首批次认定") == true)
            (stored, matched) = try await Self.agrees(app, unknown)
            #expect(!stored.contains("16") && stored == matched)

            // The project stored before the lists: stale until re-evaluated, then in agreement.
            #expect(try await Self.line(app, early, "16", "three-firsts").status == "not_matched")
            try await Self.reevaluate(app)
            (stored, matched) = try await Self.agrees(app, early)
            #expect(!stored.contains("16") && stored == matched)
            // The recognised project keeps 16 through the re-evaluation.
            (stored, _) = try await Self.agrees(app, recognised)
            #expect(stored.contains("16"))

            // The plan route of the enterprise says the same.
            let plan = try await app.call(.GET, "api/enterprises/\(Self.codeA)/plan")
            let projects = plan.body["projects"] as? [[String: Any]] ?? []
            #expect(projects.count == 3, "\(plan.raw.prefix(300))")
        }
    }

    /// An import stores what the match route says: the libraries decide the projects they
    /// concern (the full engine), the batch engine the rest.
    @Test(arguments: TestDatabase.all)
    func anImportStoresTheRecommendationTheLibrariesDecide(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            let city = try await TestAccounts.token(app, role: .cityOfficer)
            let (status, body) = try await ListLibraryAPITests.publish(app, kind: "first-sets", csv: """
                编号,名称,企业名称,统一社会信用代码,年度,型号
                S-1,大型复合材料自动铺丝装备,测试企业,\(Self.codeA),2025,AFP-1
                """, title: "2025年第一批", publishedOn: "2025-06-30", as: .bearer(city))
            #expect(status == .created, "\(body)")
            func line(_ id: String, _ product: String) -> String {
                #"{"enterprise": {"creditCode": "\#(Self.codeA)", "name": "测试企业", "district": "pudong", "industryCode": "C3484"}, "projects": [{"id": "\#(id)", "name": "导入 \#(id)", "categories": ["first-set"], "startDate": "2025-09-01", "applicationDate": "2025-09-10", "investment": {"declared": "20000000"}, "innovativeProductContract": {"productId": "\#(product)", "amount": "10000000"}}]}"#
            }
            let (imported, result, raw) = try await ImportExportAPITests.upload(app, "api/imports?format=jsonl&wait=true",
                                                                                body: Data((line("IMP-1", "S-1") + "\n" + line("IMP-9", "S-9") + "\n").utf8),
                                                                                contentType: "application/x-ndjson")
            #expect(imported == .ok && result["imported"] as? Int == 2, "\(String(decoding: raw, as: UTF8.self))")
            let listed = try await app.call(.GET, "api/projects?perPage=10")
            let ids = Dictionary(((listed.body["items"] as? [[String: Any]]) ?? []).compactMap { item -> (String, String)? in
                guard let code = item["projectId"] as? String, let id = item["id"] as? String else { return nil }
                return (code, id)
            }, uniquingKeysWith: { a, _ in a })
            var (stored, matched) = try await Self.agrees(app, try #require(ids["IMP-1"]))
            #expect(stored.contains("16") && stored == matched)
            (stored, matched) = try await Self.agrees(app, try #require(ids["IMP-9"]))
            #expect(!stored.contains("16") && stored == matched)
        }
    }

    @Test(arguments: TestDatabase.all)
    func designationsDecide18WithTheTaskCited(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            #expect(try await app.call(.POST, "api/enterprises", json: RoleOperationTests.World.enterprise(Self.codeA, "pudong")).status == .created)
            let designated = try await Self.create(app, Self.project("AI-1", categories: ["benchmark-demonstration", "scenario-ai"]))
            let other = try await Self.create(app, Self.project("AI-2", categories: ["benchmark-demonstration", "scenario-ai"]))
            let city = try await TestAccounts.token(app, role: .cityOfficer)
            let a = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: Self.codeA)
            var r = try await app.call(.POST, "api/scenario-tasks", json: #"{"batch": "2025-01", "field": "ai", "title": "工业大模型质检场景", "owner": "市经济信息化委"}"#, as: .bearer(city))
            let task = try #require(r.body["id"] as? String, "\(r.raw)")
            #expect(try await app.call(.POST, "api/scenario-tasks/\(task)/takers", json: "{}", as: .bearer(a)).status == .created)
            r = try await app.call(.POST, "api/scenario-tasks/\(task)/designations", json: #"{"creditCode": "\#(Self.codeA)", "projectId": "\#(designated)"}"#, as: .bearer(city))
            #expect(r.status == .created, "\(r.raw)")

            let (s18, c18) = try await Self.line(app, designated, "18", "benchmark-demonstration")
            #expect(s18 == "matched")
            let cited = c18?["scenarioTask"] as? [String: Any]
            #expect(cited?["taskId"] as? String == task && cited?["field"] as? String == "ai" && cited?["namesProject"] as? Bool == true, "\(c18 ?? [:])")
            #expect(try await Self.line(app, designated, "18", "field").condition?["held"] as? Bool == true)

            // The designation names AI-1: AI-2's declaration alone no longer makes 18 apply.
            let (o18, oc) = try await Self.line(app, other, "18", "benchmark-demonstration")
            #expect(o18 == "not_matched")
            #expect((oc?["detail"] as? [String: Any])?["en"] as? String == "the project is not designated a benchmark demonstration project of a scenario task")

            // Stored before the designation: re-evaluated, both agree with the route.
            try await Self.reevaluate(app)
            var (stored, matched) = try await Self.agrees(app, designated)
            #expect(stored.contains("18") && stored == matched)
            (stored, matched) = try await Self.agrees(app, other)
            #expect(!stored.contains("18") && stored == matched)
            // A project stored after it: consulted on creation.
            let later = try await Self.create(app, Self.project("AI-3", categories: ["benchmark-demonstration", "scenario-ai"]))
            (stored, matched) = try await Self.agrees(app, later)
            #expect(!stored.contains("18") && stored == matched)
        }
    }

    @Test(arguments: TestDatabase.all)
    func t6IsCountedFromTheCatalogue(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            #expect(try await app.call(.POST, "api/enterprises", json: RoleOperationTests.World.enterprise(Self.codeA, "pudong")).status == .created)
            let city = try await TestAccounts.token(app, role: .cityOfficer)
            var headers = Caller.bearer(city).headers(app)
            headers.replaceOrAdd(name: .contentType, value: "text/csv")
            let csv = """
                productId,name,enterpriseCode,category,edition,publishedOn,validFrom,validUntil,firstOnMarketDate,firstOnMarket,especiallyInnovative,markCode,endedOn
                CP-2025-000001,五轴加工中心,\(Self.codeA),equipment,1,2025-06-01,2025-06-01,2028-05-31,2025-01-01,true,false,SHCX-2025-000001,
                CP-2024-000002,巡检机器人,,equipment,1,2024-06-01,2024-06-01,2025-05-31,2024-01-01,true,false,SHCX-2024-000002,
                CP-2025-000003,工业软件,,software,1,2025-09-01,2025-09-01,2028-08-31,2025-03-01,true,false,SHCX-2025-000003,2025-12-01
                """
            try await app.testing().test(.POST, "api/catalogue/imports", headers: headers, body: ByteBuffer(string: csv)) { res in
                #expect(res.status == .ok || res.status == .created, "\(res.body.string)")
            }
            let r = try await app.call(.GET, "api/dashboard", as: .bearer(city))
            #expect(r.status == .ok, "\(r.raw)")
            let t6 = try #require(DashboardAPITests.measure(r.body, "T6", "innovative-product-catalogue"))
            #expect(t6["source"] as? String == "listed", "\(t6)")
            let series = (t6["series"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) { out, p in
                if let a = p["actual"] as? String { out[p["quarter"] as? String ?? ""] = a }
            }
            // 2024Q3: the robot; 2025Q2: the machining centre (the robot ended 2025-05-31);
            // 2025Q3: and the software; 2025Q4: the software ended 2025-12-01.
            #expect(series["2024Q3"] == "1" && series["2025Q2"] == "1" && series["2025Q3"] == "2" && series["2025Q4"] == "1" && series["2026Q1"] == "1", "\(series)")
            #expect(t6["actual"] as? String == "1")
            // A district's view: the products of its enterprises.
            let pudong = try await app.call(.GET, "api/dashboard?district=pudong", as: .bearer(city))
            #expect(DashboardAPITests.measure(pudong.body, "T6", "innovative-product-catalogue")?["actual"] as? String == "1")
            let minhang = try await app.call(.GET, "api/dashboard?district=minhang", as: .bearer(city))
            #expect(DashboardAPITests.measure(minhang.body, "T6", "innovative-product-catalogue")?["actual"] as? String == "0")
            // Not reported by hand any more.
            let report = try await app.call(.POST, "api/target-reports", json: #"{"target": "T6", "measure": "innovative-product-catalogue", "quarter": "2026Q1", "value": "9", "evidence": "通知"}"#, as: .bearer(city))
            #expect(report.status == .unprocessableEntity && CommitmentAPITests.paths(report.body) == ["$.measure"], "\(report.raw)")

            // The catalogue's search ignores case on both databases (item 5).
            let search = try await app.call(.GET, "api/catalogue/products?q=cp-2025", as: .bearer(city))
            #expect(search.body["total"] as? Int == 2, "\(search.raw)")

            // The scheduled sweep ends a listing whose window closed, as `renewal catalogue expire`.
            app.platformClock = PlatformClock(fixed: Day(iso: "2028-06-02")!)
            #expect(try await app.call(.GET, "api/catalogue/products/CP-2025-000001", as: .bearer(city)).body["status"] as? String == "published")
            let job = CatalogueExpiryJob()
            try await job.run(slot: job.period.slot(containing: Date()),
                              context: JobContext(now: Date(), serverID: "server-a", logger: app.logger, services: app.platformServices))
            #expect(try await app.call(.GET, "api/catalogue/products/CP-2025-000001", as: .bearer(city)).body["status"] as? String == "expired")
        }
    }
}
