import Foundation
import NIOPosix
import Vapor

/// Bcrypt, off the event loops: a hash costs a quarter of a second at cost 12, which must not
/// stall the requests sharing a loop. A decoy hash is checked when there is no account (or it
/// may not sign in), so an unknown username takes as long as a wrong password.
public struct PasswordHasher: Sendable {
    public let cost: Int
    let decoy: String

    public init(cost: Int) throws {
        self.cost = cost
        decoy = try Bcrypt.hash(Secrets.random(), cost: cost)
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { try Bcrypt.verify(password, created: hash) }
    }

    /// Spends the time of a check and answers false.
    func refuse(_ password: String) async -> Bool {
        _ = try? await verify(password, against: decoy)
        return false
    }
}
