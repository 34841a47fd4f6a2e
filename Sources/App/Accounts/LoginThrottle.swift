import Foundation

/// The rate limit of sign-ins: at most `limit` attempts per key in a sliding minute, one key for
/// the client's address and one for the username, so that neither one address trying many names
/// nor many addresses trying one name gets far. Kept in this server's memory: each server
/// counts its own (the lock, which is what holds across servers, is in the database).
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var attempts: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval = 60) {
        self.limit = limit
        self.window = window
    }

    /// Records an attempt under every key, or, when a key is at its limit, records nothing and
    /// answers the seconds until it may try again.
    func attempt(_ keys: [String], now: Date = Date()) -> Int? {
        if attempts.count > 10_000 { sweep(now) }
        var wait: TimeInterval = 0
        for key in keys {
            let recent = (attempts[key] ?? []).filter { now.timeIntervalSince($0) < window }
            attempts[key] = recent
            if recent.count >= limit, let first = recent.first {
                wait = max(wait, window - now.timeIntervalSince(first))
            }
        }
        if wait > 0 { return max(1, Int(wait.rounded(.up))) }
        for key in keys { attempts[key, default: []].append(now) }
        return nil
    }

    private func sweep(_ now: Date) {
        attempts = attempts.compactMapValues { dates in
            let recent = dates.filter { now.timeIntervalSince($0) < window }
            return recent.isEmpty ? nil : recent
        }
    }
}
