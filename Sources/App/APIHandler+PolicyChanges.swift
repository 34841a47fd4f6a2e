import API
import Foundation
import Policy
import Registry
import Workflow

/// Values of the policy saved from a date on: the library in force becomes the new one at once,
/// and what it does to the stored projects is told to their enterprises (`PolicyChangeImpact`).
extension APIHandler {
    static func change(_ c: PolicyChangeModel) -> Components.Schemas.PolicyChange {
        .init(id: (c.id ?? UUID()).uuidString.lowercased(), key: c.key, from: c.from, value: c.value, note: c.note,
              savedBy: c.savedBy, savedAt: c.savedAt)
    }

    func listPolicyChanges(_ input: Operations.ListPolicyChanges.Input) async throws -> Operations.ListPolicyChanges.Output {
        .ok(.init(body: .json(try await PolicyChangeStore(db: services.database()).all().map(Self.change))))
    }

    func savePolicyChange(_ input: Operations.SavePolicyChange.Input) async throws -> Operations.SavePolicyChange.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        // The store's checks, every issue by path (the same the parameters page shows).
        let (from, _) = try PolicyChangeStore.check(key: body.key, from: body.from, value: body.value, note: body.note, over: library)
        let saved = try await services.savePolicyChange(key: body.key, from: from, value: body.value, note: body.note, by: currentActor())
        let (change, version, impact) = (saved.change, saved.version, saved.impact)
        return .created(.init(body: .json(.init(change: Self.change(change), libraryVersion: version, examined: impact.examined,
                                                changed: impact.changed, enterprisesTold: impact.enterprisesTold,
                                                drafts: impact.drafts.map { $0.uuidString.lowercased() },
                                                totalBefore: impact.totalBefore.decimalString, totalAfter: impact.totalAfter.decimalString))))
    }
}
