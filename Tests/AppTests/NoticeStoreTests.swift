import App
import FluentKit
import Foundation
import Policy
import Registry
import Testing
import Vapor
import Workflow

/// Notices reach whom they are addressed to — one account, an enterprise's accounts, a group of
/// officers narrowed by district or department — each reader with its own read receipt; the
/// composer writes the notice and its mail together or not at all.
@Suite struct NoticeStoreTests {
    typealias F = NoticeFixtures

    @Test(arguments: TestDatabase.all)
    func eachReaderSeesWhatIsAddressedToIt(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let composer = NoticeComposer(db: app.db)
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            try await composer.post(F.draft(.enterprise(creditCode: F.enterpriseCode), title: "企业"), at: start)
            try await composer.post(F.draft(.user(F.pudongOfficer.userID), title: "个人"), at: start.addingTimeInterval(1))
            try await composer.post(F.draft(.group(role: .districtOfficer, district: "pudong"), title: "浦东"), at: start.addingTimeInterval(2))
            try await composer.post(F.draft(.group(role: .districtOfficer), title: "全市区级"), at: start.addingTimeInterval(3))
            try await composer.post(F.draft(.group(role: .department, department: "ecology"), title: "生态环境局"), at: start.addingTimeInterval(4))

            let store = NoticeStore(db: app.db)
            func titles(_ p: Principal) async throws -> [String] {
                try await store.notices(for: p, page: 1, perPage: 50).items.map(\.title.zh)
            }
            #expect(try await titles(F.enterpriseUser) == ["企业"])
            #expect(try await titles(F.otherEnterpriseUser) == [])
            #expect(try await titles(F.pudongOfficer) == ["全市区级", "浦东", "个人"])
            #expect(try await titles(F.minhangOfficer) == ["全市区级"])
            #expect(try await titles(F.ecologyReviewer) == ["生态环境局"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func readingIsPerReaderAndUnreadComeFirst(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let composer = NoticeComposer(db: app.db)
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            var ids: [UUID] = []
            for i in 0..<5 {
                ids.append(try await composer.post(F.draft(.group(role: .districtOfficer), title: "第\(i)条"), at: start.addingTimeInterval(Double(i))).id)
            }
            let store = NoticeStore(db: app.db)
            let readAt = start.addingTimeInterval(100)
            let read = try await store.markRead(ids[4], by: F.pudongOfficer, at: readAt)
            #expect(read.readAt == readAt)
            // Reading again keeps the first reading.
            #expect(try await store.markRead(ids[4], by: F.pudongOfficer, at: readAt.addingTimeInterval(50)).readAt == readAt)

            let page = try await store.notices(for: F.pudongOfficer, page: 1, perPage: 3)
            #expect(page.items.map(\.title.zh) == ["第3条", "第2条", "第1条"])
            #expect(page.total == 5 && page.unread == 4)
            let last = try await store.notices(for: F.pudongOfficer, page: 2, perPage: 3)
            #expect(last.items.map(\.title.zh) == ["第0条", "第4条"])
            #expect(last.items.last?.readAt == readAt)
            let unread = try await store.notices(for: F.pudongOfficer, page: 1, perPage: 50, unreadOnly: true)
            #expect(unread.total == 4 && !unread.items.contains { $0.id == ids[4] })

            // The other officer of the group has read nothing.
            #expect(try await store.notices(for: F.minhangOfficer, page: 1, perPage: 50).unread == 5)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aNoticeForSomeoneElseIsNotFound(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let notice = try await NoticeComposer(db: app.db).post(F.draft(.enterprise(creditCode: F.enterpriseCode)))
            await #expect(throws: RegistryError.self) {
                try await NoticeStore(db: app.db).markRead(notice.id, by: F.otherEnterpriseUser)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func theNoticeAndItsMailAreWrittenTogetherOrNotAtAll(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let composer = NoticeComposer(db: app.db)
            let notice = try await composer.post(F.draft(.user(F.pudongOfficer.userID)), mailTo: ["officer@pudong.gov.test", "officer@pudong.gov.test"])
            let mails = try await MailOutbox(db: app.db).recent()
            #expect(mails.count == 1)
            #expect(mails.first?.noticeID == notice.id)
            #expect(mails.first?.subject == "审批通过 / Approved")
            #expect(mails.first?.body == "您的申请已通过审批。\n\nYour application was approved.")
            #expect(mails.first?.nextAttemptAt != nil && mails.first?.attempts == 0)

            let refused = await #expect(throws: RegistryError.self) {
                try await composer.post(F.draft(.user(F.pudongOfficer.userID), kind: "Bad Kind"), mailTo: ["ok@pudong.gov.test", "x@y\r\nRCPT TO:<z@z.test>"])
            }
            if case .invalid(let issues) = refused {
                #expect(issues.map(\.path) == ["$.kind", "$.mailTo[1]"])
            } else {
                Issue.record("expected validation issues, got \(String(describing: refused))")
            }
            #expect(try await MailOutbox(db: app.db).recent().count == 1)
            #expect(try await NoticeStore(db: app.db).notices(for: F.pudongOfficer, page: 1, perPage: 50).total == 1)
        }
    }
}
