import FluentKit
import Foundation
import Policy
import Workflow

/// API tokens and web sessions, found by the SHA-256 of their secret.
extension AccountStore {
    /// A token's last use is written at most this often: not a write on every request.
    static let lastUsedResolution: TimeInterval = 60

    public func createToken(for userID: UUID, name: String, secretHash: String, scopes: Set<TokenScope>, expiresAt: Date) async throws -> TokenRecord {
        let m = APITokenModel()
        m.$user.id = userID
        m.name = name
        m.tokenHash = secretHash
        m.scopes = TokenScope.allCases.filter(scopes.contains).map(\.rawValue).joined(separator: ",")
        m.expiresAt = expiresAt
        try await m.create(on: db)
        return try TokenRecord(m)
    }

    /// The account's tokens, newest first (revoked and expired ones included, marked so).
    public func tokens(of userID: UUID) async throws -> [TokenRecord] {
        try await APITokenModel.query(on: db).filter(\.$user.$id == userID).sort(\.$createdAt, .descending).all().map(TokenRecord.init)
    }

    /// Revokes one of the account's tokens; another account's token is "not found".
    public func revokeToken(_ id: UUID, of userID: UUID, now: Date = Date()) async throws {
        guard let m = try await APITokenModel.query(on: db).filter(\.$id == id).filter(\.$user.$id == userID).first() else {
            throw RegistryError.notFound(LocalizedText(zh: "未找到令牌 \(id.uuidString.lowercased())", en: "no token \(id.uuidString.lowercased())"))
        }
        if m.revokedAt == nil {
            m.revokedAt = now
            try await m.save(on: db)
        }
    }

    /// The account and token of a bearer secret's hash, when the token is neither revoked nor
    /// expired and its account is not disabled; records the use.
    public func bearer(_ secretHash: String, now: Date = Date()) async throws -> (account: AccountRecord, token: TokenRecord)? {
        guard let m = try await APITokenModel.query(on: db).filter(\.$tokenHash == secretHash).with(\.$user).first() else { return nil }
        let token = try TokenRecord(m)
        let account = try AccountRecord(m.user)
        guard token.isValid(at: now), !account.disabled else { return nil }
        if (m.lastUsedAt.map { now.timeIntervalSince($0) >= Self.lastUsedResolution }) ?? true {
            try await APITokenModel.query(on: db).filter(\.$id == token.id).set(\.$lastUsedAt, to: now).update()
        }
        return (account, token)
    }

    /// A new session; the account's expired ones are cleared on the way, so the table holds
    /// only what may still be used.
    public func createSession(for userID: UUID, secretHash: String, expiresAt: Date, now: Date = Date()) async throws {
        try await WebSessionModel.query(on: db).filter(\.$user.$id == userID).filter(\.$expiresAt <= now).delete()
        let m = WebSessionModel()
        m.$user.id = userID
        m.tokenHash = secretHash
        m.expiresAt = expiresAt
        try await m.create(on: db)
    }

    /// The account of a session cookie's hash, while the session lasts and the account is enabled.
    public func session(_ secretHash: String, now: Date = Date()) async throws -> AccountRecord? {
        guard let m = try await WebSessionModel.query(on: db).filter(\.$tokenHash == secretHash).with(\.$user).first(),
              m.expiresAt > now else { return nil }
        let account = try AccountRecord(m.user)
        return account.disabled ? nil : account
    }

    public func endSession(_ secretHash: String) async throws {
        try await WebSessionModel.query(on: db).filter(\.$tokenHash == secretHash).delete()
    }
}
