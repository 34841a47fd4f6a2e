import API
import Foundation
import Policy
import Registry
import Workflow

/// The resource library (资源库, issue 14 item 4): pilot bases, financial products, service
/// providers — searched by anyone signed in, kept by the city (a bank or lessor its own
/// institution's products), and offered to a stored project where the rules say they fit.
extension APIHandler {
    var resources: ResourceStore { services.resourceStore() }

    /// The institution a bank's or lessor's account may write for; nil for the city.
    func resourceInstitution() throws -> String? {
        let principal = try access().principal
        guard principal.role == .bank else { return nil }
        guard let name = principal.institution else {
            throw Forbidden(message: LocalizedText(zh: "账户未绑定金融机构", en: "the account is bound to no institution"))
        }
        return name
    }

    func listResources(_ input: Operations.ListResources.Input) async throws -> Operations.ListResources.Output {
        let (page, perPage) = try page(input.query.page, input.query.perPage)
        var district: String?
        if let name = input.query.district {
            guard let d = vocabulary.district(named: name) else {
                throw BadRequest("未知的区：\(name.prefix(64))", "unknown district: \(name.prefix(64))", path: "district")
            }
            district = d.id
        }
        _ = try queryText(input.query.q, .name, name: "q")
        _ = try queryText(input.query.institution, .name, name: "institution")
        _ = try queryText(input.query.productType, .code, name: "productType")
        _ = try queryText(input.query.industry, .code, name: "industry")
        let search = ResourceStore.Search(kind: input.query.kind?.rawValue, text: input.query.q, district: district, productType: input.query.productType,
                                          institution: input.query.institution, industry: input.query.industry)
        let (items, total) = try await resources.search(search, page: page, perPage: perPage)
        return .ok(.init(body: .json(.init(items: items.map(resourceAnswer), total: total, page: page, perPage: perPage))))
    }

    func createResource(_ input: Operations.CreateResource.Input) async throws -> Operations.CreateResource.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let saved = try await resources.save(Self.draft(body), onlyInstitution: try resourceInstitution(), by: currentActor())
        return .created(.init(body: .json(resourceAnswer(saved))))
    }

    func getResource(_ input: Operations.GetResource.Input) async throws -> Operations.GetResource.Output {
        .ok(.init(body: .json(resourceAnswer(try await resources.resource(try uuid(input.path.id))))))
    }

    func updateResource(_ input: Operations.UpdateResource.Input) async throws -> Operations.UpdateResource.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let id = try uuid(input.path.id)
        let saved = try await resources.save(Self.draft(body), id: id, onlyInstitution: try resourceInstitution(), by: currentActor())
        return .ok(.init(body: .json(resourceAnswer(saved))))
    }

    func getProjectResources(_ input: Operations.GetProjectResources.Input) async throws -> Operations.GetProjectResources.Output {
        let id = try uuid(input.path.id)
        let m = try await store.project(id)
        try visibility().require(project: m)
        let offers = try await resources.offers(forProject: m).map { r, o in
            Components.Schemas.ResourceOffer(rule: o.rule, reason: .init(zh: o.reason.zh, en: o.reason.en), resource: resourceAnswer(r))
        }
        return .ok(.init(body: .json(.init(projectId: id.uuidString.lowercased(), offers: offers))))
    }

    static func draft(_ b: Components.Schemas.ResourceRequest) -> ResourceDraft {
        var d = ResourceDraft(kind: b.kind.rawValue, name: b.name)
        d.institution = b.institution
        d.district = b.district
        d.industries = b.industries ?? []
        d.description = b.description
        d.contact = b.contact
        d.field = b.field
        d.venues = b.venues
        d.equipment = b.equipment
        d.capacity = b.capacity
        d.enterprisesServed = b.enterprisesServed
        d.resultsConverted = b.resultsConverted
        d.productType = b.productType
        d.annualRatePercent = b.annualRatePercent
        d.termMonths = b.termMonths
        d.maxAmount = b.maxAmount
        d.conditions = b.conditions
        d.services = b.services
        return d
    }

    func resourceAnswer(_ m: ResourceModel) -> Components.Schemas.Resource {
        let d = ResourceStore.draft(of: m)
        let type = d.productType.flatMap { services.workflow.resources.productType($0) }
        return .init(id: (m.id ?? UUID()).uuidString.lowercased(), version: m.version, updatedAt: m.updatedAt,
                     productTypeName: type.map { .init(zh: $0.name.zh, en: $0.name.en) },
                     resource: .init(kind: .init(rawValue: d.kind) ?? .serviceProvider, name: d.name, institution: d.institution, district: d.district,
                                     industries: d.industries, description: d.description, contact: d.contact, field: d.field, venues: d.venues,
                                     equipment: d.equipment, capacity: d.capacity, enterprisesServed: d.enterprisesServed,
                                     resultsConverted: d.resultsConverted, productType: d.productType, annualRatePercent: d.annualRatePercent,
                                     termMonths: d.termMonths, maxAmount: d.maxAmount, conditions: d.conditions, services: d.services))
    }
}
