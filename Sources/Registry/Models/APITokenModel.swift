import FluentKit
import Foundation

/// A bearer token of the API (访问令牌). Only the SHA-256 of the secret is kept: the secret is
/// shown once, when the token is made, and a stolen table opens no account.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "name") public var name: String
    /// Hex SHA-256 of the secret; unique.
    @Field(key: "token_hash") public var tokenHash: String
    /// `TokenScope` raw values, comma-separated: `read` or `read,write`.
    @Field(key: "scopes") public var scopes: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    public init() {}
}
