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
        guard let from = Day(iso: body.from) else {
            throw ValidationFailure(issues: [ValidationIssue(path: "$.from", zh: "应为日期 YYYY-MM-DD", en: "must be a date YYYY-MM-DD")])
        }
        var issues: [ValidationIssue] = []
        check(body.note, .note, at: "$.note", into: &issues)
        try refuse(issues)
        let store = PolicyChangeStore(db: services.database())
        let (change, library) = try await store.save(key: body.key, from: from, value: body.value, note: body.note,
                                                    over: library, by: currentActor())
        let version = PolicyChangeStore.version(files: services.filesVersion, changes: try await store.all())
        services.install(library, version)
        let impact = try await PolicyChangeImpact(applications: services.applicationStore()).run(on: today, by: currentActor())
        return .created(.init(body: .json(.init(change: Self.change(change), libraryVersion: version, examined: impact.examined,
                                                changed: impact.changed, enterprisesTold: impact.enterprisesTold,
                                                drafts: impact.drafts.map { $0.uuidString.lowercased() },
                                                totalBefore: impact.totalBefore.decimalString, totalAfter: impact.totalAfter.decimalString))))
    }
}
