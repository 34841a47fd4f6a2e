@testable import App
import Fluent
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting
import Workflow

/// The list library through the API, on SQLite and PostgreSQL: an edition published from CSV,
/// a bad file refused whole with every bad cell by row and column (nothing written), an XLSX
/// export published back unchanged, the diff of two editions, the search by kind, text,
/// enterprise, district, year and edition, the audit trail, the editions append-only; and the
/// dashboard's measures counted from the published editions.
@Suite struct ListLibraryAPITests {
    static func publish(_ app: Application, kind: String, csv: String? = nil, xlsx: Data? = nil, title: String = "第一批",
                        publishedOn: String? = nil, as caller: Caller = .administrator) async throws -> (HTTPStatus, [String: Any]) {
        var path = "api/list-editions?kind=\(kind)&title=\(title.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&format=\(xlsx == nil ? "csv" : "xlsx")"
        if let publishedOn { path += "&publishedOn=\(publishedOn)" }
        var status: HTTPStatus = .ok
        var raw = Data()
        try await app.testing().test(.POST, path, headers: caller.headers(app), beforeRequest: { req in
            req.headers.replaceOrAdd(name: .contentType, value: "application/octet-stream")
            req.body = ByteBuffer(data: xlsx ?? Data((csv ?? "").utf8))
        }, afterResponse: { res in
            status = res.status
            raw = Data(buffer: res.body)
        })
        return (status, (try? JSONSerialization.jsonObject(with: raw)) as? [String: Any] ?? [:])
    }

    static let codeA = "91310115MA1K4ABCDD"

    static let first = """
        编号,名称,企业名称,统一社会信用代码,区,年度,型号
        R-1,超分辨荧光显微镜,上海浦江仪器有限公司,\(codeA),浦东新区,2025,SR-100
        R-2,高通量质谱仪,上海闵行分析仪器有限公司,,minhang,2025,MS-9
        R-3,冷冻电镜样品制备系统,上海张江科学仪器有限公司,,Pudong New Area,2024,
        """

    static func editionID(_ body: [String: Any]) -> String { (body["edition"] as? [String: Any])?["id"] as? String ?? "" }

