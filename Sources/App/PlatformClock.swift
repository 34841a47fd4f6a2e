import Foundation
import Policy

/// The platform's today: the calendar day in Shanghai, unless the server is started with a fixed
/// day (`RENEWAL_TODAY=YYYY-MM-DD`, for a demonstration or a test of a deadline). Every deadline
/// — due days, service levels, lapses — is counted from it.
public struct PlatformClock: Sendable {
    let fixed: Day?

    public init(fixed: Day? = nil) { self.fixed = fixed }

    public func today() -> Day {
        if let fixed { return fixed }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
