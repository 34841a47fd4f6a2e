import Workflow
import API
import Foundation
import Policy
import Registry

extension APIHandler {
    static func instruments(_ m: ProjectModel) -> [String] {
        m.recommendedInstruments.split(separator: ",").map(String.init)
    }

    func filter(district: String?, status: Components.Schemas.ProjectStatus?, instrument: String?, minAmount: String?,
                maxAmount: String?, text: String?, sort: Components.Schemas.ProjectSort?) throws -> ProjectFilter {
        var f = ProjectFilter()
        if let district = try queryText(district, .code, name: "district") {
            guard let d = vocabulary.district(named: district) else { throw BadRequest("未知的区：\(district)", "unknown district: \(district)", path: "district") }
            f.district = d.id
        }
        f.status = status.flatMap { ProjectStatus(rawValue: $0.rawValue) }
        if let instrument {
            guard library.instrument(instrument) != nil else { throw BadRequest("未知的政策编号：\(instrument)", "unknown instrument: \(instrument)", path: "instrument") }
            f.instrument = instrument
        }
        f.minAmount = try money(minAmount, name: "minAmount")
        f.maxAmount = try money(maxAmount, name: "maxAmount")
        f.text = try queryText(text, .name, name: "q")
        f.sort = sort.flatMap { ProjectFilter.Sort(rawValue: $0.rawValue) } ?? .updated
        return f
    }

    func listProjects(_ input: Operations.ListProjects.Input) async throws -> Operations.ListProjects.Output {
        let q = input.query
        var f = try filter(district: q.district, status: q.status, instrument: q.instrument, minAmount: q.minAmount,
                           maxAmount: q.maxAmount, text: q.q, sort: q.sort)
        (f.page, f.perPage) = try page(q.page, q.perPage)
        f.scope = try visibility().scope
        if let token = q.cursor {
            guard let cursor = ProjectCursor(token: token) else {
                throw BadRequest("cursor 无效：请使用上一页返回的 nextCursor", "cursor is not valid: pass the nextCursor of a page", path: "cursor")
            }
            guard cursor.sort == f.sort else {
                throw BadRequest("cursor 来自另一种排序", "cursor comes from another sort order", path: "cursor")
            }
            guard f.page == 1 else { throw BadRequest("使用 cursor 时不能指定 page", "page cannot be given with cursor", path: "page") }
            f.after = cursor
        }
        let page = try await store.listProjects(f)
        let summaries = try page.items.map { m -> Components.Schemas.ProjectSummary in
            .init(id: try m.requireID().uuidString.lowercased(), projectId: m.code, name: m.name, creditCode: m.enterprise.creditCode,
                  enterpriseName: m.enterprise.name, district: m.district, status: .init(rawValue: m.status) ?? .reserve,
                  applicationDate: m.applicationDate, declaredInvestment: m.declaredFen.map { Money(fen: $0).decimalString },
                  recommendedTotal: Money(fen: m.recommendedFen).decimalString, recommendedInstruments: Self.instruments(m),
                  updatedAt: m.updatedAt ?? m.createdAt ?? Date())
        }
        return .ok(.init(body: .json(.init(items: summaries, page: f.page, perPage: f.perPage, total: page.total,
                                           totalExact: page.totalExact, nextCursor: page.next?.token))))
    }

    func deleteProject(_ input: Operations.DeleteProject.Input) async throws -> Operations.DeleteProject.Output {
        let id = try uuid(input.path.id)
        try visibility().require(project: try await store.project(id))
        try await store.deleteProject(id, by: currentActor())
        return .noContent(.init())
    }
}
