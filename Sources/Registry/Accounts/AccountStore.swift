import FluentKit
import Foundation
import Policy
import SQLKit
import Workflow

/// Accounts in the database: creating and changing them, the failed-login count and the lock.
/// Passwords and secrets arrive hashed — Bcrypt and SHA-256 are the server's — so nothing here
/// ever sees a password. Tokens and sessions are in `AccountStore+Tokens`.
public struct AccountStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    static func notFound(_ id: UUID) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到用户 \(id.uuidString.lowercased())", en: "no user \(id.uuidString.lowercased())"))
    }

    public func create(_ new: NewAccount, passwordHash: String, by actor: AuditActor) async throws -> AccountRecord {
        try await db.transaction { db in
            if try await UserModel.query(on: db).filter(\.$username == new.username).count() > 0 {
                throw RegistryError.conflict(LocalizedText(zh: "用户名 \(new.username) 已被使用", en: "the username \(new.username) is taken"))
            }
            let m = UserModel()
            m.username = new.username
            m.passwordHash = passwordHash
            m.role = new.role.rawValue
            m.displayName = new.displayName
            m.email = new.email
            Self.assign(new.binding.kept(for: new.role), to: m)
            m.disabled = false
            m.failedLogins = 0
            try await m.create(on: db)
            try await AuditTrail.append(AuditChange(action: "user.create", subjectType: "user", subjectID: try m.requireID().uuidString.lowercased(),
                                                    after: Self.auditState(m)), by: actor, on: db)
            return try AccountRecord(m)
        }
    }

    /// An account as the audit trail keeps it: never its password hash, only whether it changed.
    static func auditState(_ m: UserModel, passwordChanged: Bool = false) -> String {
        AuditChange.state(["username": m.username, "role": m.role, "displayName": m.displayName, "enterpriseCode": m.enterpriseCode,
                           "district": m.districtCode, "department": m.departmentCode, "institution": m.institution,
                           "email": m.email, "disabled": String(m.disabled), "passwordChanged": passwordChanged ? "true" : nil])
    }

    static func assign(_ b: AccountBinding, to m: UserModel) {
        m.enterpriseCode = b.enterpriseCode
        m.districtCode = b.districtCode
        m.departmentCode = b.departmentCode
        m.institution = b.institution
    }

    /// Every account, by username.
    public func all() async throws -> [AccountRecord] {
        try await UserModel.query(on: db).sort(\.$username).all().map(AccountRecord.init)
    }

    public func account(_ id: UUID) async throws -> AccountRecord? {
        try await UserModel.find(id, on: db).map(AccountRecord.init)
    }

    /// The account of a (normalized) username with its password hash, for a login.
    public func credentials(of username: String) async throws -> (account: AccountRecord, passwordHash: String)? {
        guard let m = try await UserModel.query(on: db).filter(\.$username == username).first() else { return nil }
        return (try AccountRecord(m), m.passwordHash)
    }

    public func count() async throws -> Int { try await UserModel.query(on: db).count() }

    public func update(_ id: UUID, _ change: AccountChange, by actor: AuditActor) async throws -> AccountRecord {
        try await db.transaction { db in
            guard let m = try await UserModel.find(id, on: db) else { throw Self.notFound(id) }
            let before = Self.auditState(m)
            let role = change.role ?? Role(rawValue: m.role) ?? .enterprise
            m.role = role.rawValue
            if let name = change.displayName { m.displayName = name }
            let binding = change.binding ?? AccountBinding(enterpriseCode: m.enterpriseCode, districtCode: m.districtCode,
                                                           departmentCode: m.departmentCode, institution: m.institution)
            Self.assign(binding.kept(for: role), to: m)
            if let disabled = change.disabled { m.disabled = disabled }
            if let email = change.email { m.email = email.isEmpty ? nil : email }
            if change.unlock {
                m.failedLogins = 0
                m.lockedUntil = nil
            }
            if let hash = change.passwordHash { m.passwordHash = hash }
            try await m.save(on: db)
            // A disabled account or a new password ends every web session: whoever held one
            // must sign in again. (API tokens stay, and stop working while the account is disabled.)
            if m.disabled || change.passwordHash != nil {
                try await WebSessionModel.query(on: db).filter(\.$user.$id == id).delete()
            }
            try await AuditTrail.append(AuditChange(action: "user.update", subjectType: "user", subjectID: id.uuidString.lowercased(),
                                                    before: before, after: Self.auditState(m, passwordChanged: change.passwordHash != nil)),
                                        by: actor, on: db)
            return try AccountRecord(m)
        }
    }

    /// A failed login: one more on the count, and the lock once the count reaches `lockAfter`
    /// (the count then starts again). The increment is one statement, so two servers counting
    /// at once lose no failure. Returns whether the account is now locked.
    @discardableResult
    public func recordFailedLogin(_ id: UUID, lockAfter: Int, lockFor: TimeInterval, now: Date = Date()) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        try await sql.update(UserModel.schema).set(SQLColumn("failed_logins"), to: SQLRaw("failed_logins + 1"))
            .where("id", .equal, SQLBind(id)).run()
        guard let m = try await UserModel.find(id, on: db), m.failedLogins >= lockAfter else { return false }
        m.failedLogins = 0
        m.lockedUntil = now.addingTimeInterval(lockFor)
        try await m.save(on: db)
        return true
    }

    /// A successful login: the count of failures starts again.
    public func recordSuccessfulLogin(_ id: UUID) async throws {
        try await UserModel.query(on: db).filter(\.$id == id).set(\.$failedLogins, to: 0).update()
    }
}
