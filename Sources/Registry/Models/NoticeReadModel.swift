import FluentKit
import Foundation

/// That one account has read one notice, and when (its first reading). A receipt, not a flag on
/// the notice: a group notice is one row however many accounts it reaches, and each reads it
/// for itself.
public final class NoticeReadModel: Model, @unchecked Sendable {
    public static let schema = "notice_reads"
    @ID(key: .id) public var id: UUID?
    @Field(key: "notice_id") public var noticeID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "read_at") public var readAt: Date
    public init() {}

    init(noticeID: UUID, userID: UUID, readAt: Date) {
        self.noticeID = noticeID
        self.userID = userID
        self.readAt = readAt
    }
}
