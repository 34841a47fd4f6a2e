import Foundation
import Policy
import Registry

/// The workflow's daily work: reminders of deferred items due soon, then the lapse of
/// applications with an item past its due day. Each run does what is due on the platform's day
/// (a missed day's reminders are not sent late: the next run sends what is due then).
struct DeferralJob: ScheduledJob {
    let name = "workflow.deferrals"
    let period = JobPeriod.hourly

    func run(slot: JobSlot, context: JobContext) async throws {
        let store = context.services.applicationStore()
        let day = context.services.clock.today()
        let reminded = try await store.sendReminders(on: day) { notice, db in try await notice.post(on: db) }
        let lapsed = try await store.lapseOverdue(on: day) { notice, db in try await notice.post(on: db) }
        if reminded + lapsed > 0 {
            context.logger.info("deferred items", metadata: ["reminded": .stringConvertible(reminded), "lapsed": .stringConvertible(lapsed)])
        }
    }
}

/// Service levels of the review: steps at risk or breached are escalated to the city officer
/// (and their department told), each status once a step.
struct ServiceLevelJob: ScheduledJob {
    let name = "workflow.service-levels"
    let period = JobPeriod.hourly

    func run(slot: JobSlot, context: JobContext) async throws {
        let day = context.services.clock.today()
        let escalated = try await context.services.applicationStore().escalateReviewSteps(on: day) { notice, db in try await notice.post(on: db) }
        if escalated > 0 { context.logger.info("review steps escalated", metadata: ["count": .stringConvertible(escalated)]) }
    }
}
