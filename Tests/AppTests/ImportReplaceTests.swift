import Foundation
import Testing
import Vapor
import VaporTesting

/// Item 4 of issue 9, as a new user met it: projects created through the API, then a CSV with
/// the same project ids imported. By default every such row is refused, listed by row, and
/// nothing is stored; with mode=replace the projects are replaced, the report says per project
/// what changed and the recommended total before and after, and what each was stays readable.
@Suite struct ImportReplaceTests {
    static let credit = "91310115MA1K4ABCDD"

    /// The three projects of `Examples/enterprise-plan.json`, created through the API; their ids.
    static func createExample(_ app: Application) async throws -> [String: String] {
        try await app.call(.POST, "api/enterprises", json: try Fixtures.json(Fixtures.enterprise))
        var ids: [String: String] = [:]
        for p in try Fixtures.example("enterprise-plan.json")["projects"] as! [[String: Any]] {
            let r = try await app.call(.POST, "api/projects", json: try Fixtures.json(["creditCode": credit, "project": p]))
            #expect(r.status == .created, "\(r.raw)")
            ids[p["id"] as! String] = r.body["id"] as? String
        }
        return ids
    }

    /// The same project ids: P-2024-001 without its second loan, its lease and its imported
    /// measuring machine; P-2024-002 with another approved investment; P-2025-003 as it is.
    static let csv = """
        credit_code,enterprise_name,district,industry_code,project_id,project_name,national_code,categories,start_date,end_date,application_date,declared_investment,approved_investment,zero_land,innovative_contract_amount,innovative_contract_product,software_sales_amount,software_sales_product,item1_name,item1_quantity,item1_unit_price,item1_purchased,item1_put_into_use,item1_replaces_old,loan1_id,loan1_lender,loan1_principal,loan1_rate,loan1_start,loan1_end,loan1_interest_2024,loan1_interest_2025,loan1_interest_2026,loan1_interest_2027,loan1_relending
        91310115MA1K4ABCDD,上海浦江智能装备有限公司,pudong,C3484,P-2024-001,高端数控机床产线智能化技术改造,2024-310115-34-03-000123,technical-renovation;equipment-renewal;national-candidate-list,2024-03-01,2025-12-31,2024-09-15,86000000,,true,,,,,五轴联动加工中心,4,3800000,2024-05-10,2024-08-01,true,L1,上海银行浦东分行,40000000,0.032,2024-04-01,2029-03-31,960000,1280000,1280000,1280000,true
        91310115MA1K4ABCDD,上海浦江智能装备有限公司,pudong,C3484,P-2024-002,企业能源管理中心建设,,energy-management-centre,2024-07-01,2025-06-30,2024-10-08,12500000,9000000,false,,,,,,,,,,,,,,,,,,,,,
        91310115MA1K4ABCDD,上海浦江智能装备有限公司,pudong,C3484,P-2025-003,首台（套）激光增材制造装备推广应用,,first-set;key-software-purchase,,,2025-03-20,30000000,,false,28000000,SH-CX-2024-0456,1200000,SW-2024-011,,,,,,,,,,,,,,,,,

        """

    static func importCSV(_ app: Application, mode: String?) async throws -> [String: Any] {
        let query = "api/imports?format=csv&wait=true" + (mode.map { "&mode=\($0)" } ?? "")
        let (status, body, raw) = try await ImportExportAPITests.upload(app, query, body: Data(csv.utf8), contentType: "text/csv")
        #expect(status == .ok, "\(String(decoding: raw, as: UTF8.self))")
        return body
    }

