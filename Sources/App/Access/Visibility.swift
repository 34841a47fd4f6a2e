import Foundation
import Policy
import Registry
import Workflow

/// Whose records an account reaches: an enterprise user its own enterprise, a district officer
/// its district, the city officer and the administrator everything, the others nothing of the
/// registry. A record outside is answered exactly as a record that does not exist (404), so
/// that another enterprise's project cannot even be found to exist.
struct Visibility: Sendable {
    let principal: Principal
    let scope: RecordScope

    init(_ principal: Principal, vocabulary: Vocabulary) {
        self.principal = principal
        switch principal.role {
        case .cityOfficer, .administrator: scope = .everything
        case .enterprise: scope = principal.enterpriseCode.map { .enterprise(creditCode: $0) } ?? .nothing
        case .districtOfficer:
            // Accounts keep the division code; the registry keeps the vocabulary's id.
            scope = principal.district.flatMap { vocabulary.district(named: $0)?.id }.map { .district($0) } ?? .nothing
        case .department, .bank: scope = .nothing
        }
    }

    func admits(_ e: EnterpriseModel) -> Bool { scope.admits(creditCode: e.creditCode, district: e.district) }

    /// The enterprise, when it exists and is inside; else the "no such enterprise" of a missing one.
    func require(_ e: EnterpriseModel?, code: String) throws -> EnterpriseModel {
        guard let e, admits(e) else { throw APIHandler.noEnterprise(code) }
        return e
    }

    func require(project m: ProjectModel) throws {
        guard admits(m.enterprise) else { throw Self.noProject(try m.requireID()) }
    }

    /// A new or changed enterprise must stay inside: an enterprise user registers its own code,
    /// a district officer its district (403: nothing is disclosed by refusing what one sends).
    func requireWritable(creditCode: String, district: String) throws {
        guard scope.admits(creditCode: creditCode, district: district) else {
            throw Forbidden(message: LocalizedText(zh: "只能登记本账户所属企业或本区的企业", en: "only the account's own enterprise or its district's enterprises can be recorded"))
        }
    }

    /// A project, or the history of a deleted one, the account may see (404 otherwise, as for a
    /// project that never existed). A deleted project's versions are found by the enterprise
    /// they name.
    func requireProject(_ id: UUID, orItsHistory store: ProjectStore) async throws {
        if scope == .everything { return }
        do {
            try require(project: try await store.project(id))
        } catch RegistryError.notFound {
            guard let code = try await store.versions(of: id).first?.creditCode,
                  let e = try await store.enterprise(code), admits(e) else { throw Self.noProject(id) }
        }
    }

    static func noProject(_ id: UUID) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到项目 \(id.uuidString.lowercased())", en: "no project \(id.uuidString.lowercased())"))
    }
}
