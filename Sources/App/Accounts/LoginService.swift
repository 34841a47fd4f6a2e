import Foundation
import Registry
import Workflow

/// Checks a username and password: the rate limit first, then the account, its lock and its
/// password. Every refusal is the same `Unauthorized.loginFailed` — unknown name, wrong password,
/// disabled, locked — and takes the time of a Bcrypt check, so neither the answer nor its delay
/// tells which accounts exist. A locked account's right password is refused too.
struct LoginService: Sendable {
    let store: AccountStore
    let settings: AccessSettings
    let throttle: LoginThrottle
    let hasher: PasswordHasher

    func signIn(username: String, password: String, address: String, now: Date = Date()) async throws -> AccountRecord {
        let name = UsernameRules.normalized(username)
        if let wait = await throttle.attempt(["address:" + address, "user:" + name], now: now) {
            throw TooManyAttempts(retryAfter: wait)
        }
        guard let (account, hash) = try await store.credentials(of: name), !account.disabled, !account.isLocked(at: now) else {
            _ = await hasher.refuse(password)
            throw Unauthorized.loginFailed
        }
        guard try await hasher.verify(password, against: hash) else {
            try await store.recordFailedLogin(account.id, lockAfter: settings.lockAfterFailures,
                                              lockFor: TimeInterval(settings.lockMinutes * 60), now: now)
            throw Unauthorized.loginFailed
        }
        if account.failedLogins > 0 { try await store.recordSuccessfulLogin(account.id) }
        return account
    }
}
