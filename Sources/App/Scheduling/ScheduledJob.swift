import Foundation

/// Work the server does on its own, once per period (a day for reminders, an hour for
/// service-level checks, a minute for the mail): the scheduler runs it for each slot in which
/// this server wins the claim, so with several servers on one database each slot runs once.
///
/// A run must do everything due by its slot's end, not only what fell inside the slot: a slot
/// missed while no server ran (or whose server died mid-run) is not run again, its work is
/// picked up by the next one. Register jobs with `app.scheduledJobs.register(_:)`.
public protocol ScheduledJob: Sendable {
    /// Unique among the registered jobs and stable across releases: it keys the claims.
    var name: String { get }
    var period: JobPeriod { get }
    /// Throwing records the failure on the slot's claim and in the log; the server goes on.
    func run(slot: JobSlot, context: JobContext) async throws
}
