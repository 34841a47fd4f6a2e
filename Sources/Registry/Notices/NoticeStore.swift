import FluentKit
import Foundation
import Policy
import SQLKit
import Workflow

/// Notices as their readers see them: the list of one account's notices, and its read receipts.
/// Posting goes through `NoticeComposer`, which queues the mail in the same transaction.
public struct NoticeStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    /// One page of the account's notices: unread first, then newest first (ties by id, so pages
    /// never overlap). `unreadOnly` leaves out those it has read.
    public func notices(for principal: Principal, page: Int, perPage: Int, unreadOnly: Bool = false) async throws -> NoticePage {
        let sql = try sqlDatabase()
        let audience = NoticeAudience(principal: principal).condition
        let from: SQLQueryString = "FROM notices n LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = \(bind: principal.userID) WHERE " + audience
        let unreadOnlyCondition: SQLQueryString = unreadOnly ? " AND r.read_at IS NULL" : ""
        let rows = try await sql.raw("SELECT n.id AS id, r.read_at AS read_at " + from + unreadOnlyCondition
            + " ORDER BY CASE WHEN r.read_at IS NULL THEN 0 ELSE 1 END, n.created_at DESC, n.id DESC LIMIT \(bind: perPage) OFFSET \(bind: (page - 1) * perPage)").all()
        let order = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        var readAt: [UUID: Date] = [:]
        for row in rows {
            if let date = try row.decode(column: "read_at", as: Date?.self) { readAt[try row.decode(column: "id", as: UUID.self)] = date }
        }
        let models = order.isEmpty ? [] : try await NoticeModel.query(on: db).filter(\.$id ~~ order).all()
        let byID = Dictionary(uniqueKeysWithValues: try models.map { (try $0.requireID(), $0) })
        let items = try order.compactMap { id in try byID[id].map { try Notice($0, readAt: readAt[id]) } }
        let total = try await count(sql, "SELECT COUNT(*) AS count " + from + unreadOnlyCondition)
        let unread = try await count(sql, "SELECT COUNT(*) AS count " + from + " AND r.read_at IS NULL")
        return NoticePage(items: items, page: page, perPage: perPage, total: total, unread: unread)
    }

    /// Records that the account has read the notice (its first reading counts; reading again
    /// changes nothing). A notice not addressed to the account is not found, as if it did not exist.
    public func markRead(_ id: UUID, by principal: Principal, at now: Date = Date()) async throws -> Notice {
        let model = try await requireNotice(id, for: principal)
        let existing = try await receipt(of: id, by: principal.userID)
        if let existing { return try Notice(model, readAt: existing.readAt) }
        do {
            try await NoticeReadModel(noticeID: id, userID: principal.userID, readAt: now).create(on: db)
            return try Notice(model, readAt: now)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The same account read it at the same moment on another request: that receipt stands.
            let receipt = try await receipt(of: id, by: principal.userID)
            return try Notice(model, readAt: receipt?.readAt ?? now)
        }
    }

    /// Every notice with this kind, newest first (for the workflow's checks and for tests).
    public func notices(ofKind kind: String) async throws -> [Notice] {
        try await NoticeModel.query(on: db).filter(\.$kind == kind).sort(\.$createdAt, .descending).all().map { try Notice($0, readAt: nil) }
    }

    func requireNotice(_ id: UUID, for principal: Principal) async throws -> NoticeModel {
        let sql = try sqlDatabase()
        let rows = try await sql.raw("SELECT n.id AS id FROM notices n WHERE n.id = \(bind: id) AND " + NoticeAudience(principal: principal).condition).all()
        guard !rows.isEmpty, let model = try await NoticeModel.find(id, on: db) else {
            throw RegistryError.notFound(LocalizedText(zh: "未找到通知 \(id.uuidString.lowercased())", en: "no notice \(id.uuidString.lowercased())"))
        }
        return model
    }

    private func receipt(of id: UUID, by userID: UUID) async throws -> NoticeReadModel? {
        try await NoticeReadModel.query(on: db).filter(\.$noticeID == id).filter(\.$userID == userID).first()
    }

    private func count(_ sql: any SQLDatabase, _ query: SQLQueryString) async throws -> Int {
        try await sql.raw(query).first()?.decode(column: "count", as: Int.self) ?? 0
    }

    private func sqlDatabase() throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw RegistryError.conflict(LocalizedText(zh: "数据库不支持 SQL", en: "the database does not speak SQL")) }
        return sql
    }
}
