import Foundation
import Policy
import Registry
import Workflow

/// Saving a policy change, the same for the API (`savePolicyChange`) and the parameters page:
/// the store's checks and save (with its audit entry), the new library put in force with its
/// version, and the stored applications told of what it does to them (`PolicyChangeImpact`).
extension PlatformServices {
    struct SavedPolicyChange {
        var change: PolicyChangeModel
        var version: String
        var impact: PolicyChangeImpact.Report
    }

    func savePolicyChange(key: String, from: Day, value: String, note: String?, by actor: AuditActor) async throws -> SavedPolicyChange {
        let store = PolicyChangeStore(db: database())
        let (change, library) = try await store.save(key: key, from: from, value: value, note: note, over: library, by: actor)
        let version = PolicyChangeStore.version(files: filesVersion, changes: try await store.all())
        install(library, version)
        let impact = try await PolicyChangeImpact(applications: applicationStore()).run(on: clock.today(), by: actor)
        return SavedPolicyChange(change: change, version: version, impact: impact)
    }
}
