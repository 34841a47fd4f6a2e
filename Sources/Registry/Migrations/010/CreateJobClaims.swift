import FluentKit

/// Which server ran which slot of a scheduled job (item 7 of issue 10: scheduled work runs once
/// when servers share a database). The unique pair is the whole mechanism.
struct CreateJobClaims: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(JobClaimModel.schema)
            .id()
            .field("job", .string, .required)
            .field("slot", .string, .required)
            .field("claimed_by", .string, .required)
            .field("claimed_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("outcome", .string)
            .field("error", .string)
            .unique(on: "job", "slot")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(JobClaimModel.schema).delete()
    }
}
