import API
import Foundation
import Registry

/// The signed-in account's notices, and its read receipts.
extension APIHandler {
    func listNotices(_ input: Operations.ListNotices.Input) async throws -> Operations.ListNotices.Output {
        let principal = try access().principal
        let (page, perPage) = try page(input.query.page, input.query.perPage)
        let result = try await services.noticeStore().notices(for: principal, page: page, perPage: perPage, unreadOnly: input.query.unread ?? false)
        return .ok(.init(body: .json(.init(items: result.items.map(Self.notice), page: result.page, perPage: result.perPage,
                                           total: result.total, unread: result.unread))))
    }

    func markNoticeRead(_ input: Operations.MarkNoticeRead.Input) async throws -> Operations.MarkNoticeRead.Output {
        let principal = try access().principal
        let notice = try await services.noticeStore().markRead(try uuid(input.path.id), by: principal)
        return .ok(.init(body: .json(Self.notice(notice))))
    }

    static func notice(_ n: Notice) -> Components.Schemas.Notice {
        .init(id: n.id.uuidString.lowercased(), kind: n.kind, recipient: recipient(n.recipient),
              title: .init(zh: n.title.zh, en: n.title.en), body: .init(zh: n.body.zh, en: n.body.en),
              applicationId: n.applicationID?.uuidString.lowercased(), projectId: n.projectID?.uuidString.lowercased(),
              createdAt: n.createdAt, readAt: n.readAt)
    }

    static func recipient(_ r: NoticeRecipient) -> Components.Schemas.NoticeRecipient {
        switch r {
        case .user(let id): return .init(kind: .user, userId: id.uuidString.lowercased())
        case .enterprise(let code): return .init(kind: .enterprise, creditCode: code)
        case .group(let role, let district, let department): return .init(kind: .group, role: role.rawValue, district: district, department: department)
        }
    }
}
