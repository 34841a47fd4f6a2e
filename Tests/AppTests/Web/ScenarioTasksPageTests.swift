@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting

/// The scenario tasks' page on SQLite and PostgreSQL: the tasks by field; an enterprise takes
/// one up in the page (once: a second is the store's conflict, said on the page); the city
/// officer designates the taker a benchmark; a district officer may not (403).
@Suite struct ScenarioTasksPageTests {
    @Test(arguments: TestDatabase.all)
    func anEnterpriseTakesATaskUpAndTheCityDesignatesIt(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let city = try await TestAccounts.token(app, role: .cityOfficer, username: "web.scen.city")
            let code = "91310115MA1K4ABCDD"
            _ = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: code, username: "web.scen.ent")
            _ = try await TestAccounts.token(app, role: .districtOfficer, district: "pudong", username: "web.scen.pudong")
            #expect(try await app.call(.POST, "api/enterprises", json: RoleOperationTests.World.enterprise(code, "pudong")).status == .created)
            var r = try await app.call(.POST, "api/scenario-tasks", json: #"{"batch": "2025-01", "field": "ai", "title": "工业大模型质检场景", "owner": "市经济信息化委"}"#, as: .bearer(city))
            let task = try #require(r.body["id"] as? String)
            r = try await app.call(.POST, "api/scenario-tasks", json: #"{"batch": "2025-01", "field": "metaverse", "title": "元宇宙展厅", "owner": "市经济信息化委"}"#, as: .bearer(city))
            #expect(r.status == .created)

            var ent = try await CasesPageTests.web(app, "web.scen.ent")
            var page = try await ent.get("/scenario-tasks?field=ai")
            #expect(page.status == .ok && page.html.contains("工业大模型质检场景") && !page.html.contains("元宇宙展厅") && page.html.contains(#"href="/scenario-tasks""#))
            #expect(page.html.contains("/scenario-tasks/\(task)/take") && !page.html.contains("/designate"))
            #expect(try await ent.post("/scenario-tasks/\(task)/take", [("note", "已有质检大模型样机")]).status == .seeOther)
            page = try await ent.get("/scenario-tasks?done=taken")
            #expect(page.html.contains(#"id="done""#) && page.html.contains("已有质检大模型样机") && !page.html.contains("/scenario-tasks/\(task)/take"))
            page = try await ent.post("/scenario-tasks/\(task)/take", [])
            #expect(page.status == .conflict && page.html.contains("该企业已揭榜此任务"))

            var pudong = try await CasesPageTests.web(app, "web.scen.pudong")
            try await pudong.get("/scenario-tasks")
            #expect(try await pudong.post("/scenario-tasks/\(task)/designate", [("creditCode", code)]).status == .forbidden)
            var cityWeb = try await CasesPageTests.web(app, "web.scen.city")
            page = try await cityWeb.get("/scenario-tasks")
            #expect(page.html.contains("/scenario-tasks/\(task)/designate"))
            #expect(try await cityWeb.post("/scenario-tasks/\(task)/designate", [("creditCode", code)]).status == .seeOther)
            r = try await app.call(.GET, "api/scenario-tasks?field=ai", as: .bearer(city))
            let listed = (try? JSONSerialization.jsonObject(with: Data(r.raw.utf8))) as? [[String: Any]] ?? []
            let designations = (listed.first?["designations"] as? [[String: Any]]) ?? []
            #expect(designations.first?["creditCode"] as? String == code)
            page = try await cityWeb.get("/scenario-tasks")
            #expect(page.html.contains(#"data-designated="true""#) && !page.html.contains("/scenario-tasks/\(task)/designate"))
            try await ent.get("/lang/en?back=/scenario-tasks")
            page = try await ent.get("/scenario-tasks")
            #expect(page.html.contains("Application-scenario tasks") && !page.html.contains(WebCatalogue.missingMarker))
        }
    }
}
