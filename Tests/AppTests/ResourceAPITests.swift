@testable import App
import Fluent
import Foundation
import Policy
import Registry
import Testing
import Vapor
import Workflow

/// The resource library through the API, on SQLite and PostgreSQL: pilot bases, financial
/// products and providers written (a bank its own institution's products only), each version
/// kept and audited, searched; and the resources that fit a stored project, with their reasons.
@Suite struct ResourceAPITests {
    static let pilotBase = #"{"kind": "pilot-base", "name": "上海先进高分子材料中试基地", "district": "金山区", "industries": ["C26", "C29"], "field": "先进高分子材料", "venues": "中试车间 3000 平方米", "equipment": "双螺杆挤出中试线 2 条", "capacity": "每年 20 个中试项目", "enterprisesServed": 35, "resultsConverted": 8}"#
    static let metalBase = #"{"kind": "pilot-base", "name": "上海高端金属材料中试基地", "district": "baoshan", "industries": ["C31", "C32"], "field": "高端金属材料"}"#
    static let loan = #"{"kind": "financial-product", "name": "设备更新专项贷款", "institution": "上海测试银行", "productType": "renewal-loan", "annualRatePercent": "2.95", "termMonths": 60, "maxAmount": "50000000", "conditions": "列入设备更新项目清单"}"#
    static let lease = #"{"kind": "financial-product", "name": "设备融资租赁", "institution": "上海测试银行", "productType": "finance-lease", "termMonths": 36}"#
    static let otherBanks = #"{"kind": "financial-product", "name": "技改贷", "institution": "上海另一银行", "productType": "technical-renovation-loan", "annualRatePercent": "3.2"}"#
    static let provider = #"{"kind": "service-provider", "name": "智能工厂诊断服务中心", "services": "智能工厂评估诊断", "industries": ["C34"]}"#

