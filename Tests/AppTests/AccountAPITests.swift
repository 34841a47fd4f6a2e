@testable import App
import FluentKit
import Foundation
import Registry
import Testing
import Vapor
import VaporTesting
import Workflow

/// Sign-in, tokens and their scopes, the web session, the password rules, the lock and the rate
/// limit, through the API.
@Suite struct AccountAPITests {
    static func signIn(_ app: Application, _ username: String, _ password: String, extra: String = "") async throws -> (status: HTTPStatus, body: [String: Any], raw: String) {
        try await app.call(.POST, "api/tokens", json: #"{"username": "\#(username)", "password": "\#(password)"\#(extra)}"#, as: .anonymous)
    }

    @Test(arguments: TestDatabase.all)
    func aTokenIsShownOnceListedWithoutItsSecretAndStopsWhenRevoked(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            _ = try await TestAccounts.token(app, role: .cityOfficer, username: "wang.fang")
            var r = try await Self.signIn(app, "Wang.Fang", TestAccounts.password, extra: #", "name": "报表脚本""#)
            #expect(r.status == .created, "\(r.raw)")
            let token = try #require(r.body["token"] as? String)
            #expect(token.hasPrefix("rnw_"))
            let record = try #require(r.body["record"] as? [String: Any])
            #expect(record["scopes"] as? [String] == ["read", "write"])
            let id = try #require(record["id"] as? String)

            r = try await app.call(.GET, "api/me", as: .bearer(token))
            #expect(r.status == .ok && (r.body["account"] as? [String: Any])?["role"] as? String == "city_officer" && r.body["via"] as? String == "token")
            r = try await app.call(.GET, "api/tokens", as: .bearer(token))
            #expect(r.status == .ok && !r.raw.contains(token) && r.raw.contains("报表脚本"))

            // The secret is not stored: the table holds its SHA-256 only.
            let stored = try await APITokenModel.query(on: app.db).all().map(\.tokenHash)
            #expect(stored.contains(Secrets.hash(token)) && !stored.contains(token))

            r = try await app.call(.DELETE, "api/tokens/\(id)", as: .bearer(token))
            #expect(r.status == .noContent)
            var challenge: String?
            try await app.testing().test(.GET, "api/me", headers: Caller.bearer(token).headers(app)) { res in
                #expect(res.status == .unauthorized)
                challenge = res.headers.first(name: .wwwAuthenticate)
            }
            #expect(challenge?.hasPrefix("Bearer") == true)
            r = try await app.call(.GET, "api/projects", as: .anonymous)
            #expect(r.status == .unauthorized && r.body["error"] as? String == "unauthorized")
            // HEAD is GET's: the same rule.
            try await app.testing().test(.HEAD, "api/projects") { res in #expect(res.status == .unauthorized) }
            try await app.testing().test(.HEAD, "api/projects", headers: app.adminHeaders) { res in #expect(res.status == .ok) }
            // Another account's token cannot be revoked, nor found.
            r = try await app.call(.DELETE, "api/tokens/\(id)")
            #expect(r.status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aReadOnlyTokenReadsButNeverWrites(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let token = try await TestAccounts.token(app, role: .administrator, scopes: [.read])
            var r = try await app.call(.GET, "api/enterprises", as: .bearer(token))
            #expect(r.status == .ok)
            r = try await app.call(.POST, "api/enterprises", json: try Fixtures.json(Fixtures.enterprise), as: .bearer(token))
            #expect(r.status == .forbidden && r.body["error"] as? String == "forbidden", "\(r.raw)")
            r = try await app.call(.GET, "api/enterprises/\(Fixtures.enterprise["creditCode"]!)")
            #expect(r.status == .notFound)
            // A token asked for with the read scope alone is read-only too.
            _ = try await TestAccounts.token(app, role: .cityOfficer, username: "reader")
            r = try await Self.signIn(app, "reader", TestAccounts.password, extra: #", "scopes": ["read"], "expiresInDays": 7"#)
            #expect((r.body["record"] as? [String: Any])?["scopes"] as? [String] == ["read"])
            r = try await app.call(.POST, "api/lists", json: #"{"number": "2025-01", "title": "清单"}"#, as: .bearer(r.body["token"] as? String ?? ""))
            #expect(r.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aWeakPasswordIsRefusedNamingTheFieldChineseFirst(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var r = try await app.call(.POST, "api/users", json: #"{"username": "zhang.san", "password": "zhang.san", "role": "city_officer"}"#)
            #expect(r.status == .unprocessableEntity && r.body["error"] as? String == "validation_failed")
            let issues = r.body["issues"] as? [[String: Any]] ?? []
            #expect(issues.allSatisfy { $0["path"] as? String == "$.password" } && issues.count == 3, "\(r.raw)")
            #expect((issues.first?["message"] as? [String: String])?["zh"]?.contains("密码") == true)
            r = try await app.call(.POST, "api/users", json: #"{"username": "zhang.san", "password": "Password1234", "role": "city_officer"}"#)
            #expect(r.status == .unprocessableEntity && r.raw.contains("too common"))
            // A role's binding is required, and a district is kept as its division code.
            r = try await app.call(.POST, "api/users", json: #"{"username": "zhang.san", "password": "Quite-Long-Secret-9", "role": "district_officer"}"#)
            #expect(r.status == .unprocessableEntity && r.raw.contains("$.district"))
            r = try await app.call(.POST, "api/users", json: #"{"username": "zhang.san", "password": "Quite-Long-Secret-9", "role": "district_officer", "district": "pudong", "enterpriseCode": "ignored"}"#)
            #expect(r.status == .created && r.body["district"] as? String == "310115" && r.body["enterpriseCode"] == nil, "\(r.raw)")
            r = try await app.call(.POST, "api/users", json: #"{"username": "ZHANG.SAN", "password": "Quite-Long-Secret-9", "role": "city_officer"}"#)
            #expect(r.status == .conflict)
        }
    }

    @Test(arguments: TestDatabase.all)
    func fiveFailuresLockTheAccountAndTheAnswerNeverTellsWhichAccountsExist(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            _ = try await TestAccounts.token(app, role: .cityOfficer, username: "locked.out")
            let unknown = try await Self.signIn(app, "nobody.here", "Whatever-Pass-1")
            for _ in 1...5 {
                let r = try await Self.signIn(app, "locked.out", "Wrong-Password-1")
                #expect(r.status == .unauthorized && r.body["message"] as? [String: String] == unknown.body["message"] as? [String: String])
            }
            #expect(unknown.status == .unauthorized)
            // Locked: the right password is refused, with the same answer.
            var r = try await Self.signIn(app, "locked.out", TestAccounts.password)
            #expect(r.status == .unauthorized && r.body["message"] as? [String: String] == unknown.body["message"] as? [String: String])
            let account = try #require(try await AccountStore(db: app.db).credentials(of: "locked.out")?.account)
            #expect(account.isLocked(at: Date()))
            #expect(account.lockedUntil.map { $0.timeIntervalSinceNow > 14 * 60 } == true)
            // The administrator unlocks it.
            r = try await app.call(.PATCH, "api/users/\(account.id.uuidString)", json: #"{"unlock": true}"#)
            #expect(r.status == .ok && r.body["locked"] as? Bool == false)
            r = try await Self.signIn(app, "locked.out", TestAccounts.password)
            #expect(r.status == .created)
        }
    }

    @Test(arguments: TestDatabase.all)
    func signInsBeyondTheRateAreRefusedWithRetryAfter(_ database: TestDatabase) async throws {
        // An hour's window: on a loaded machine ten sign-ins can outlast a minute, and the first
        // would drop out of the window before the eleventh (the window's arithmetic itself is
        // `theThrottleCountsPerKeyInASlidingMinute`'s, on fixed times).
        try await withApp(database, settings: { $0.access.loginWindowSeconds = 3600 }) { app in
            // Ten attempts a minute from one address (each for another name, so no lock intervenes).
            for i in 1...10 {
                let r = try await Self.signIn(app, "guess\(i)", "Whatever-Pass-1")
                #expect(r.status == .unauthorized)
            }
            var retryAfter: String?
            try await app.testing().test(.POST, "api/tokens", beforeRequest: { req in
                req.headers.contentType = .json
                req.body = ByteBuffer(string: #"{"username": "guess11", "password": "Whatever-Pass-1"}"#)
            }, afterResponse: { res in
                #expect(res.status == .tooManyRequests)
                retryAfter = res.headers.first(name: .retryAfter)
            })
            #expect(retryAfter.flatMap(Int.init).map { (3000...3600).contains($0) } == true, "\(retryAfter ?? "nil")")
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAdministratorCannotLockThemselvesOut(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var r = try await app.call(.GET, "api/me")
            let id = try #require((r.body["account"] as? [String: Any])?["id"] as? String)
            r = try await app.call(.PATCH, "api/users/\(id)", json: #"{"disabled": true}"#)
            #expect(r.status == .conflict)
            r = try await app.call(.PATCH, "api/users/\(id)", json: #"{"role": "city_officer"}"#)
            #expect(r.status == .conflict)
            r = try await app.call(.PATCH, "api/users/\(id)", json: #"{"displayName": "管理员"}"#)
            #expect(r.status == .ok && r.body["displayName"] as? String == "管理员")
        }
    }

    @Test func theThrottleCountsPerKeyInASlidingMinute() async {
        let throttle = LoginThrottle(limit: 2)
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        #expect(await throttle.attempt(["a", "u"], now: t0) == nil)
        #expect(await throttle.attempt(["a", "v"], now: t0.addingTimeInterval(10)) == nil)
        #expect(await throttle.attempt(["a", "w"], now: t0.addingTimeInterval(20)) == 40)
        #expect(await throttle.attempt(["b", "u"], now: t0.addingTimeInterval(20)) == nil)
        #expect(await throttle.attempt(["a", "w"], now: t0.addingTimeInterval(61)) == nil)
    }

    @Test(arguments: TestDatabase.all)
    func theWebSessionSignsInWithACookieKeptInTheDatabase(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            _ = try await TestAccounts.token(app, role: .districtOfficer, district: "pudong", username: "web.user")
            var cookie: String?
            try await app.testing().test(.POST, "login", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: "username=web.user&password=\(TestAccounts.password)")
            }, afterResponse: { res in
                #expect(res.status == .seeOther)
                let setCookie = res.headers[.setCookie].first ?? ""
                #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/"), "\(setCookie)")
                cookie = res.headers.setCookie?[SessionCookie.name]?.string
            })
            let secret = try #require(cookie)
            #expect(try await WebSessionModel.query(on: app.db).filter(\.$tokenHash == Secrets.hash(secret)).count() == 1)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .cookie, value: "\(SessionCookie.name)=\(secret)")
            try await app.testing().test(.GET, "api/me", headers: headers) { res in
                let me = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [String: Any]
                #expect(res.status == .ok && me?["via"] as? String == "session", "\(res.body.string)")
            }
            // A write from another site's page is refused even with the cookie.
            var crossSite = headers
            crossSite.replaceOrAdd(name: .origin, value: "https://evil.example")
            crossSite.replaceOrAdd(name: .host, value: "renewal.example")
            crossSite.contentType = .json
            try await app.testing().test(.POST, "api/enterprises", headers: crossSite, body: ByteBuffer(string: try Fixtures.json(Fixtures.enterprise))) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(.POST, "logout", headers: headers) { res in #expect(res.status == .seeOther) }
            try await app.testing().test(.GET, "api/me", headers: headers) { res in #expect(res.status == .unauthorized) }
            // A wrong password sets no cookie.
            try await app.testing().test(.POST, "login", beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: "username=web.user&password=wrong")
            }, afterResponse: { res in
                #expect(res.status == .unauthorized && res.headers[.setCookie].isEmpty)
            })
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDisabledAccountsTokensStopAndLifetimesHaveTheirLimit(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let token = try await TestAccounts.token(app, role: .cityOfficer, username: "leaving")
            var r = try await Self.signIn(app, "leaving", TestAccounts.password, extra: #", "expiresInDays": 400"#)
            #expect(r.status == .unprocessableEntity && r.raw.contains("$.expiresInDays"))
            r = try await app.call(.GET, "api/me", as: .bearer(token))
            let id = try #require((r.body["account"] as? [String: Any])?["id"] as? String)
            r = try await app.call(.PATCH, "api/users/\(id)", json: #"{"disabled": true}"#)
            #expect(r.status == .ok && r.body["disabled"] as? Bool == true)
            r = try await app.call(.GET, "api/me", as: .bearer(token))
            #expect(r.status == .unauthorized)
            r = try await Self.signIn(app, "leaving", TestAccounts.password)
            #expect(r.status == .unauthorized)
        }
    }
}
