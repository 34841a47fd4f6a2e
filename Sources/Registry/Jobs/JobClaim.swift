import Foundation

/// One run of a scheduled job, as claimed: by which server, when, and how it ended.
public struct JobClaim: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case succeeded
        case failed(String)
    }

    public let id: UUID
    public let job: String
    public let slot: String
    public let claimedBy: String
    public let claimedAt: Date
    public let finishedAt: Date?
    /// Nil while it runs, or when its server stopped before it ended.
    public let outcome: Outcome?

    init(_ model: JobClaimModel) throws {
        id = try model.requireID()
        job = model.job
        slot = model.slot
        claimedBy = model.claimedBy
        claimedAt = model.claimedAt
        finishedAt = model.finishedAt
        switch model.outcome {
        case "succeeded": outcome = .succeeded
        case "failed": outcome = .failed(model.error ?? "")
        default: outcome = nil
        }
    }
}
