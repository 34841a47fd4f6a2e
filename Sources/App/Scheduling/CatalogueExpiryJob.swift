import Foundation
import Registry
import Workflow

/// The catalogue's daily sweep (十七): listings whose window closed before the platform's day
/// are ended, as `renewal catalogue expire` does by hand; each one audited in its transaction.
/// The engine reads the windows themselves, so a day's delay changes no plan: the sweep keeps the
/// products' status (what the catalogue's searches and pages show) in line with them.
struct CatalogueExpiryJob: ScheduledJob {
    let name = "catalogue.expiry"
    let period = JobPeriod.daily

    func run(slot: JobSlot, context: JobContext) async throws {
        let day = context.services.clock.today()
        let ended = try await context.services.catalogueStore()
            .expireLapsed(on: day, by: AuditActor(userID: nil, name: "system:catalogue-expiry", address: nil))
        if ended > 0 { context.logger.info("catalogue listings expired", metadata: ["count": .stringConvertible(ended)]) }
    }
}
