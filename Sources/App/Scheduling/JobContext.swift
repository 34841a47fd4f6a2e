import FluentKit
import Foundation
import Logging
import Policy

/// What a job's run is given: the database, the policy library and the stores (through the
/// services the API's handlers get too), the moment of the scheduler's tick, and a logger.
public struct JobContext: Sendable {
    /// The tick's moment: what is due is due at this time (tests pass their own).
    public let now: Date
    public let serverID: String
    public let logger: Logger
    let services: PlatformServices

    /// A database handle of this server's pool.
    public var db: any Database { services.database() }
    public var policyLibrary: PolicyLibrary { services.library }
}
