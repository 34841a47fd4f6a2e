import FluentKit
import Foundation

/// An account (用户): who may sign in, in which role, bound to which enterprise, district,
/// department or institution. The password is kept only as its Bcrypt hash; failed logins and
/// the lock are kept here, so a lock holds on every server sharing the database.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"
    @ID(key: .id) public var id: UUID?
    /// Lower-cased (`UsernameRules.normalized`); unique.
    @Field(key: "username") public var username: String
    @Field(key: "password_hash") public var passwordHash: String
    /// `Role.rawValue`.
    @Field(key: "role") public var role: String
    @Field(key: "display_name") public var displayName: String
    @OptionalField(key: "enterprise_code") public var enterpriseCode: String?
    @OptionalField(key: "district_code") public var districtCode: String?
    @OptionalField(key: "department_code") public var departmentCode: String?
    @OptionalField(key: "institution") public var institution: String?
    /// Where the account's notices are also mailed; nil: in the platform only.
    @OptionalField(key: "email") public var email: String?
    @Field(key: "disabled") public var disabled: Bool
    /// Consecutive failed logins since the last success or lock.
    @Field(key: "failed_logins") public var failedLogins: Int
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}
}
