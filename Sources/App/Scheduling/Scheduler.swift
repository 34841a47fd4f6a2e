import Foundation
import Logging
import Registry
import Vapor

/// Runs the registered jobs: every `interval`, each job for the slot the moment falls in, if
/// this server wins that slot's claim (`JobClaims`). The jobs of one tick run side by side, so
/// a slow one (a mail server that does not answer) holds back no other; the next tick waits
/// for this one to end.
///
/// A job's failure is logged and recorded on its claim; it never reaches the server.
public actor Scheduler {
    public let serverID: String
    let jobs: ScheduledJobs
    let services: PlatformServices
    private var loop: Task<Void, Never>?

    init(jobs: ScheduledJobs, services: PlatformServices, serverID: String) {
        self.jobs = jobs
        self.services = services
        self.serverID = serverID
    }

    /// A scheduler for the application's jobs and database, claiming as `serverID`.
    public init(app: Application, serverID: String) {
        self.init(jobs: app.scheduledJobs, services: app.platformServices, serverID: serverID)
    }

    /// Runs each job whose slot at `now` this server claims; returns the names of those it ran.
    @discardableResult
    public nonisolated func tick(now: Date = Date()) async -> [String] {
        let context = JobContext(now: now, serverID: serverID, logger: services.logger, services: services)
        // One job after another: the jobs are short, and SQLite (one writer at a time, and an
        // in-memory database that refuses a second writer outright) is spared jobs' transactions
        // competing within one server. The servers still compete for each slot's claim.
        var ran: [String] = []
        for job in jobs.all where await runIfClaimed(job, context: context) { ran.append(job.name) }
        return ran.sorted()
    }

    private nonisolated func runIfClaimed(_ job: any ScheduledJob, context: JobContext) async -> Bool {
        let slot = job.period.slot(containing: context.now)
        let claims = JobClaims(db: context.db)
        let metadata: Logger.Metadata = ["job": .string(job.name), "slot": .string(slot.key), "server": .string(serverID)]
        let claim: JobClaim
        do {
            guard let won = try await claims.claim(job: job.name, slot: slot.key, by: serverID, at: context.now) else { return false }
            claim = won
        } catch {
            context.logger.error("scheduled job not claimed: the database refused", metadata: metadata.merging(["error": .string(String(describing: error))]) { $1 })
            return false
        }
        let outcome: JobClaim.Outcome
        do {
            try await job.run(slot: slot, context: context)
            outcome = .succeeded
            context.logger.debug("scheduled job ran", metadata: metadata)
        } catch is CancellationError {
            outcome = .failed("stopped: the server shut down")
            context.logger.notice("scheduled job stopped by the shutdown", metadata: metadata)
        } catch {
            outcome = .failed(String(describing: error))
            context.logger.error("scheduled job failed", metadata: metadata.merging(["error": .string(String(describing: error))]) { $1 })
        }
        do {
            try await claims.finish(claim, outcome: outcome, at: Date())
        } catch {
            context.logger.error("scheduled job's end not recorded", metadata: metadata.merging(["error": .string(String(describing: error))]) { $1 })
        }
        return true
    }

    /// Ticks now and then every `interval` until `stop()`.
    public func start(interval: Duration) {
        guard loop == nil else { return }
        loop = Task { [self] in
            while !Task.isCancelled {
                await tick()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Cancels the loop and waits for the running tick to end (jobs see the cancellation and
    /// stop between two pieces of work).
    public func stop() async {
        let running = loop
        loop = nil
        running?.cancel()
        await running?.value
    }
}

/// Starts the scheduler when the server has booted and stops it first thing at shutdown, while
/// the database is still open.
struct SchedulerLifecycle: LifecycleHandler {
    let scheduler: Scheduler
    let interval: Duration

    func didBootAsync(_ application: Application) async throws {
        await scheduler.start(interval: interval)
        application.logger.info("scheduled work started", metadata: ["server": .string(scheduler.serverID), "interval": .string("\(interval)"),
                                                                      "jobs": .string(application.scheduledJobs.all.map(\.name).joined(separator: ","))])
    }

    func shutdownAsync(_ application: Application) async {
        await scheduler.stop()
    }
}
