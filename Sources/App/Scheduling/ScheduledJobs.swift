import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The jobs the scheduler runs: the platform's own (the mail sender) and those the workflow
/// adds — reminders, service-level checks, lapses — with `app.scheduledJobs.register(_:)`
/// during configuration. A job registered later is picked up at the next tick; a second job of
/// the same name is a programming error and stops the server at start.
public final class ScheduledJobs: Sendable {
    private let jobs = NIOLockedValueBox<[any ScheduledJob]>([])

    init() {}

    public func register(_ job: any ScheduledJob) {
        jobs.withLockedValue { jobs in
            precondition(!jobs.contains { $0.name == job.name }, "a scheduled job named \(job.name) is registered already")
            jobs.append(job)
        }
    }

    public var all: [any ScheduledJob] { jobs.withLockedValue { $0 } }
}

extension Application {
    private struct ScheduledJobsKey: StorageKey { typealias Value = ScheduledJobs }

    /// The jobs `renewal serve` runs on its schedule (see `ScheduledJob`).
    public var scheduledJobs: ScheduledJobs {
        if let jobs = storage[ScheduledJobsKey.self] { return jobs }
        let jobs = ScheduledJobs()
        storage[ScheduledJobsKey.self] = jobs
        return jobs
    }
}
