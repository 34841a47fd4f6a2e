@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting

/// The enterprise's applications in the browser: it applies for a stored project, sees what is
/// missing, uploads (a wrong kind refused beside the field with the store's message), submits,
/// and the API then tells the same case. Only its own cases are found.
@Suite struct EnterpriseApplicationsPageTests {
    static func signedIn(_ app: Application, code: String, username: String) async throws -> WebClient {
        _ = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: code, username: username)
        var web = WebClient(app)
        try await web.get("/login")
        let signed = try await web.post("/signin", [("username", username), ("password", TestAccounts.password)])
        #expect(signed.status == .seeOther)
        return web
    }

    static func caseID(from location: String?) throws -> String {
        let path = try #require(location?.split(separator: "?").first)
        let last = try #require(path.split(separator: "/").last)
        return String(last)
    }

    @Test(arguments: TestDatabase.all)
    func theEnterpriseAppliesUploadsAndSubmits(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let file = try ApplicationWorkflowTests.exampleFile(app)
            let code = file.enterprise.creditCode
            let projectID = try await ApplicationWorkflowTests.storedProject(app)
            var web = try await Self.signedIn(app, code: code, username: "web.applicant")

            let list = try await web.get("/enterprise/applications")
            #expect(list.status == .ok && list.html.contains(#"id="no-applications""#))
            #expect(list.html.contains(#"<option value="\#(projectID.uuidString.lowercased())">"#))
            #expect(list.html.contains(#"href="/enterprise/applications""#), "the navigation leads here")

            // A project that is not one of the enterprise's: refused with the page's message, nothing made.
            let wrong = try await web.post("/enterprise/applications", [("projectId", UUID().uuidString)])
            #expect(wrong.status == .unprocessableEntity && wrong.html.contains(#"id="form-errors""#))

            let applied = try await web.post("/enterprise/applications", [("projectId", projectID.uuidString.lowercased())])
            #expect(applied.status == .seeOther, "\(applied.html)")
            let id = try Self.caseID(from: applied.headers.first(name: .location))
            // A second application of the same project: the store's conflict, shown.
            try await web.get("/enterprise/applications")
            let twice = try await web.post("/enterprise/applications", [("projectId", projectID.uuidString.lowercased())])
            #expect(twice.status == .unprocessableEntity && twice.html.contains(id), "the open application is named")

            var page = try await web.get("/enterprise/applications/\(id)?done=created")
            #expect(page.status == .ok && page.html.contains(#"id="done""#) && page.html.contains(#"id="missing-count""#))
            let api = try await app.call(.GET, "api/applications/\(id)")
            let checklist = try #require(api.body["checklist"] as? [[String: Any]])
            #expect(!checklist.isEmpty)
            for item in checklist { #expect(page.html.contains("<code>\(item["item"] as! String)</code>"), "\(item["item"]!)") }
            let totalText = try #require(api.body["requestedTotal"] as? String)
            let total = try #require(Money(yuanText: totalText))
            #expect(page.html.contains(#"id="case-requested">\#(AmountText.shown(total, .zh))"#))

            // A file whose bytes are not a kind the item accepts: the store's message beside the file field.
            let first = checklist[0]["item"] as! String
            let refused = try await web.upload("/enterprise/applications/\(id)/materials", filename: "note.txt", contents: "plain words",
                                               fields: [("item", first)])
            #expect(refused.status == .unprocessableEntity && refused.html.contains(#"id="file-error""#), "\(refused.status)")
            let notAnItem = try await web.upload("/enterprise/applications/\(id)/materials", filename: "a.pdf", contents: ApplicationAPITests.pdf(),
                                                 fields: [("item", "no-such-item")])
            #expect(notAnItem.status == .unprocessableEntity && notAnItem.html.contains(#"id="item-error""#))

            for item in checklist {
                let name = item["item"] as! String
                let up = try await web.upload("/enterprise/applications/\(id)/materials", filename: "\(name).bin",
                                              contents: ApplicationAPITests.content(for: item), fields: [("item", name)])
                #expect(up.status == .seeOther, "\(name): \(up.status)")
                try await web.get("/enterprise/applications/\(id)")
            }
            page = try await web.get("/enterprise/applications/\(id)")
            #expect(page.html.contains(#"id="nothing-missing""#))
            #expect(page.html.contains(#"href="/api/applications/\#(id)/materials/"#), "materials link to their download")

            let submitted = try await web.post("/enterprise/applications/\(id)/submit", [])
            #expect(submitted.status == .seeOther)
            let after = try await app.call(.GET, "api/applications/\(id)")
            #expect(after.body["state"] as? String == "submitted")
            // Submitted twice: the workflow's refusal, shown on the case's page.
            let again = try await web.post("/enterprise/applications/\(id)/submit", [])
            #expect(again.status == .conflict && again.html.contains(#"id="form-errors""#))
            page = try await web.get("/enterprise/applications")
            #expect(page.html.contains(#"class="state-submitted""#))
            #expect(!page.html.contains(WebCatalogue.missingMarker))

            // In English too, and nothing untranslated.
            try await web.get("/lang/en?back=/enterprise/applications/\(id)")
            page = try await web.get("/enterprise/applications/\(id)")
            #expect(page.html.contains("Materials checklist") && !page.html.contains(WebCatalogue.missingMarker))

            // A case that is not the enterprise's, or none at all: not found, as in the API.
            #expect(try await web.get("/enterprise/applications/\(UUID().uuidString.lowercased())").status == .notFound)
            var other = try await Self.signedIn(app, code: "91310000132200821H", username: "web.other")
            #expect(try await other.get("/enterprise/applications/\(id)").status == .notFound)
            try await other.get("/enterprise/applications")
            #expect(try await other.post("/enterprise/applications/\(id)/submit", []).status == .notFound)
        }
    }
}
