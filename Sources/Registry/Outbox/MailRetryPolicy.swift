import Foundation

/// When a mail that was not delivered is tried again: after a minute, then twice as long each
/// time up to six hours, and not after the twelfth attempt (about a day in all) — a mailbox
/// refused that long is wrong, and an officer should see it in the queue instead.
public struct MailRetryPolicy: Sendable, Equatable {
    public var firstDelay: TimeInterval = 60
    public var maxDelay: TimeInterval = 6 * 3600
    public var maxAttempts = 12

    public init() {}

    /// When to try after the `attempt`-th attempt (1 for the first) failed at `now`; nil to give up.
    public func nextAttempt(after attempt: Int, failedAt now: Date) -> Date? {
        guard attempt < maxAttempts else { return nil }
        let delay = min(maxDelay, firstDelay * pow(2, Double(max(0, attempt - 1))))
        return now.addingTimeInterval(delay)
    }
}
