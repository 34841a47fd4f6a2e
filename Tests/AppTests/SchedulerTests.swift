@testable import App
import FluentKit
import Foundation
import Policy
import Registry
import Testing
import Vapor
import Workflow

/// Scheduled work runs once per slot however many servers share the database: both servers
/// tick every slot, concurrently and repeatedly, and a job that posts one notice per run leaves
/// exactly one notice per slot.
@Suite struct SchedulerTests {
    /// Posts a notice titled with its slot: counting them counts the runs.
    struct NoticePerRun: ScheduledJob {
        let name = "test.notice-per-run"
        let period = JobPeriod.minutes(1)
        let reader: UUID

        func run(slot: JobSlot, context: JobContext) async throws {
            try await NoticeComposer(db: context.db).post(NoticeDraft(
                recipient: .user(reader), kind: "test.run",
                title: LocalizedText(zh: slot.key, en: slot.key), body: LocalizedText(zh: context.serverID, en: context.serverID)))
        }
    }

    struct Failing: ScheduledJob {
        struct Broken: Error, CustomStringConvertible { var description: String { "the job broke" } }
        let name = "test.failing"
        let period = JobPeriod.hourly
        func run(slot: JobSlot, context: JobContext) async throws { throw Broken() }
    }

    /// Runs until cancelled, and says so.
    struct UntilCancelled: ScheduledJob {
        final class Seen: @unchecked Sendable {
            private let lock = NSLock()
            private var _started = false, _cancelled = false
            var started: Bool { lock.withLock { _started } }
            var cancelled: Bool { lock.withLock { _cancelled } }
            func start() { lock.withLock { _started = true } }
            func cancel() { lock.withLock { _cancelled = true } }
        }
        let name = "test.until-cancelled"
        let period = JobPeriod.daily
        let seen: Seen
        func run(slot: JobSlot, context: JobContext) async throws {
            seen.start()
            do { try await Task.sleep(for: .seconds(3600)) } catch { seen.cancel(); throw error }
        }
    }

    static let base = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: TestDatabase.all)
    func twoServersRunEachSlotOnce(_ database: TestDatabase) async throws {
        try await withTwoServers(database) { a, b in
            let reader = UUID()
            a.scheduledJobs.register(NoticePerRun(reader: reader))
            b.scheduledJobs.register(NoticePerRun(reader: reader))
            let schedulers = [Scheduler(app: a, serverID: "server-a"), Scheduler(app: b, serverID: "server-b")]
            let slots = 25
            try await withThrowingTaskGroup(of: Void.self) { group in
                for slot in 0..<slots {
                    // Different moments within one slot: the slot, not the moment, is claimed.
                    for round in 0..<3 {
                        for scheduler in schedulers {
                            group.addTask { await scheduler.tick(now: Self.base.addingTimeInterval(Double(slot * 60 + round * 7))) }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let notices = try await NoticeStore(db: a.db).notices(ofKind: "test.run")
            let perSlot = Dictionary(grouping: notices, by: \.title.zh).mapValues(\.count)
            #expect(perSlot.count == slots)
            #expect(perSlot.values.allSatisfy { $0 == 1 }, "\(perSlot.filter { $0.value != 1 })")

            let claims = try await JobClaims(db: b.db).claims(of: "test.notice-per-run")
            #expect(claims.count == slots)
            #expect(claims.allSatisfy { $0.outcome == .succeeded && $0.finishedAt != nil })
            // Each claim names the server whose notice it is.
            let serverOfSlot = Dictionary(uniqueKeysWithValues: notices.map { ($0.title.zh, $0.body.zh) })
            #expect(claims.allSatisfy { serverOfSlot[$0.slot] == $0.claimedBy })
        }
    }

    @Test(arguments: TestDatabase.all)
    func aFailureIsRecordedOnTheClaimAndTheOtherJobsRun(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let reader = UUID()
            app.scheduledJobs.register(Failing())
            app.scheduledJobs.register(NoticePerRun(reader: reader))
            let scheduler = Scheduler(app: app, serverID: "server-a")
            let ran = await scheduler.tick(now: Self.base)
            #expect(ran.contains("test.failing") && ran.contains("test.notice-per-run"))
            // The same slot again: nothing runs (the failed slot is not retried within its hour).
            #expect(await scheduler.tick(now: Self.base.addingTimeInterval(30)).isEmpty)
            let claim = try #require(try await JobClaims(db: app.db).claims(of: "test.failing").first)
            #expect(claim.outcome == .failed("the job broke"))
        }
    }

    @Test func slotsAreShanghaiPeriods() {
        // 2027-01-15 08:00:00 UTC is 16:00 in Shanghai.
        let moment = Self.base
        #expect(JobPeriod.daily.slot(containing: moment).key == "2027-01-15T00:00+08:00")
        #expect(JobPeriod.daily.slot(containing: moment).start == Date(timeIntervalSince1970: 1_800_000_000 - 16 * 3600))
        #expect(JobPeriod.hourly.slot(containing: moment.addingTimeInterval(3599)).key == "2027-01-15T16:00+08:00")
        #expect(JobPeriod(seconds: 15).slot(containing: moment.addingTimeInterval(20)).key == "2027-01-15T16:00:15+08:00")
        #expect(JobPeriod.minutes(1).slot(containing: moment).end == moment.addingTimeInterval(60))
    }

    /// Shutting down stops a job that is running (it sees the cancellation) and returns.
    @Test func shutdownStopsARunningJob() async throws {
        var settings = AppSettings()
        settings.inMemory = true
        settings.schedulerInterval = .milliseconds(20)
        RenewalMetrics.bootstrap()
        let app = try await Application.make(.testing)
        let seen = UntilCancelled.Seen()
        do {
            try await configure(app, settings: settings)
            app.scheduledJobs.register(UntilCancelled(seen: seen))
            try await app.asyncBoot()
            let deadline = ContinuousClock.now + .seconds(600)
            while !seen.started, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
            #expect(seen.started)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        #expect(seen.cancelled)
    }

    /// `renewal serve`'s way: the scheduler starts when the application boots, ticks on its
    /// own, and stops with the application.
    @Test func theServerRunsItsSchedulerAndStopsIt() async throws {
        var settings = AppSettings()
        settings.inMemory = true
        settings.schedulerInterval = .milliseconds(20)
        settings.serverID = "server-loop"
        RenewalMetrics.bootstrap()
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: settings)
            let reader = UUID()
            app.scheduledJobs.register(NoticePerRun(reader: reader))
            try await app.asyncBoot()
            let deadline = ContinuousClock.now + .seconds(600)
            var claims: [JobClaim] = []
            while claims.isEmpty, ContinuousClock.now < deadline {
                claims = try await JobClaims(db: app.db).claims(of: "test.notice-per-run").filter { $0.finishedAt != nil }
                if claims.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(claims.first?.claimedBy == "server-loop")
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
