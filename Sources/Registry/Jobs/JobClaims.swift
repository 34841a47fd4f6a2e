import FluentKit
import Foundation

/// Who runs a scheduled job's slot when several servers share the database: each inserts the
/// pair (job, slot), and the unique constraint lets exactly one insertion through — a single
/// statement, atomic on SQLite and PostgreSQL alike, with no lock held across the job's run.
///
/// A slot whose server died while running it stays claimed and unfinished (visible as such):
/// the job runs again at its next slot, so a job must do in one run whatever earlier slots left.
public struct JobClaims: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    /// The claim when this server won the slot; nil when another server (or this one, earlier)
    /// already has it.
    public func claim(job: String, slot: String, by server: String, at now: Date = Date()) async throws -> JobClaim? {
        let model = JobClaimModel()
        model.job = job
        model.slot = slot
        model.claimedBy = server
        model.claimedAt = now
        do {
            try await model.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return nil
        }
        return try JobClaim(model)
    }

    public func finish(_ claim: JobClaim, outcome: JobClaim.Outcome, at now: Date = Date()) async throws {
        let query = JobClaimModel.query(on: db).filter(\.$id == claim.id).set(\.$finishedAt, to: now)
        switch outcome {
        case .succeeded: query.set(\.$outcome, to: "succeeded")
        case .failed(let error): query.set(\.$outcome, to: "failed").set(\.$error, to: String(error.prefix(2000)))
        }
        try await query.update()
    }

    /// Deletes finished claims older than `date`; returns how many. Unfinished ones stay: they
    /// say a server stopped mid-run.
    @discardableResult
    public func prune(finishedBefore date: Date) async throws -> Int {
        func finished() -> QueryBuilder<JobClaimModel> {
            JobClaimModel.query(on: db).filter(\.$finishedAt != nil).filter(\.$finishedAt < date)
        }
        let count = try await finished().count()
        if count > 0 { try await finished().delete() }
        return count
    }

    /// A job's claims, the latest slot first.
    public func claims(of job: String, limit: Int = 100) async throws -> [JobClaim] {
        try await JobClaimModel.query(on: db).filter(\.$job == job).sort(\.$slot, .descending).limit(limit).all().map(JobClaim.init)
    }
}
