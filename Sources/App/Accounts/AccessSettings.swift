import Foundation

/// The numbers of sign-in and access, in one place: token lifetimes, the session's, the rate
/// limit and the lock, Bcrypt's cost. Set from the environment (`fromEnvironment`); tests lower
/// the cost so that hashing does not dominate them.
public struct AccessSettings: Sendable {
    /// A new token's lifetime when the request names none (days).
    public var tokenDays = 30
    /// The longest lifetime a token may ask for (days).
    public var tokenMaxDays = 365
    /// How long a web session lasts from sign-in (hours).
    public var sessionHours = 12
    /// Sign-in attempts allowed per minute from one client address, and for one username.
    public var loginAttemptsPerMinute = 10
    /// The rate limit's sliding window (seconds): a minute. Longer only where the attempts
    /// themselves may take a while — a test of the limit on a loaded machine, where ten
    /// sign-ins might otherwise outlast the minute and the first drop out before the eleventh.
    public var loginWindowSeconds = 60
    /// Consecutive failed sign-ins that lock an account.
    public var lockAfterFailures = 5
    /// How long the lock lasts (minutes).
    public var lockMinutes = 15
    /// Bcrypt's cost factor (2^cost rounds; 4 to 31).
    public var bcryptCost = 12
    /// Mark the session cookie `Secure` (HTTPS only): on wherever the server is behind TLS.
    public var secureCookie = false

    public init() {}

    /// RENEWAL_TOKEN_DAYS, RENEWAL_TOKEN_MAX_DAYS, RENEWAL_SESSION_HOURS,
    /// RENEWAL_LOGIN_ATTEMPTS_PER_MINUTE, RENEWAL_LOCK_AFTER_FAILURES, RENEWAL_LOCK_MINUTES,
    /// RENEWAL_BCRYPT_COST, RENEWAL_SECURE_COOKIE (1 or true).
    public static func fromEnvironment(_ env: [String: String]) -> AccessSettings {
        var s = AccessSettings()
        func int(_ key: String, _ range: ClosedRange<Int>) -> Int? { env[key].flatMap(Int.init).flatMap { range.contains($0) ? $0 : nil } }
        if let v = int("RENEWAL_TOKEN_DAYS", 1...36500) { s.tokenDays = v }
        if let v = int("RENEWAL_TOKEN_MAX_DAYS", 1...36500) { s.tokenMaxDays = v }
        if let v = int("RENEWAL_SESSION_HOURS", 1...8760) { s.sessionHours = v }
        if let v = int("RENEWAL_LOGIN_ATTEMPTS_PER_MINUTE", 1...100_000) { s.loginAttemptsPerMinute = v }
        if let v = int("RENEWAL_LOCK_AFTER_FAILURES", 1...1000) { s.lockAfterFailures = v }
        if let v = int("RENEWAL_LOCK_MINUTES", 1...100_000) { s.lockMinutes = v }
        if let v = int("RENEWAL_BCRYPT_COST", 4...31) { s.bcryptCost = v }
        if let v = env["RENEWAL_SECURE_COOKIE"] { s.secureCookie = v == "1" || v.lowercased() == "true" }
        s.tokenDays = min(s.tokenDays, s.tokenMaxDays)
        return s
    }
}
