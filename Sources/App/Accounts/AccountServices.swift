import FluentKit
import Foundation
import Registry

/// What the accounts need beyond the database, made once at start and shared: the settings, the
/// password hasher (with its decoy) and the sign-in rate limit.
public struct AccountServices: Sendable {
    public let settings: AccessSettings
    public let hasher: PasswordHasher
    let throttle: LoginThrottle

    public init(settings: AccessSettings) throws {
        self.settings = settings
        hasher = try PasswordHasher(cost: settings.bcryptCost)
        throttle = LoginThrottle(limit: settings.loginAttemptsPerMinute, window: TimeInterval(settings.loginWindowSeconds))
    }

    func login(on db: any Database) -> LoginService {
        LoginService(store: AccountStore(db: db), settings: settings, throttle: throttle, hasher: hasher)
    }
}
