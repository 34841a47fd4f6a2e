import Registry
import Vapor

/// The sign-in page: `GET /login` the form, `POST /signin` its submission through the same
/// `LoginService` and web session as `POST /login`, `POST /signout` the end of the session. A
/// refusal says only that the name or the password was wrong or the account locked — never
/// which — as the service itself refuses (`Unauthorized.loginFailed`).
struct SignInPage: Sendable {
    let site: WebSite
    let sessions: SessionRoutes

    struct Body: Encodable {
        var username: String
        var error: String?
        var signedIn: Bool
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["login"], id: "signIn") { p in
            try await site.render(p, "login", titleKey: "login_title", Body(username: "", error: nil, signedIn: p.access != nil))
        }
        site.page(routes, .POST, ["signin"], id: "signInSubmit") { p in try await submit(p) }
        site.page(routes, .POST, ["signout"], id: "signOut") { p in try await sessions.logout(p.req) }
    }

    func submit(_ p: WebSite.PageRequest) async throws -> Response {
        let username = String(((try? p.req.content.get(String.self, at: "username")) ?? "").prefix(200))
        let password = String(((try? p.req.content.get(String.self, at: "password")) ?? "").prefix(1000))
        // No account has an empty name or password: refused as any refusal, without an attempt.
        guard !username.isEmpty, !password.isEmpty else {
            return try await site.render(p, "login", titleKey: "login_title",
                                         Body(username: username, error: site.catalogue.text("login_failed", p.lang), signedIn: false),
                                         status: .unauthorized)
        }
        do {
            let account = try await sessions.accounts.login(on: p.req.db).signIn(username: username, password: password, address: p.req.clientAddress)
            return try await sessions.startSession(p.req, for: account, then: "/")
        } catch is TooManyAttempts {
            return try await site.render(p, "login", titleKey: "login_title",
                                         Body(username: username, error: site.catalogue.text("login_throttled", p.lang), signedIn: false),
                                         status: .tooManyRequests)
        } catch let error as Unauthorized {
            _ = error
            return try await site.render(p, "login", titleKey: "login_title",
                                         Body(username: username, error: site.catalogue.text("login_failed", p.lang), signedIn: false),
                                         status: .unauthorized)
        }
    }
}
