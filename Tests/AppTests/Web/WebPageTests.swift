@testable import App
import Foundation
import Policy
import Tabular
import Testing
import Vapor
import VaporTesting

/// The public pages through the server: the calculator in both languages, its errors beside
/// their fields with the API's messages, the upload, the chart, the library, the sign-in; the
/// headers every page carries; the CSRF check; hostile names escaped.
@Suite struct WebPageTests {
    static let pages = ["/", "/calculator", "/policy", "/policy/parameters", "/login"]

    @Test(arguments: TestDatabase.all)
    func everyPageIsChineseByDefaultAndEnglishAfterTheSwitch(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var web = WebClient(app)
            for path in Self.pages {
                let page = try await web.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.html.contains(#"<html lang="zh-CN">"#), "\(path)")
                #expect(!page.html.contains(WebCatalogue.missingMarker), "\(path)")
                #expect(page.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true, "\(path)")
                #expect(page.headers.first(name: "Content-Security-Policy")?.contains("script-src 'none'") == true, "\(path)")
                #expect(!page.html.contains("<script"), "\(path)")
            }
            let switched = try await web.get("/lang/en?back=/policy")
            #expect(switched.status == .seeOther && switched.headers.first(name: .location) == "/policy")
            #expect(web.cookies[WebLanguage.cookie] == "en")
            for path in Self.pages {
                let page = try await web.get(path)
                #expect(page.html.contains(#"<html lang="en">"#), "\(path)")
                #expect(page.html.contains("Policy calculator"), "\(path)")
                #expect(!page.html.contains(WebCatalogue.missingMarker), "\(path)")
            }
            // Only a path of this site is a place to go back to.
            let away = try await web.get("/lang/zh?back=//evil.example/")
            #expect(away.headers.first(name: .location) == "/")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theFormGivesThePlanWithItsClausesAndAChart(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var web = WebClient(app)
            try await web.get("/calculator")
            let page = try await web.post("/calculator", CalculatorFixture.fields)
            #expect(page.status == .ok)
            #expect(page.html.contains(#"id="plan""#))
            // 7a: half of the interest paid, per year, the clause 七.
            #expect(page.html.contains("7a 技术改造项目银行贷款贴息"))
            #expect(page.html.contains("条款 七"))
            #expect(page.html.contains("48.00 万元（480,000.00 元）"), "2024: 960,000 × 50%")
            #expect(page.html.contains("N1"), "the national measures beside the city's")
            #expect(page.html.contains(#"<svg viewBox="0 0 640 320""#))
            #expect(page.html.contains("支持金额随贷款付息变化：贷款 L1"), "the loan's interest curve beside the investment's")
            #expect(page.html.contains(#"<polyline class="curve" points=""#))
            #expect(!page.html.contains(WebCatalogue.missingMarker))
            // The same plan in English.
            try await web.get("/lang/en?back=/calculator")
            let en = try await web.post("/calculator", CalculatorFixture.fields)
            #expect(en.html.contains("480,000.00 yuan"))
            #expect(en.html.contains("Recommended combination"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func formErrorsStandBesideTheirFieldsWithTheReadersMessages(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var web = WebClient(app)
            try await web.get("/calculator")
            var fields = CalculatorFixture.fields.filter { $0.0 != "declared" && $0.0 != "loan1Principal" }
            fields += [("declared", "12,000"), ("loan1Principal", "abc")]
            let page = try await web.post("/calculator", fields)
            #expect(page.status == .unprocessableEntity)
            // The reader's own message for the same text (what POST /api/match answers).
            let api = try await app.call(.POST, "api/match", json: #"{"enterprise":{"creditCode":"91310115MA1K4ABCDD","name":"x","district":"pudong","industryCode":"C3484"},"projects":[{"id":"P1","name":"x","categories":[],"investment":{"declared":"12,000"}}]}"#, as: .anonymous)
            let issues = api.body["issues"] as? [[String: Any]] ?? []
            let message = (issues.first { ($0["path"] as? String) == "$.projects[0].investment.declared" }?["message"] as? [String: Any])?["zh"] as? String
            let expected = try #require(message)
            #expect(page.html.contains(#"<span class="ferr" id="declared-error">\#(expected.escapedForTest)</span>"#), "\(expected)")
            #expect(page.html.contains(#"id="loan1Principal-error""#))
            #expect(!page.html.contains(#"id="plan""#))
        }
    }

    @Test(arguments: TestDatabase.all)
    func hostileNamesAreEscapedEverywhere(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var web = WebClient(app)
            try await web.get("/calculator")
            let hostile = "\"'><script>alert(1)</script>\"\u{301} & co"
            var fields = CalculatorFixture.fields.filter { $0.0 != "entName" && $0.0 != "projectName" }
            fields += [("entName", hostile), ("projectName", hostile)]
            let page = try await web.post("/calculator", fields)
            #expect(page.status == .ok)
            #expect(!page.html.contains("<script>"))
            let quoteAccent = "\"" + "\u{301}"
            #expect(!page.html.contains(quoteAccent), "a quote followed by a combining accent is still a quote")
            #expect(page.html.contains("&quot;&#39;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;\u{301} &amp; co"))
            // In an attribute (the form's value) as well as in text.
            #expect(page.html.contains(#"value="&quot;&#39;&gt;&lt;script&gt;"#))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aFormWithoutItsTokenIsRefused(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var web = WebClient(app)
            // No cookie yet: refused.
            let first = try await web.post("/calculator", CalculatorFixture.fields, token: "x")
            #expect(first.status == .forbidden)
            try await web.get("/calculator")
            #expect(web.cookies[CSRFToken.cookie] != nil)
            let forged = try await web.post("/calculator", CalculatorFixture.fields, token: String(web.token.reversed()))
            #expect(forged.status == .forbidden)
            #expect(forged.html.contains("表单已过期"))
            // Another visitor's token does not fit this visitor's cookie.
            var other = WebClient(app)
            try await other.get("/calculator")
            let borrowed = try await web.post("/calculator", CalculatorFixture.fields, token: other.token)
            #expect(borrowed.status == .forbidden)
            let good = try await web.post("/calculator", CalculatorFixture.fields)
            #expect(good.status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anUploadedProjectFileGivesItsPlan(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var web = WebClient(app)
            try await web.get("/calculator")
            let json = try String(contentsOf: Fixtures.repo.appendingPathComponent("Examples/enterprise-plan.json"), encoding: .utf8)
            let page = try await web.upload("/calculator/upload", filename: "plan.json", contents: json)
            #expect(page.status == .ok)
            #expect(page.html.contains("P-2024-001") && page.html.contains("P-2024-002"))
            #expect(page.html.components(separatedBy: "<svg").count > 2)
            // The same enterprise as a spreadsheet (the import format, written by the exporter).
            let file = try ProjectFileReader.read(text: json, vocabulary: app.policyLibrary.vocabulary).get()
            let csv = String(decoding: TabularExport.csv([file]), as: UTF8.self)
            let fromCSV = try await web.upload("/calculator/upload", filename: "plan.csv", contents: csv)
            #expect(fromCSV.status == .ok, "\(fromCSV.html.prefix(2000))")
            #expect(fromCSV.html.contains("P-2024-001") && fromCSV.html.contains(#"id="city-total""#))
            let bad = try await web.upload("/calculator/upload", filename: "plan.json", contents: #"{"enterprise": 1}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.html.contains(#"id="form-errors""#))
        }
    }

    @Test(arguments: TestDatabase.all)
    func signInSaysNeitherWhichOfTheTwoWasWrong(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            _ = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: "91310115MA1K4ABCDD", username: "web.enterprise")
            var web = WebClient(app)
            try await web.get("/login")
            let unknown = try await web.post("/signin", [("username", "nobody"), ("password", TestAccounts.password)])
            let wrong = try await web.post("/signin", [("username", "web.enterprise"), ("password", "wrong-password")])
            #expect(unknown.status == .unauthorized && wrong.status == .unauthorized)
            func error(_ html: String) -> String? {
                guard let r = html.range(of: #"id="login-error">"#), let end = html[r.upperBound...].firstIndex(of: "<") else { return nil }
                return String(html[r.upperBound..<end])
            }
            #expect(error(unknown.html) != nil && error(unknown.html) == error(wrong.html))
            #expect(web.cookies[SessionCookie.name] == nil)
            let good = try await web.post("/signin", [("username", "web.enterprise"), ("password", TestAccounts.password)])
            #expect(good.status == .seeOther)
            let setCookie = good.headers[.setCookie].first { $0.hasPrefix(SessionCookie.name) } ?? ""
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), "\(setCookie)")
            let home = try await web.get("/")
            #expect(home.html.contains("web.enterprise"))
            let out = try await web.post("/signout", [])
            #expect(out.status == .seeOther)
            #expect(web.cookies[SessionCookie.name] == nil)
            let after = try await web.get("/")
            #expect(!after.html.contains("web.enterprise"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func theLibraryShowsEachMeasureAndEveryParameter(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var web = WebClient(app)
            let lib = try await web.get("/policy")
            for instrument in app.policyLibrary.instruments {
                #expect(lib.html.contains(#"id="m-\#(instrument.id)""#), "\(instrument.id)")
                #expect(lib.html.contains(instrument.text.en.escapedForTest), "\(instrument.id) in English")
            }
            let params = try await web.get("/policy/parameters")
            for key in app.policyLibrary.parameters.keys { #expect(params.html.contains("<code>\(key.escapedForTest)</code>"), "\(key)") }
            #expect(params.html.contains("尚无政策调整"))
        }
    }
}
