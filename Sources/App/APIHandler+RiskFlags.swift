import API
import Foundation
import Registry
import Risk

/// The risk flags raised on submission (issue 11, item 7). Read by the case's officers — its
/// district, the departments it was sent to, the city, the administrator — and not by the
/// enterprise: the evidence names other enterprises and their projects, phones and contracts,
/// which are theirs, and a flag is a lead for an officer's judgement, not a finding to answer.
extension APIHandler {
    func getApplicationRiskFlags(_ input: Operations.GetApplicationRiskFlags.Input) async throws -> Operations.GetApplicationRiskFlags.Output {
        let id = try await visibleCase(input.path.id).requireID()
        let flags = try await RiskStore(db: services.database()).flags(ofApplication: id)
        return .ok(.init(body: .json(flags.map(Self.riskFlag))))
    }

    func listRiskFlags(_ input: Operations.ListRiskFlags.Input) async throws -> Operations.ListRiskFlags.Output {
        let (page, perPage) = try page(input.query.page, input.query.perPage)
        var filter = RiskFlagFilter(kind: input.query.kind.flatMap { RiskKind(rawValue: $0.rawValue) }, district: input.query.district)
        // A district officer's list is its district's (a list of elsewhere is empty, not refused).
        let visibility = try visibility()
        if case .district(let own) = visibility.scope {
            if let asked = filter.district, asked != own {
                return .ok(.init(body: .json(.init(items: [], total: 0, page: page, perPage: perPage))))
            }
            filter.district = own
        } else if visibility.scope != .everything {
            return .ok(.init(body: .json(.init(items: [], total: 0, page: page, perPage: perPage))))
        }
        let (items, total) = try await RiskStore(db: services.database()).list(filter, page: page, perPage: perPage)
        return .ok(.init(body: .json(.init(items: items.map(Self.riskFlag), total: total, page: page, perPage: perPage))))
    }

    static func riskFlag(_ m: RiskFlagModel) -> Components.Schemas.RiskFlag {
        let evidence = m.decodedEvidence
        return .init(id: (m.id ?? UUID()).uuidString.lowercased(), applicationId: m.applicationID.uuidString.lowercased(),
                     projectId: m.projectID.uuidString.lowercased(), creditCode: m.creditCode, projectCode: m.projectCode,
                     district: m.district, kind: Components.Schemas.RiskKind(rawValue: m.kind) ?? .sameEquipment,
                     reason: .init(zh: m.reasonZh, en: m.reasonEn),
                     partners: evidence.partners.map { .init(creditCode: $0.creditCode, projectId: $0.projectId) },
                     enterprises: evidence.enterprises, facts: evidence.facts.map { .init(name: $0.name, value: $0.value) },
                     libraryVersion: m.libraryVersion, raisedOn: m.raisedOn, raisedAt: m.raisedAt)
    }
}
