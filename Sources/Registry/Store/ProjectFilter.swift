import Fluent
import Policy

/// How officers find projects: by district, status, instrument of the recommended combination,
/// amount and text; pages in a stable order (ties broken by id, so no project appears twice
/// or never across pages).
public struct ProjectFilter: Sendable {
    public enum Sort: String, Sendable, CaseIterable { case updated, amount, name }

    public var district: String?
    public var status: ProjectStatus?
    public var instrument: String?
    public var minAmount: Money?
    public var maxAmount: Money?
    public var text: String?
    public var sort: Sort = .updated
    public var page = 1
    public var perPage = 50

    public init() {}

    func apply(to query: QueryBuilder<ProjectModel>) -> QueryBuilder<ProjectModel> {
        if let district { query.filter(\.$district == district) }
        if let status { query.filter(\.$status == status.rawValue) }
        if let instrument { query.filter(\.$recommendedInstruments ~~ ",\(instrument),") }
        if let minAmount { query.filter(\.$recommendedFen >= minAmount.fen) }
        if let maxAmount { query.filter(\.$recommendedFen <= maxAmount.fen) }
        if let text, !text.isEmpty { query.filter(\.$searchText ~~ text.lowercased()) }
        return query
    }
}

extension ProjectStore {
    public func listProjects(_ filter: ProjectFilter) async throws -> (items: [ProjectModel], total: Int) {
        let total = try await filter.apply(to: ProjectModel.query(on: db)).count()
        let query = filter.apply(to: ProjectModel.query(on: db).with(\.$enterprise))
        switch filter.sort {
        case .updated: query.sort(\.$updatedAt, .descending)
        case .amount: query.sort(\.$recommendedFen, .descending)
        case .name: query.sort(\.$name, .ascending)
        }
        query.sort(\.$id, .ascending)
        let items = try await query.range((filter.page - 1) * filter.perPage..<(filter.page * filter.perPage)).all()
        return (items, total)
    }

    /// All projects matching a filter, for export, in pages to keep memory flat.
    public func forEachProject(_ filter: ProjectFilter, batch: Int = 1000, _ body: ([ProjectModel]) async throws -> Void) async throws {
        var page = 1
        var f = filter
        f.sort = .name
        f.perPage = batch
        while true {
            f.page = page
            let query = f.apply(to: Self.fullQuery(on: db)).sort(\.$name).sort(\.$id)
            let items = try await query.range((page - 1) * batch..<(page * batch)).all()
            if items.isEmpty { return }
            try await body(items)
            if items.count < batch { return }
            page += 1
        }
    }
}
