import Foundation
import Workflow

/// What an account is bound to. Only the field its role binds to (`Role.bindsTo`) is kept; the
/// others are cleared when the account is saved.
public struct AccountBinding: Sendable, Hashable {
    public var enterpriseCode: String?
    /// The district's 6-digit division code.
    public var districtCode: String?
    public var departmentCode: String?
    public var institution: String?

    public init(enterpriseCode: String? = nil, districtCode: String? = nil, departmentCode: String? = nil, institution: String? = nil) {
        self.enterpriseCode = enterpriseCode
        self.districtCode = districtCode
        self.departmentCode = departmentCode
        self.institution = institution
    }

    /// Only what `role` binds to.
    public func kept(for role: Role) -> AccountBinding {
        switch role.bindsTo {
        case .enterprise?: return AccountBinding(enterpriseCode: enterpriseCode)
        case .district?: return AccountBinding(districtCode: districtCode)
        case .department?: return AccountBinding(departmentCode: departmentCode)
        case .institution?: return AccountBinding(institution: institution)
        case nil: return AccountBinding()
        }
    }

    /// The value of the field `role` binds to (nil when the role binds to nothing or it is unset).
    public func value(for role: Role) -> String? {
        switch role.bindsTo {
        case .enterprise?: return enterpriseCode
        case .district?: return districtCode
        case .department?: return departmentCode
        case .institution?: return institution
        case nil: return nil
        }
    }
}

/// An account as the rest of the platform sees it (never its password hash).
public struct AccountRecord: Sendable, Hashable {
    public let id: UUID
    public let username: String
    public let role: Role
    public let displayName: String
    public let binding: AccountBinding
    public let email: String?
    public let disabled: Bool
    public let failedLogins: Int
    public let lockedUntil: Date?
    public let createdAt: Date
    public let updatedAt: Date

    init(_ m: UserModel) throws {
        id = try m.requireID()
        username = m.username
        role = Role(rawValue: m.role) ?? .enterprise
        displayName = m.displayName
        binding = AccountBinding(enterpriseCode: m.enterpriseCode, districtCode: m.districtCode,
                                 departmentCode: m.departmentCode, institution: m.institution)
        email = m.email
        disabled = m.disabled
        failedLogins = m.failedLogins
        lockedUntil = m.lockedUntil
        createdAt = m.createdAt ?? Date()
        updatedAt = m.updatedAt ?? createdAt
    }

    public func isLocked(at now: Date) -> Bool { lockedUntil.map { $0 > now } ?? false }

    /// The account behind a request.
    public var principal: Principal {
        Principal(userID: id, username: username, role: role, enterpriseCode: binding.enterpriseCode,
                  district: binding.districtCode, department: binding.departmentCode, institution: binding.institution)
    }
}

/// A new account; the password arrives already hashed (the registry knows no Bcrypt).
public struct NewAccount: Sendable {
    public var username: String
    public var role: Role
    public var displayName: String
    public var binding: AccountBinding
    public var email: String?

    public init(username: String, role: Role, displayName: String, binding: AccountBinding = AccountBinding(), email: String? = nil) {
        self.username = username
        self.role = role
        self.displayName = displayName
        self.binding = binding
        self.email = email
    }
}

/// What an administrator changes in an account; nil leaves a field as it is.
public struct AccountChange: Sendable {
    public var role: Role?
    public var displayName: String?
    /// Replaces the binding (then cut to the role's field).
    public var binding: AccountBinding?
    public var disabled: Bool?
    /// A new mail address; "" removes it.
    public var email: String?
    /// Clears the lock and the count of failed logins.
    public var unlock = false
    public var passwordHash: String?

    public init() {}
}

/// An API token as listed (never its secret).
public struct TokenRecord: Sendable, Hashable {
    public let id: UUID
    public let userID: UUID
    public let name: String
    public let scopes: Set<TokenScope>
    public let expiresAt: Date
    public let revokedAt: Date?
    public let lastUsedAt: Date?
    public let createdAt: Date

    init(_ m: APITokenModel) throws {
        id = try m.requireID()
        userID = m.$user.id
        name = m.name
        scopes = Set(m.scopes.split(separator: ",").compactMap { TokenScope(rawValue: String($0)) })
        expiresAt = m.expiresAt
        revokedAt = m.revokedAt
        lastUsedAt = m.lastUsedAt
        createdAt = m.createdAt ?? Date()
    }

    public func isValid(at now: Date) -> Bool { revokedAt == nil && expiresAt > now }
}
