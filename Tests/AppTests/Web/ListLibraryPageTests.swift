@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting

/// The list library's pages on SQLite and PostgreSQL: the city officer uploads a bad file
/// (refused whole, every problem by row and column in Chinese and English, nothing written),
/// then two editions; the kind's page shows both, the current first, and their difference; an
/// edition's entries are searched, as is the whole library; an enterprise reads, but may not
/// publish (403); nobody signed in is sent to sign in.
@Suite struct ListLibraryPageTests {
    static let second = """
        编号,名称,企业名称,统一社会信用代码,区,年度,型号
        R-1,超分辨荧光显微镜,上海浦江仪器有限公司,\(ListLibraryAPITests.codeA),浦东新区,2025,SR-200
        R-4,单分子测序仪,上海徐汇生命科学仪器有限公司,,xuhui,2026,
        """

    @Test(arguments: TestDatabase.all)
    func theCityPublishesEditionsThatAreSearchedAndCompared(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            app.platformClock = PlatformClock(fixed: Day(iso: "2026-03-02")!)
            _ = try await TestAccounts.token(app, role: .cityOfficer, username: "web.lib.city")
            _ = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: ListLibraryAPITests.codeA, username: "web.lib.ent")
            let kind = "research-instruments"
            var city = try await CasesPageTests.web(app, "web.lib.city")
            var page = try await city.get("/list-library")
            #expect(page.status == .ok && page.html.contains(#"href="/list-library/kinds/\#(kind)""#) && page.html.contains(#"href="/list-library""#))
            try await city.get("/list-library/kinds/\(kind)")

            let bad = """
                编号,名称,企业名称,统一社会信用代码,区,年度
                R-9,,某企业,91310115MA1K4ABCDE,火星区,1999
                R-9,重复编号的仪器,,,,
                """
            page = try await city.upload("/list-library/kinds/\(kind)/editions", filename: "bad.csv", contents: bad, fields: [("title", "第一批")])
            #expect(page.status == .unprocessableEntity && page.html.contains(#"id="file-issues""#))
            for at in ["row 2, column B (名称)", "row 2, column E (区)", "row 3, column A (编号)"] { #expect(page.html.contains(at.escapedForTest), "\(at)") }
            #expect(page.html.contains(#"<td lang="en">"#) && page.html.contains("第一批"))
            #expect(try await ListEditionModel.query(on: app.db).count() == 0)
            // No file: said beside the field.
            page = try await city.upload("/list-library/kinds/\(kind)/editions", filename: "empty.txt", contents: "", fields: [("title", "第一批")])
            #expect(page.status == .unprocessableEntity && page.html.contains(#"id="file-error""#))

            page = try await city.upload("/list-library/kinds/\(kind)/editions", filename: "first.csv", contents: ListLibraryAPITests.first,
                                         fields: [("title", "第一批"), ("publishedOn", "2025-06-30")])
            #expect(page.status == .seeOther, "\(page.status)")
            try await city.get("/list-library/kinds/\(kind)")
            page = try await city.upload("/list-library/kinds/\(kind)/editions", filename: "second.csv", contents: Self.second, fields: [("title", "第二批")])
            #expect(page.status == .seeOther)
            page = try await city.get("/list-library/kinds/\(kind)?done=published")
            #expect(page.html.contains(#"id="done""#) && page.html.contains("第二批") && page.html.contains("第一批") && page.html.contains(#"id="diff""#))
            // The difference as the store computes it: R-4 added, R-2 and R-3 removed, R-1 changed.
            let added = try #require(page.html.range(of: #"id="diff-added""#)), removed = try #require(page.html.range(of: #"id="diff-removed""#))
            let changed = try #require(page.html.range(of: #"id="diff-changed""#))
            #expect(page.html[added.upperBound..<removed.lowerBound].contains("R-4"))
            #expect(page.html[removed.upperBound..<changed.lowerBound].contains("R-2") && page.html[removed.upperBound..<changed.lowerBound].contains("R-3"))
            #expect(page.html[changed.upperBound...].contains("R-1"))

            // The library's search reads the current editions: R-2 is gone from it; edition 1 still has it.
            page = try await city.get("/list-library?q=\(WebClient.encode("质谱"))")
            #expect(page.html.contains(#"id="no-entries""#))
            page = try await city.get("/list-library?q=\(WebClient.encode("显微镜"))&kind=\(kind)")
            #expect(page.html.contains("R-1") && page.html.contains("SR-200"))
            let editions = try await ListEditionModel.query(on: app.db).sort(\.$number).all()
            let one = try #require(editions.first?.id).uuidString.lowercased()
            page = try await city.get("/list-library/editions/\(one)?q=\(WebClient.encode("质谱"))")
            #expect(page.html.contains("R-2") && !page.html.contains("R-3") && page.html.contains(#"data-current="false""#)
                    && page.html.contains("/api/list-editions/\(one)/export?format=xlsx"))

            var ent = try await CasesPageTests.web(app, "web.lib.ent")
            page = try await ent.get("/list-library/kinds/\(kind)")
            #expect(page.status == .ok && !page.html.contains(#"id="publish-form""#))
            #expect(try await ent.upload("/list-library/kinds/\(kind)/editions", filename: "x.csv", contents: Self.second, fields: [("title", "x")]).status == .forbidden)
            var nobody = WebClient(app)
            #expect(try await nobody.get("/list-library").headers.first(name: .location) == "/login")
            try await ent.get("/lang/en?back=/list-library")
            for path in ["/list-library?q=R-1", "/list-library/kinds/\(kind)", "/list-library/editions/\(one)"] {
                page = try await ent.get(path)
                #expect(page.status == .ok && !page.html.contains(WebCatalogue.missingMarker), "\(path)")
            }
        }
    }
}
