import Workflow
import API
import Foundation
import Policy
import Registry

extension APIHandler {
    func record(_ e: EnterpriseModel) async throws -> Components.Schemas.EnterpriseRecord {
        .init(creditCode: e.creditCode, name: e.name, district: e.district, industryCode: e.industryCode,
              legalRepresentative: e.legalRepresentative, address: e.address, phone: e.phone, projectCount: try await store.projectCount(of: e), createdAt: e.createdAt ?? Date(), updatedAt: e.updatedAt ?? e.createdAt ?? Date())
    }

    func listEnterprises(_ input: Operations.ListEnterprises.Input) async throws -> Operations.ListEnterprises.Output {
        let (page, perPage) = try page(input.query.page, input.query.perPage)
        var district: String?
        if let d = try queryText(input.query.district, .code, name: "district") {
            guard let found = vocabulary.district(named: d) else { throw BadRequest("未知的区：\(d)", "unknown district: \(d)", path: "district") }
            district = found.id
        }
        let text = try queryText(input.query.q, .name, name: "q")
        let (items, total) = try await store.listEnterprises(page: page, perPage: perPage, text: text, district: district, scope: try visibility().scope)
        var records: [Components.Schemas.EnterpriseRecord] = []
        for e in items { records.append(try await record(e)) }
        return .ok(.init(body: .json(.init(items: records, page: page, perPage: perPage, total: total))))
    }

    func getEnterprise(_ input: Operations.GetEnterprise.Input) async throws -> Operations.GetEnterprise.Output {
        let model = try visibility().require(try await store.enterprise(input.path.creditCode), code: input.path.creditCode)
        return .ok(.init(body: .json(try await record(model))))
    }

    static func noEnterprise(_ code: String) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到统一社会信用代码为 \(code) 的企业", en: "no enterprise with credit code \(code)"))
    }

    func deleteEnterprise(_ input: Operations.DeleteEnterprise.Input) async throws -> Operations.DeleteEnterprise.Output {
        try await store.deleteEnterprise(input.path.creditCode, by: currentActor())
        return .noContent(.init())
    }
}
