@testable import App
import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting
import Workflow

/// `GET /api/notices` and `POST /api/notices/{id}/read`: 401 without a signed-in account (the
/// no account), and with one the account's own notices.
@Suite struct NoticeAPITests {
    typealias F = NoticeFixtures

    static func call(_ app: Application, _ method: HTTPMethod, _ path: String, as token: String?) async throws -> (status: HTTPStatus, body: [String: Any]) {
        let headers = token.map { Caller.bearer($0).headers(app) } ?? HTTPHeaders()
        var result: (HTTPStatus, [String: Any]) = (.ok, [:])
        try await app.testing().test(method, path, headers: headers) { res in
            result = (res.status, (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8))) as? [String: Any] ?? [:])
        }
        return result
    }

    @Test(arguments: TestDatabase.all)
    func withoutAnAccountItIs401(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let listed = try await Self.call(app, .GET, "/api/notices", as: nil)
            #expect(listed.status == .unauthorized)
            #expect(listed.body["error"] as? String == "unauthorized")
            #expect((listed.body["message"] as? [String: Any])?["zh"] as? String != nil)
            let read = try await Self.call(app, .POST, "/api/notices/\(UUID().uuidString)/read", as: nil)
            #expect(read.status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theAccountListsAndReadsItsOwnNotices(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let pujiang = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: F.enterpriseCode)
            let other = try await TestAccounts.token(app, role: .enterprise, enterpriseCode: F.otherEnterpriseUser.enterpriseCode)
            let composer = NoticeComposer(db: app.db)
            let projectID = UUID()
            let first = try await composer.post(NoticeDraft(recipient: .enterprise(creditCode: F.enterpriseCode), kind: "deferred_item_due",
                                                             title: LocalizedText(zh: "材料即将到期", en: "An item is due soon"),
                                                             body: LocalizedText(zh: "请在 5 日内补齐。", en: "Please supply it within 5 days."), projectID: projectID))
            try await composer.post(F.draft(.enterprise(creditCode: F.enterpriseCode)))

            let page = try await Self.call(app, .GET, "/api/notices?perPage=1", as: pujiang)
            #expect(page.status == .ok)
            #expect(page.body["total"] as? Int == 2 && page.body["unread"] as? Int == 2 && page.body["perPage"] as? Int == 1)
            #expect((page.body["items"] as? [[String: Any]])?.count == 1)

            let read = try await Self.call(app, .POST, "/api/notices/\(first.id.uuidString)/read", as: pujiang)
            #expect(read.status == .ok)
            #expect(read.body["readAt"] as? String != nil)
            #expect(read.body["projectId"] as? String == projectID.uuidString.lowercased())
            #expect((read.body["recipient"] as? [String: Any])?["creditCode"] as? String == F.enterpriseCode)
            #expect((read.body["title"] as? [String: Any])?["zh"] as? String == "材料即将到期")

            let unread = try await Self.call(app, .GET, "/api/notices?unread=true", as: pujiang)
            #expect(unread.body["total"] as? Int == 1 && unread.body["unread"] as? Int == 1)

            // Another enterprise's notice does not exist for this account.
            #expect(try await Self.call(app, .POST, "/api/notices/\(first.id.uuidString)/read", as: other).status == .notFound)
            #expect(try await Self.call(app, .GET, "/api/notices", as: other).body["total"] as? Int == 0)
            #expect(try await Self.call(app, .POST, "/api/notices/not-a-uuid/read", as: pujiang).status == .badRequest)
            #expect(try await Self.call(app, .GET, "/api/notices?perPage=0", as: pujiang).status == .badRequest)
        }
    }
}