    @Test(arguments: TestDatabase.all)
    func editionsArePublishedWholeSearchedExportedAndCompared(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            let city = try await TestAccounts.token(app, role: .cityOfficer)
            var (status, body) = try await Self.publish(app, kind: "research-instruments", csv: Self.first, publishedOn: "2025-06-30", as: .bearer(city))
            #expect(status == .created, "\(body)")
            let one = Self.editionID(body)
            let edition = try #require(body["edition"] as? [String: Any])
            #expect(edition["number"] as? Int == 1 && edition["entryCount"] as? Int == 3 && edition["publishedOn"] as? String == "2025-06-30")
            let entries = try #require(body["entries"] as? [[String: Any]])
            #expect(entries.map { $0["district"] as? String } == ["pudong", "minhang", "pudong"])
            #expect((entries[0]["fields"] as? [String: Any])?["model"] as? String == "SR-100")

            // Every bad cell at once, by row and column; nothing written.
            let bad = """
                编号,名称,企业名称,统一社会信用代码,区,年度,颜色
                R-9,,某企业,91310115MA1K4ABCDE,火星区,1999,红
                R-9,重复编号的仪器,,,,,
                """
            (status, body) = try await Self.publish(app, kind: "research-instruments", csv: bad, as: .bearer(city))
            #expect(status == .unprocessableEntity)
            let paths = Set((body["issues"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
            #expect(paths.contains("row 1, column G (颜色)"), "\(paths)")
            let fixedHeader = bad.replacingOccurrences(of: ",颜色", with: "").replacingOccurrences(of: ",红", with: "")
            (status, body) = try await Self.publish(app, kind: "research-instruments", csv: fixedHeader, as: .bearer(city))
            #expect(status == .unprocessableEntity)
            let rows = (body["issues"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            #expect(Set(rows) == ["row 2, column B (名称)", "row 2, column D (统一社会信用代码)", "row 2, column E (区)", "row 2, column F (年度)",
                                  "row 3, column A (编号)", "row 3, column C (企业名称)"], "\(rows)")
            let message = (body["issues"] as? [[String: Any]])?.first?["message"] as? [String: Any]
            #expect(message?["zh"] is String && message?["en"] is String)
            #expect(try await ListEditionModel.query(on: app.db).count() == 1)
            #expect(try await ListEditionEntryModel.query(on: app.db).count() == 3)
            // A publication day after today is refused; so is one before the last edition's.
            (status, _) = try await Self.publish(app, kind: "research-instruments", csv: Self.first, publishedOn: "2026-03-03", as: .bearer(city))
            #expect(status == .unprocessableEntity)
            (status, _) = try await Self.publish(app, kind: "research-instruments", csv: Self.first, publishedOn: "2025-06-29", as: .bearer(city))
            #expect(status == .unprocessableEntity)

            // Exported as XLSX, published back: the same entries.
            let (code, xlsx, type) = try await ImportExportAPITests.download(app, "api/list-editions/\(one)/export?format=xlsx")
            #expect(code == .ok && type?.contains("spreadsheetml") == true)
            (status, body) = try await Self.publish(app, kind: "research-instruments", xlsx: xlsx, title: "第二批", publishedOn: "2025-12-31", as: .bearer(city))
            #expect(status == .created, "\(body)")
            let two = Self.editionID(body)
            var r = try await app.call(.GET, "api/list-editions/\(two)/diff?against=\(one)")
            #expect(r.status == .ok, "\(r.raw)")
            #expect(r.body["unchanged"] as? Int == 3 && (r.body["added"] as? [Any])?.isEmpty == true && (r.body["changed"] as? [Any])?.isEmpty == true)

            // A third: R-3 removed, R-4 added, R-2's model changed.
            let third = """
                编号,名称,企业名称,统一社会信用代码,区,年度,型号
                R-1,超分辨荧光显微镜,上海浦江仪器有限公司,\(Self.codeA),浦东新区,2025,SR-100
                R-2,高通量质谱仪,上海闵行分析仪器有限公司,,minhang,2025,MS-10
                R-4,原子力显微镜,上海浦江仪器有限公司,\(Self.codeA),pudong,2026,AFM-1
                """
            (status, body) = try await Self.publish(app, kind: "research-instruments", csv: third, title: "2026年第一批", publishedOn: "2026-02-01", as: .bearer(city))
            #expect(status == .created, "\(body)")
            let three = Self.editionID(body)
            r = try await app.call(.GET, "api/list-editions/\(three)/diff?against=\(two)")
            #expect((r.body["added"] as? [[String: Any]])?.map { $0["key"] as? String } == ["R-4"])
            #expect((r.body["removed"] as? [[String: Any]])?.map { $0["key"] as? String } == ["R-3"])
            let changed = try #require((r.body["changed"] as? [[String: Any]])?.first)
            #expect(changed["key"] as? String == "R-2" && changed["columns"] as? [String] == ["model"])
            #expect(r.body["unchanged"] as? Int == 1)
            // Editions of two kinds are not compared.
            (status, body) = try await Self.publish(app, kind: "medical-devices", csv: "编号,名称,企业名称\nM-1,手术机器人,上海医疗器械有限公司\n", as: .bearer(city))
            #expect(status == .created, "\(body)")
            r = try await app.call(.GET, "api/list-editions/\(Self.editionID(body))/diff?against=\(one)")
            #expect(r.status == .conflict)

            // The search: the latest edition of each kind, unless an edition is named.
            func keys(_ query: String) async throws -> [String] {
                let r = try await app.call(.GET, "api/list-entries?\(query)", as: .bearer(city))
                #expect(r.status == .ok, "\(r.raw)")
                return (r.body["items"] as? [[String: Any]] ?? []).compactMap { ($0["entry"] as? [String: Any])?["key"] as? String }
            }
            #expect(try await keys("kind=research-instruments") == ["R-1", "R-2", "R-4"])
            #expect(try await keys("").count == 4)
            #expect(try await keys("q=%E6%98%BE%E5%BE%AE%E9%95%9C") == ["R-1", "R-4"])          // 显微镜
            #expect(try await keys("q=afm") == ["R-4"])                                           // a field, any case
            #expect(try await keys("enterprise=\(Self.codeA)") == ["R-1", "R-4"])
            #expect(try await keys("enterprise=%E9%97%B5%E8%A1%8C") == ["R-2"])                  // 闵行
            #expect(try await keys("district=%E6%B5%A6%E4%B8%9C%E6%96%B0%E5%8C%BA&year=2026") == ["R-4"])
            #expect(try await keys("kind=research-instruments&edition=1") == ["R-1", "R-2", "R-3"])
            #expect(try await app.call(.GET, "api/list-entries?edition=1").status == .unprocessableEntity)
            #expect(try await app.call(.GET, "api/list-entries?kind=nope").status == .notFound)
            #expect(try await app.call(.GET, "api/list-entries?kind=research-instruments&edition=9").status == .notFound)

            // Every publication in the audit trail; editions and entries refuse change in the database.
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "list.publish").count() == 4)
            let stored = try #require(try await ListEditionModel.query(on: app.db).first())
            stored.title = "改写"
            await #expect(throws: (any Error).self) { try await stored.save(on: app.db) }
            await #expect(throws: (any Error).self) { try await ListEditionEntryModel.query(on: app.db).delete() }

            // The kinds say their latest edition; an enterprise reads the lists, but cannot publish.
            let enterprise = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: Self.codeA)
            r = try await app.call(.GET, "api/list-kinds", as: .bearer(enterprise))
            let kinds = (try? JSONSerialization.jsonObject(with: Data(r.raw.utf8))) as? [[String: Any]] ?? []
            let research = try #require(kinds.first { $0["id"] as? String == "research-instruments" })
            #expect((research["latest"] as? [String: Any])?["number"] as? Int == 3)
            #expect((research["counts"] as? [[String: Any]])?.first?["target"] as? String == "T9")
            (status, _) = try await Self.publish(app, kind: "research-instruments", csv: Self.first, as: .bearer(enterprise))
            #expect(status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDashboardCountsThePublishedEditions(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            let city = try await TestAccounts.token(app, role: .cityOfficer)
            var (status, body) = try await Self.publish(app, kind: "benchmark-smart-factories", csv: """
                编号,名称,企业名称,区,年度
                F-1,智能工厂一,企业一,pudong,2025
                F-2,智能工厂二,企业二,minhang,2025
                """, publishedOn: "2025-06-30", as: .bearer(city))
            #expect(status == .created, "\(body)")
            (status, body) = try await Self.publish(app, kind: "benchmark-smart-factories", csv: """
                编号,名称,企业名称,区,年度
                F-1,智能工厂一,企业一,pudong,2025
                F-2,智能工厂二,企业二,minhang,2025
                F-3,智能工厂三,企业三,pudong,2026
                F-4,智能工厂四,企业四,xuhui,2026
                F-5,智能工厂五,企业五,pudong,2026
                """, title: "第二批", publishedOn: "2026-01-15", as: .bearer(city))
            #expect(status == .created, "\(body)")
            // First sets: counted within each year (T18 is due yearly).
            (status, body) = try await Self.publish(app, kind: "first-sets", csv: """
                编号,名称,企业名称,年度
                S-1,首台套一,企业一,2025
                S-2,首台套二,企业二,2025
                S-3,首台套三,企业三,2026
                """, publishedOn: "2026-02-01", as: .bearer(city))
            #expect(status == .created, "\(body)")

            var r = try await app.call(.GET, "api/dashboard", as: .bearer(city))
            #expect(r.status == .ok, "\(r.raw)")
            let t14 = try #require(DashboardAPITests.measure(r.body, "T14", "benchmark-smart-factories"))
            #expect(t14["source"] as? String == "listed")
            #expect(t14["actual"] as? String == "5" && t14["actualQuarter"] as? String == "2026Q1")
            let series = (t14["series"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) { out, p in
                if let a = p["actual"] as? String { out[p["quarter"] as? String ?? ""] = a }
            }
            #expect(series["2025Q1"] == nil && series["2025Q2"] == "2" && series["2025Q4"] == "2" && series["2026Q1"] == "5", "\(series)")
            let t18 = try #require(DashboardAPITests.measure(r.body, "T18", "first-sets-yearly"))
            #expect(t18["source"] as? String == "listed" && t18["actual"] as? String == "1", "\(t18)")
            // Not published yet: T9's supply list has no figure.
            #expect(DashboardAPITests.measure(r.body, "T9", "research-instrument-supply-list")?["actual"] == nil)

            r = try await app.call(.GET, "api/dashboard?district=pudong", as: .bearer(city))
            #expect(DashboardAPITests.measure(r.body, "T14", "benchmark-smart-factories")?["actual"] as? String == "3")

            // A measure the lists feed is not reported.
            r = try await app.call(.POST, "api/target-reports", json: #"{"target": "T14", "measure": "benchmark-smart-factories", "quarter": "2026Q1", "value": "9", "evidence": "通知"}"#,
                                   as: .bearer(city))
            #expect(r.status == .unprocessableEntity)
            #expect(((r.body["issues"] as? [[String: Any]])?.first?["path"] as? String) == "$.measure")
        }
    }
}