    @Test(arguments: TestDatabase.all)
    func anImportOverExistingProjectsIsRefusedRowByRowThenReplacedWithAReport(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let ids = try await Self.createExample(app)
            let first = try #require(ids["P-2024-001"])
            #expect(try await app.call(.GET, "api/projects/\(first)").body["recommendedTotal"] as? String == "6530000.00")

            // Default: refused row by row, with the column, in both languages; nothing stored.
            var report = try await Self.importCSV(app, mode: nil)
            #expect(report["status"] as? String == "failed" && report["mode"] as? String == "create")
            #expect(report["failed"] as? Int == 3 && report["imported"] as? Int == 0)
            let errors = report["errors"] as? [[String: Any]] ?? []
            #expect(errors.map { $0["row"] as? Int } == [2, 3, 4], "\(errors)")
            #expect(errors.allSatisfy { $0["column"] as? String == "project_id" })
            let message = errors.first?["message"] as? [String: String]
            #expect(message?["zh"]?.contains("P-2024-001") == true && message?["zh"]?.contains("已在项目库中") == true)
            #expect(message?["en"]?.contains("already stored") == true && message?["en"]?.contains("mode=replace") == true)
            var project = try await app.call(.GET, "api/projects/\(first)").body
            #expect(project["recommendedTotal"] as? String == "6530000.00")
            #expect(((project["project"] as? [String: Any])?["loans"] as? [Any])?.count == 2)
            let none = try await app.call(.GET, "api/projects/\(first)/versions")
            #expect(none.status == .ok && (none.body["items"] as? [Any])?.isEmpty == true, "\(none.raw)")

            // Replace: two projects replaced, one left as it was; per project what changed and the totals.
            report = try await Self.importCSV(app, mode: "replace")
            #expect(report["status"] as? String == "completed" && report["mode"] as? String == "replace", "\(report)")
            #expect(report["imported"] as? Int == 3 && report["replaced"] as? Int == 2 && report["unchanged"] as? Int == 1, "\(report)")
            project = try await app.call(.GET, "api/projects/\(first)").body
            let after = try #require(project["recommendedTotal"] as? String)
            #expect(after != "6530000.00")
            #expect(((project["project"] as? [String: Any])?["loans"] as? [Any])?.count == 1)
            let changes = report["changes"] as? [[String: Any]] ?? []
            #expect(changes.map { $0["projectCode"] as? String } == ["P-2024-001", "P-2024-002"], "\(changes)")
            let change = try #require(changes.first)
            #expect(change["row"] as? Int == 2 && change["projectId"] as? String == first && change["version"] as? Int == 1)
            #expect(change["recommendedTotalBefore"] as? String == "6530000.00" && change["recommendedTotalAfter"] as? String == after)
            let fields = (change["fields"] as? [[String: Any]] ?? []).map { "\($0["kind"] as? String ?? "") \($0["path"] as? String ?? "")" }
            #expect(fields.contains("removed loans[L2]") && fields.contains("removed leases[F1]")
                    && fields.contains("removed equipment[进口高精度三坐标测量机]"), "\(fields)")
            let second = changes[1]["fields"] as? [[String: Any]] ?? []
            #expect(second.count == 1 && second.first?["path"] as? String == "investment.approved"
                    && second.first?["before"] as? String == "11800000.00" && second.first?["after"] as? String == "9000000.00", "\(second)")

            // The report reads the same later, a page at a time.
            let id = try #require(report["id"] as? String)
            let page2 = try await app.call(.GET, "api/imports/\(id)?perPage=1&page=2").body
            #expect(page2["replaced"] as? Int == 2 && (page2["changes"] as? [[String: Any]])?.map { $0["projectCode"] as? String } == ["P-2024-002"])

            // What the project was stays readable.
            let versions = try await app.call(.GET, "api/projects/\(first)/versions").body["items"] as? [[String: Any]] ?? []
            #expect(versions.count == 1 && versions.first?["replacedBy"] as? String == "import \(id)"
                    && versions.first?["recommendedTotal"] as? String == "6530000.00", "\(versions)")
            let v1 = try await app.call(.GET, "api/projects/\(first)/versions/1")
            #expect(v1.status == .ok, "\(v1.raw)")
            let old = (v1.body["project"] as? [String: Any]) ?? [:]
            #expect((old["loans"] as? [Any])?.count == 2 && (old["leases"] as? [Any])?.count == 1 && (old["equipment"] as? [Any])?.count == 2)
            #expect(try await app.call(.GET, "api/projects/\(first)/versions/2").status == .notFound)
            // The third project, unchanged, has no earlier version.
            let third = try #require(ids["P-2025-003"])
            #expect((try await app.call(.GET, "api/projects/\(third)/versions").body["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anEditKeepsTheEarlierVersion(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let ids = try await Self.createExample(app)
            let id = try #require(ids["P-2024-002"])
            var changed = (try Fixtures.example("enterprise-plan.json")["projects"] as! [[String: Any]])[1]
            changed["investment"] = ["declared": "12500000", "approved": "60000000"]
            var r = try await app.call(.PUT, "api/projects/\(id)", json: try Fixtures.json(changed))
            #expect(r.status == .ok && r.body["recommendedTotal"] as? String == "10000000.00")
            // The same body again changes nothing, and adds no version.
            r = try await app.call(.PUT, "api/projects/\(id)", json: try Fixtures.json(changed))
            #expect(r.status == .ok)
            var versions = try await app.call(.GET, "api/projects/\(id)/versions").body["items"] as? [[String: Any]] ?? []
            #expect(versions.count == 1 && versions.first?["replacedBy"] as? String == "test-admin" && versions.first?["version"] as? Int == 1, "\(versions)")
            let v1 = try await app.call(.GET, "api/projects/\(id)/versions/1").body
            #expect(((v1["project"] as? [String: Any])?["investment"] as? [String: String])?["approved"] == "11800000.00", "\(v1)")
            #expect((v1["summary"] as? [String: Any])?["recommendedTotal"] as? String != "10000000.00")

            // A deleted project keeps its versions, the last one its state when deleted.
            #expect(try await app.call(.DELETE, "api/projects/\(id)").status == .noContent)
            versions = try await app.call(.GET, "api/projects/\(id)/versions").body["items"] as? [[String: Any]] ?? []
            #expect(versions.map { $0["replacedBy"] as? String } == ["test-admin", "delete by test-admin"])
            #expect(try await app.call(.GET, "api/projects/\(UUID().uuidString)/versions").status == .notFound)
        }
    }
}
