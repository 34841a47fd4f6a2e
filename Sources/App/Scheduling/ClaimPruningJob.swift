import Foundation
import Registry

/// Deletes the claims of finished runs older than 90 days, once a day: the mail sender alone
/// claims a slot a minute, and a claim's use is to tell who ran what lately.
struct ClaimPruningJob: ScheduledJob {
    let name = "job_claims.prune"
    let period = JobPeriod.daily
    var keepDays = 90

    func run(slot: JobSlot, context: JobContext) async throws {
        let removed = try await JobClaims(db: context.db).prune(finishedBefore: slot.start.addingTimeInterval(-Double(keepDays) * 86_400))
        if removed > 0 { context.logger.info("old job claims removed", metadata: ["count": .stringConvertible(removed)]) }
    }
}
