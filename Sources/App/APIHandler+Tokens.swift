import API
import Foundation
import Policy
import Registry
import Workflow

/// Sign-in for a token, the caller's tokens, revocation, and who the caller is.
extension APIHandler {
    var accounts: AccountStore { AccountStore(db: services.database()) }

    func createToken(_ input: Operations.CreateToken.Input) async throws -> Operations.CreateToken.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let settings = services.accounts.settings
        var issues: [ValidationIssue] = []
        let days = body.expiresInDays ?? settings.tokenDays
        if !(1...settings.tokenMaxDays).contains(days) {
            issues.append(ValidationIssue(path: "$.expiresInDays", zh: "有效天数应在 1 到 \(settings.tokenMaxDays) 之间", en: "must be between 1 and \(settings.tokenMaxDays) days"))
        }
        check(body.name, .name, at: "$.name", into: &issues)
        try refuse(issues)
        let address = RequestContext.current?.address ?? "unknown"
        let account = try await services.accounts.login(on: services.database()).signIn(username: body.username, password: body.password, address: address)
        let scopes = Set((body.scopes ?? [.read, .write]).compactMap { TokenScope(rawValue: $0.rawValue) }).union([.read])
        let secret = Secrets.newToken()
        let record = try await accounts.createToken(for: account.id, name: body.name?.trimmingCharacters(in: .whitespaces) ?? "api",
                                                    secretHash: Secrets.hash(secret), scopes: scopes,
                                                    expiresAt: Date().addingTimeInterval(TimeInterval(days) * 86_400),
                                                    by: AuditActor(userID: account.id, name: account.username, address: address))
        return .created(.init(body: .json(.init(token: secret, tokenType: .bearer, record: Self.token(record)))))
    }

    func listTokens(_ input: Operations.ListTokens.Input) async throws -> Operations.ListTokens.Output {
        .ok(.init(body: .json(try await accounts.tokens(of: try access().account.id).map(Self.token))))
    }

    func revokeToken(_ input: Operations.RevokeToken.Input) async throws -> Operations.RevokeToken.Output {
        try await accounts.revokeToken(try uuid(input.path.id), of: try access().account.id, by: currentActor())
        return .noContent(.init())
    }

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let access = try access()
        return .ok(.init(body: .json(.init(account: Self.account(access.account), via: access.via == .token ? .token : .session,
                                           scopes: TokenScope.allCases.filter(access.scopes.contains).compactMap { .init(rawValue: $0.rawValue) }))))
    }

    static func token(_ t: TokenRecord) -> Components.Schemas.TokenRecord {
        .init(id: t.id.uuidString.lowercased(), name: t.name,
              scopes: TokenScope.allCases.filter(t.scopes.contains).compactMap { .init(rawValue: $0.rawValue) },
              expiresAt: t.expiresAt, revokedAt: t.revokedAt, lastUsedAt: t.lastUsedAt, createdAt: t.createdAt, active: t.isValid(at: Date()))
    }

    static func account(_ a: AccountRecord) -> Components.Schemas.Account {
        .init(id: a.id.uuidString.lowercased(), username: a.username, role: .init(rawValue: a.role.rawValue) ?? .enterprise,
              displayName: a.displayName, email: a.email, enterpriseCode: a.binding.enterpriseCode, district: a.binding.districtCode,
              department: a.binding.departmentCode, institution: a.binding.institution, disabled: a.disabled,
              locked: a.isLocked(at: Date()), lockedUntil: a.lockedUntil, failedLogins: a.failedLogins,
              createdAt: a.createdAt, updatedAt: a.updatedAt)
    }
}
