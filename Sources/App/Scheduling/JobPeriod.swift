import Foundation

/// How often a job runs. Periods are counted in Shanghai time (UTC+8, without summer time):
/// a daily job's slot is a calendar day there, from midnight to midnight.
public struct JobPeriod: Sendable, Hashable {
    public let seconds: Int

    public init(seconds: Int) {
        precondition(seconds > 0, "a job's period is at least a second")
        self.seconds = seconds
    }

    public static func minutes(_ n: Int) -> JobPeriod { JobPeriod(seconds: n * 60) }
    public static let hourly = JobPeriod(seconds: 3600)
    public static let daily = JobPeriod(seconds: 86_400)

    /// Shanghai's offset from UTC.
    static let offset = 8 * 3600

    /// The slot `date` falls in.
    public func slot(containing date: Date) -> JobSlot {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + Self.offset
        // Floor division, so that instants before 1970 fall in the right slot too.
        let index = local >= 0 ? local / seconds : (local - seconds + 1) / seconds
        let start = index * seconds - Self.offset
        return JobSlot(start: Date(timeIntervalSince1970: TimeInterval(start)),
                       end: Date(timeIntervalSince1970: TimeInterval(start + seconds)),
                       key: Self.key(localSeconds: index * seconds, withSeconds: seconds % 60 != 0))
    }

    /// `2026-12-01T09:00+08:00`: readable in the claims table, and ordered as the slots are.
    static func key(localSeconds: Int, withSeconds: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(localSeconds)))
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        var key = "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute))"
        if withSeconds { key += ":\(two(c.second))" }
        return key + "+08:00"
    }
}

/// One period of a job: the key its claim is made under, and when it begins and ends.
public struct JobSlot: Sendable, Hashable {
    public let start: Date
    public let end: Date
    public let key: String
}
