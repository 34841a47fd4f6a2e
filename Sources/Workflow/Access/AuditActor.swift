import Foundation

/// Who made a change, as the audit trail records it: an account, or the platform itself
/// (scheduled work, a command run on the server) — never nobody.
public struct AuditActor: Sendable, Hashable {
    public let userID: UUID?
    /// The account's name, or `system:<job>` / `cli:<command>` for the platform itself.
    public let name: String
    /// The client's address for a request; nil for scheduled work and the command line.
    public let address: String?

    public init(userID: UUID?, name: String, address: String?) {
        self.userID = userID
        self.name = name
        self.address = address
    }

    public init(principal: Principal, address: String?) {
        self.init(userID: principal.userID, name: principal.username, address: address)
    }

    public static func system(_ job: String) -> AuditActor {
        AuditActor(userID: nil, name: "system:\(job)", address: nil)
    }

    public static func commandLine(_ command: String) -> AuditActor {
        AuditActor(userID: nil, name: "cli:\(command)", address: nil)
    }
}
