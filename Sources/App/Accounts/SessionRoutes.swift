import Foundation
import Registry
import Vapor

/// The web's sign-in and sign-out (the pages come later; the form's fields are fixed now):
/// `POST /login` with `username` and `password` as a form sets the session cookie and sends the
/// browser on (303) to `/`; `POST /logout` ends the session everywhere. A refused sign-in is the
/// API's 401 (or 429), the same as `POST /api/tokens`.
struct SessionRoutes: Sendable {
    let accounts: AccountServices

    struct Form: Content {
        var username: String
        var password: String
    }

    func register(on routes: any RoutesBuilder) {
        routes.post("login") { req async throws -> Response in try await login(req) }
        routes.post("logout") { req async throws -> Response in try await logout(req) }
    }

    func login(_ req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let account = try await accounts.login(on: req.db).signIn(username: form.username, password: form.password, address: req.clientAddress)
        return try await startSession(req, for: account, then: "/")
    }

    /// A new web session for a signed-in account, its cookie set on the redirect (the sign-in
    /// page's form comes here too).
    func startSession(_ req: Request, for account: AccountRecord, then path: String) async throws -> Response {
        let secret = Secrets.newSession()
        let expires = Date().addingTimeInterval(TimeInterval(accounts.settings.sessionHours * 3600))
        try await AccountStore(db: req.db).createSession(for: account.id, secretHash: Secrets.hash(secret), expiresAt: expires)
        let response = req.redirect(to: path, redirectType: .normal)
        response.cookies[SessionCookie.name] = SessionCookie.value(secret, settings: accounts.settings)
        return response
    }

    func logout(_ req: Request) async throws -> Response {
        if let secret = req.cookies[SessionCookie.name]?.string, !secret.isEmpty {
            try await AccountStore(db: req.db).endSession(Secrets.hash(secret))
        }
        let response = req.redirect(to: "/", redirectType: .normal)
        response.cookies[SessionCookie.name] = SessionCookie.expired(settings: accounts.settings)
        return response
    }
}
