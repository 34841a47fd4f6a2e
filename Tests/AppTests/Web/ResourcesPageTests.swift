@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting

/// The resource library's pages on SQLite and PostgreSQL: anyone signed in searches it by kind,
/// text and district; a bank edits its own financial product in the page (a new version; a bad
/// rate named beside its field) and may not edit another bank's (403); the enterprise's project
/// page lists the resources that fit the project with their reasons, exactly those the API
/// offers; nobody signed in is sent to sign in.
@Suite struct ResourcesPageTests {
    @Test(arguments: TestDatabase.all)
    func theLibraryIsSearchedABankEditsItsOwnAndAProjectSeesWhatFits(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let city = try await TestAccounts.token(app, role: .cityOfficer, username: "web.res.city")
            _ = try await TestAccounts.token(app, role: .bank, username: "web.res.bank")
            let code = "91310115MA1K4ABCDD"
            _ = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: code, username: "web.res.ent")
            var ids: [String: String] = [:]
            for (name, json) in [("base", ResourceAPITests.pilotBase), ("metal", ResourceAPITests.metalBase), ("loan", ResourceAPITests.loan),
                                 ("other", ResourceAPITests.otherBanks), ("provider", ResourceAPITests.provider)] {
                let r = try await app.call(.POST, "api/resources", json: json, as: .bearer(city))
                #expect(r.status == .created, "\(r.raw)")
                ids[name] = r.body["id"] as? String
            }
            var nobody = WebClient(app)
            #expect(try await nobody.get("/resources").headers.first(name: .location) == "/login")

            var ent = try await CasesPageTests.web(app, "web.res.ent")
            var page = try await ent.get("/resources?kind=pilot-base")
            #expect(page.status == .ok && page.html.contains("上海先进高分子材料中试基地") && page.html.contains("上海高端金属材料中试基地")
                    && !page.html.contains("设备更新专项贷款") && page.html.contains(#"href="/resources""#))
            page = try await ent.get("/resources?q=\(WebClient.encode("诊断"))")
            #expect(page.html.contains("智能工厂诊断服务中心") && !page.html.contains("中试基地</a>"))
            page = try await ent.get("/resources?district=jinshan")
            #expect(page.html.contains("上海先进高分子材料中试基地") && !page.html.contains("上海高端金属材料中试基地"))
            page = try await ent.get("/resources/\(ids["base"]!)")
            #expect(page.html.contains("双螺杆挤出中试线 2 条") && !page.html.contains(#"id="resource-form""#))
            try await ent.get("/resources/\(ids["loan"]!)")
            #expect(try await ent.post("/resources/\(ids["loan"]!)", [("name", "x")]).status == .forbidden)

            // The bank: its own product in a form; another bank's is not its to edit.
            var bank = try await CasesPageTests.web(app, "web.res.bank")
            page = try await bank.get("/resources/\(ids["other"]!)")
            #expect(page.status == .ok && !page.html.contains(#"id="resource-form""#))
            #expect(try await bank.post("/resources/\(ids["other"]!)", [("name", "改名")]).status == .forbidden)
            page = try await bank.get("/resources/\(ids["loan"]!)")
            #expect(page.html.contains(#"id="resource-form""#) && page.html.contains(#"value="2.95""#))
            var form: [(String, String)] = [("name", "设备更新专项贷款"), ("productType", "renewal-loan"), ("annualRatePercent", "2.12345"),
                                            ("termMonths", "60"), ("maxAmount", "50000000"), ("conditions", "列入设备更新项目清单")]
            page = try await bank.post("/resources/\(ids["loan"]!)", form)
            #expect(page.status == .unprocessableEntity && page.html.contains(#"id="annualRatePercent-error""#))
            form[2] = ("annualRatePercent", "2.85")
            #expect(try await bank.post("/resources/\(ids["loan"]!)", form).status == .seeOther)
            let r = try await app.call(.GET, "api/resources/\(ids["loan"]!)", as: .bearer(city))
            #expect(r.body["version"] as? Int == 2 && (r.body["resource"] as? [String: Any])?["annualRatePercent"] as? String == "2.85")

            // The enterprise's project: what fits it, as the API offers it, with the reasons.
            let enterprise = #"{"creditCode": "\#(code)", "name": "上海浦江新材料有限公司", "district": "pudong", "industryCode": "C2651"}"#
            #expect(try await app.call(.POST, "api/enterprises", json: enterprise).status == .created)
            let project = #"{"creditCode": "\#(code)", "project": {"id": "NM-1", "name": "高分子材料应用认证", "categories": ["new-material-certification"], "loans": [{"id": "L1", "principal": "1000000"}]}}"#
            let made = try await app.call(.POST, "api/projects", json: project)
            let id = try #require(made.body["id"] as? String)
            let offers = try await app.call(.GET, "api/projects/\(id)/resources", as: .bearer(city)).body["offers"] as? [[String: Any]] ?? []
            #expect(offers.count == 3)
            page = try await ent.get("/enterprise/projects/\(id)")
            #expect(page.html.contains(#"id="resource-offers""#))
            for o in offers {
                let rid = ((o["resource"] as? [String: Any])?["id"] as? String) ?? "?"
                let zh = ((o["reason"] as? [String: Any])?["zh"] as? String) ?? "?"
                #expect(page.html.contains("/resources/\(rid)") && page.html.contains(zh.escapedForTest), "\(rid)")
            }
            #expect(!page.html.contains("/resources/\(ids["metal"]!)"))
            try await ent.get("/lang/en?back=/resources")
            for path in ["/resources", "/resources/\(ids["loan"]!)", "/enterprise/projects/\(id)"] {
                page = try await ent.get(path)
                #expect(page.status == .ok && !page.html.contains(WebCatalogue.missingMarker), "\(path)")
            }
        }
    }
}
