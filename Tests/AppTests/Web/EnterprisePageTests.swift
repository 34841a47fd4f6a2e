@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting

/// The enterprise's own page: its record, its stored projects and their plan, only ever its own.
@Suite struct EnterprisePageTests {
    @Test(arguments: TestDatabase.all)
    func theEnterpriseSeesItsProjectsAndTheirPlan(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let file = try ApplicationWorkflowTests.exampleFile(app)
            let code = file.enterprise.creditCode
            _ = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: code, username: "web.owner")
            var web = WebClient(app)
            try await web.get("/login")
            try await web.post("/signin", [("username", "web.owner"), ("password", TestAccounts.password)])
            // Before the enterprise is registered: said so.
            let empty = try await web.get("/enterprise")
            #expect(empty.status == .ok && empty.html.contains(#"id="ent-unregistered""#))
            let store = ProjectStore(db: app.db, engine: Engine(library: app.policyLibrary))
            _ = try await store.createEnterprise(file.enterprise, by: .system("test"))
            for project in file.projects { _ = try await store.createProject(project, creditCode: code, by: .system("test")) }
            let page = try await web.get("/enterprise")
            #expect(page.status == .ok)
            #expect(page.html.contains(file.enterprise.name.escapedForTest))
            for project in file.projects { #expect(page.html.contains("<code>\(project.id.escapedForTest)</code>"), "\(project.id)") }
            // The stored projects' plan: the same total as the API's plan of the enterprise.
            let api = try await app.call(.GET, "api/enterprises/\(code)/plan")
            let total = try #require(api.body["cityTotal"] as? String)
            let shown = AmountText.shown(try #require(Money(yuanText: total)), .zh)
            #expect(page.html.contains(#"id="city-total">\#(shown)"#), "\(shown)")
            #expect(page.html.contains(#"<a href="/enterprise">"#), "the navigation leads here")
            #expect(!page.html.contains(WebCatalogue.missingMarker))
        }
    }
}
