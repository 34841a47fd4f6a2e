import FluentKit
import Foundation
import Registry
import Vapor

/// The account behind a request's credential: `Authorization: Bearer <token>` first, else the
/// web session's cookie. No credential is nil (the rule then decides: 401 where an account is
/// needed); a credential that is not good is 401 at once, whatever the route.
struct Authenticator: Sendable {
    let database: @Sendable (Request) -> any Database

    func authenticate(_ request: Request) async throws -> RequestAccess? {
        let store = AccountStore(db: database(request))
        if let header = request.headers.first(name: .authorization) {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw Unauthorized.invalid }
            let secret = parts[1].trimmingCharacters(in: .whitespaces)
            guard let (account, token) = try await store.bearer(Secrets.hash(secret)) else { throw Unauthorized.invalid }
            return RequestAccess(account: account, scopes: token.scopes, via: .token)
        }
        if let cookie = request.cookies[SessionCookie.name]?.string, !cookie.isEmpty {
            guard let account = try await store.session(Secrets.hash(cookie)) else { throw Unauthorized.invalid }
            try Self.sameSite(request)
            return RequestAccess(account: account, scopes: [.read, .write], via: .session)
        }
        return nil
    }

    /// A browser's request that changes something must come from the platform's own pages:
    /// SameSite=Lax keeps the cookie off most cross-site requests, and a cross-site `Origin`
    /// on a write is refused besides.
    static func sameSite(_ request: Request) throws {
        guard request.method != .GET, request.method != .HEAD, let origin = request.headers.first(name: .origin) else { return }
        let originHost = URLComponents(string: origin)?.host.map { h in URLComponents(string: origin)?.port.map { "\(h):\($0)" } ?? h }
        guard let host = request.headers.first(name: .host), originHost == host else { throw Forbidden.crossSite }
    }
}
