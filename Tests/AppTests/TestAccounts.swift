@testable import App
import Foundation
import Registry
import Vapor
import Workflow

/// Accounts for tests: made straight in the store (as `renewal user add` would), each with a
/// bearer token, so a test acts as any role without going through the sign-in.
enum TestAccounts {
    private struct AdministratorKey: StorageKey { typealias Value = String }
    /// A password that meets the rules, for tests that sign in.
    static let password = "Test-Only-Passw0rd"

    /// A new account of `role` with a token of `scopes`; answers the token.
    static func token(_ app: Application, role: Role, enterpriseCode: String? = nil, district: String? = nil,
                      scopes: Set<TokenScope> = [.read, .write], username: String? = nil) async throws -> String {
        var fields = AccountAdministration.Fields()
        fields.role = role
        fields.enterpriseCode = enterpriseCode
        fields.district = district
        fields.department = role == .department ? "fgw" : nil
        fields.institution = role == .bank ? "上海测试银行" : nil
        let name = username ?? "\(role.rawValue.replacingOccurrences(of: "_", with: "-"))-\(UUID().uuidString.prefix(8).lowercased())"
        let admin = AccountAdministration(db: app.db, hasher: app.accountServices.hasher, vocabulary: app.policyLibrary.vocabulary)
        let account = try await admin.create(username: name, password: password, fields: fields)
        let secret = Secrets.newToken()
        _ = try await AccountStore(db: app.db).createToken(for: account.id, name: "test", secretHash: Secrets.hash(secret),
                                                           scopes: scopes, expiresAt: Date().addingTimeInterval(86_400))
        return secret
    }

    /// The administrator every `withApp` test acts as unless it says otherwise.
    static func prepareAdministrator(_ app: Application) async throws {
        app.storage[AdministratorKey.self] = try await token(app, role: .administrator, username: "test-admin")
    }

    static func administrator(_ app: Application) -> String { app.storage[AdministratorKey.self] ?? "" }
}

/// Who a test request is made as.
enum Caller: Sendable {
    /// The test's administrator (the default).
    case administrator
    case anonymous
    case bearer(String)

    func headers(_ app: Application) -> HTTPHeaders {
        var headers = HTTPHeaders()
        switch self {
        case .administrator: headers.bearerAuthorization = BearerAuthorization(token: TestAccounts.administrator(app))
        case .bearer(let token): headers.bearerAuthorization = BearerAuthorization(token: token)
        case .anonymous: break
        }
        return headers
    }
}

extension Application {
    /// The administrator's `Authorization` header, for tests that build their own requests.
    var adminHeaders: HTTPHeaders { Caller.administrator.headers(self) }
}
