import FluentKit
import Foundation

/// A signed-in browser (网页会话), kept in the database so that any server sharing it knows
/// the session and a sign-out ends it everywhere. As with tokens, only the SHA-256 of the
/// cookie's value is kept.
public final class WebSessionModel: Model, @unchecked Sendable {
    public static let schema = "web_sessions"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    public init() {}
}
