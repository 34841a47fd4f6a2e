@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// A page's form larger than its route takes is answered with a page (413, the limit named, in
/// the visitor's language), while the API's route keeps its JSON answer.
@Suite struct PageTooLargeTests {
    @Test(arguments: TestDatabase.all)
    func anUploadOverTheLimitIsAnsweredWithAPage(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var web = WebClient(app)
            try await web.get("/calculator")
            let big = String(repeating: "x", count: RequestLimits.projectFile + 128 * RequestLimits.kib)
            let page = try await web.upload("/calculator/upload", filename: "big.json", contents: big)
            #expect(page.status == .payloadTooLarge)
            #expect(page.headers.contentType?.subType == "html", "\(String(describing: page.headers.contentType))")
            #expect(page.html.contains(#"id="error-message""#) && page.html.contains("超过大小限制") && page.html.contains("2 MB"))
            // Within the limit, the calculator reads it (and refuses it as no project file, as a page).
            let small = try await web.upload("/calculator/upload", filename: "small.json", contents: String(repeating: "x", count: 100 * RequestLimits.kib))
            #expect(small.status != .payloadTooLarge && small.headers.contentType?.subType == "html")
            // The API's route: JSON.
            try await app.testing().test(.POST, "api/match", headers: ["Content-Type": "application/json"], body: ByteBuffer(string: big)) { res in
                #expect(res.status == .payloadTooLarge && res.headers.contentType == .json)
            }
        }
    }
}
