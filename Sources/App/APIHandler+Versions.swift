import API
import Foundation
import Policy
import Registry

/// A project's earlier versions: what it was before each replacement (an edit, an import in
/// replace mode, its deletion).
extension APIHandler {
    static func versionSummary(_ v: ProjectVersionModel) -> Components.Schemas.ProjectVersionSummary {
        .init(version: v.version, creditCode: v.creditCode, projectCode: v.projectCode, status: .init(rawValue: v.status) ?? .reserve,
              recommendedTotal: Money(fen: v.recommendedFen).decimalString, recommendedInstruments: v.instruments,
              validFrom: v.validFrom, replacedBy: v.replacedBy, replacedAt: v.replacedAt)
    }

    func listProjectVersions(_ input: Operations.ListProjectVersions.Input) async throws -> Operations.ListProjectVersions.Output {
        let id = try uuid(input.path.id)
        try await requireVisibleProject(id)
        let versions = try await store.versions(of: id)
        return .ok(.init(body: .json(.init(projectId: id.uuidString.lowercased(), items: versions.map(Self.versionSummary)))))
    }
}