    @Test(arguments: TestDatabase.all)
    func resourcesAreKeptSearchedAndOfferedWhereTheyFit(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let city = try await TestAccounts.token(app, role: .cityOfficer)
            let bank = try await TestAccounts.token(app, role: .bank)
            var r = try await app.call(.POST, "api/resources", json: Self.pilotBase, as: .bearer(city))
            #expect(r.status == .created, "\(r.raw)")
            let base = try #require(r.body["id"] as? String)
            #expect((r.body["resource"] as? [String: Any])?["district"] as? String == "jinshan")
            r = try await app.call(.POST, "api/resources", json: Self.metalBase, as: .bearer(city))
            #expect(r.status == .created)
            r = try await app.call(.POST, "api/resources", json: Self.loan, as: .bearer(bank))
            #expect(r.status == .created, "\(r.raw)")
            let loan = try #require(r.body["id"] as? String)
            #expect((r.body["productTypeName"] as? [String: Any])?["zh"] as? String == "设备更新贷款")
            r = try await app.call(.POST, "api/resources", json: Self.lease, as: .bearer(bank))
            #expect(r.status == .created)
            // A bank keeps its own institution's products only.
            r = try await app.call(.POST, "api/resources", json: Self.otherBanks, as: .bearer(bank))
            #expect(r.status == .unprocessableEntity)
            r = try await app.call(.POST, "api/resources", json: Self.otherBanks, as: .bearer(city))
            #expect(r.status == .created)
            let other = try #require(r.body["id"] as? String)
            r = try await app.call(.PUT, "api/resources/\(other)", json: Self.otherBanks, as: .bearer(bank))
            #expect(r.status == .notFound)
            r = try await app.call(.POST, "api/resources", json: Self.provider, as: .bearer(city))
            #expect(r.status == .created)
            // Refused by field, in both languages.
            r = try await app.call(.POST, "api/resources", json: #"{"kind": "financial-product", "name": "x", "annualRatePercent": "3.12345", "termMonths": 0, "industries": ["9Z"]}"#, as: .bearer(city))
            #expect(r.status == .unprocessableEntity)
            let paths = Set((r.body["issues"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
            #expect(paths == ["$.institution", "$.productType", "$.annualRatePercent", "$.termMonths", "$.industries[0]"], "\(paths)")
            r = try await app.call(.POST, "api/resources", json: #"{"kind": "pilot-base", "name": "x", "termMonths": 12}"#, as: .bearer(city))
            #expect(r.status == .unprocessableEntity)

            // Edited: the next version, the earlier kept, both in the audit trail.
            r = try await app.call(.PUT, "api/resources/\(loan)", json: Self.loan.replacingOccurrences(of: "2.95", with: "2.85"), as: .bearer(bank))
            #expect(r.status == .ok, "\(r.raw)")
            #expect(r.body["version"] as? Int == 2 && (r.body["resource"] as? [String: Any])?["annualRatePercent"] as? String == "2.85")
            r = try await app.call(.PUT, "api/resources/\(loan)", json: Self.provider, as: .bearer(city))
            #expect(r.status == .conflict)
            let versions = try await ResourceVersionModel.query(on: app.db).filter(\.$resourceID == UUID(uuidString: loan)!).all()
            #expect(versions.map(\.version).sorted() == [1, 2])
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$subjectType == "resource").count() == 7)

            // The search.
            func names(_ query: String) async throws -> [String] {
                let r = try await app.call(.GET, "api/resources?\(query)", as: .bearer(city))
                #expect(r.status == .ok, "\(r.raw)")
                return (r.body["items"] as? [[String: Any]] ?? []).compactMap { ($0["resource"] as? [String: Any])?["name"] as? String }
            }
            #expect(try await names("kind=pilot-base&industry=C2651") == ["上海先进高分子材料中试基地"])
            #expect(try await names("kind=financial-product&institution=%E4%B8%8A%E6%B5%B7%E6%B5%8B%E8%AF%95%E9%93%B6%E8%A1%8C").count == 2)
            #expect(try await names("q=%E8%AF%8A%E6%96%AD") == ["智能工厂诊断服务中心"])                       // 诊断
            #expect(try await names("productType=renewal-loan") == ["设备更新专项贷款"])
            #expect(try await names("district=jinshan") == ["上海先进高分子材料中试基地"])
            let anyone = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: "91310115MA1K4ABCDD")
            #expect(try await app.call(.GET, "api/resources/\(base)", as: .bearer(anyone)).status == .ok)

            // A new-material project of a C2651 enterprise with a loan: the banks' loans (not the
            // lease: it has a loan, not a lease), the polymer base (not the metals one).
            let enterprise = #"{"creditCode": "91310115MA1K4ABCDD", "name": "上海浦江新材料有限公司", "district": "pudong", "industryCode": "C2651"}"#
            #expect(try await app.call(.POST, "api/enterprises", json: enterprise).status == .created)
            let project = #"{"creditCode": "91310115MA1K4ABCDD", "project": {"id": "NM-1", "name": "高分子材料应用认证", "categories": ["new-material-certification"], "loans": [{"id": "L1", "principal": "1000000"}]}}"#
            r = try await app.call(.POST, "api/projects", json: project)
            #expect(r.status == .created, "\(r.raw)")
            let id = try #require(r.body["id"] as? String)
            r = try await app.call(.GET, "api/projects/\(id)/resources", as: .bearer(anyone))
            #expect(r.status == .ok, "\(r.raw)")
            let offers = r.body["offers"] as? [[String: Any]] ?? []
            let offered = offers.map { "\($0["rule"] as? String ?? "")|\((($0["resource"] as? [String: Any])?["resource"] as? [String: Any])?["name"] as? String ?? "")" }
            #expect(offered == ["loan-need|技改贷", "loan-need|设备更新专项贷款", "new-material-pilot|上海先进高分子材料中试基地"], "\(offered)")
            let reason = offers.last?["reason"] as? [String: Any]
            #expect((reason?["zh"] as? String)?.contains("C26") == true && (reason?["en"] as? String)?.contains("pilot bases") == true)
            // Another enterprise's user does not find the project.
            let stranger = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: CreditCode.withCheckCharacter("91310112MA1G0B0B0")!)
            #expect(try await app.call(.GET, "api/projects/\(id)/resources", as: .bearer(stranger)).status == .notFound)
        }
    }
}
