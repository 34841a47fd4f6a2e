import Fluent
import Foundation
import Policy
import SQLKit

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
    /// Continue after this project (keyset paging); `page` is then ignored.
    public var after: ProjectCursor?

    public init() {}

    /// The filters as SQL conditions on the projects table.
    func conditions(_ builder: some SQLPredicateBuilder) {
        if let district { builder.where("district", .equal, SQLBind(district)) }
        if let status { builder.where("status", .equal, SQLBind(status.rawValue)) }
        if let instrument { builder.where("recommended_instruments", .like, SQLBind("%," + Self.escapeLike(instrument) + ",%")) }
        if let minAmount { builder.where("recommended_fen", .greaterThanOrEqual, SQLBind(minAmount.fen)) }
        if let maxAmount { builder.where("recommended_fen", .lessThanOrEqual, SQLBind(maxAmount.fen)) }
        if let text, !text.isEmpty {
            // search_text is stored lower-cased; LIKE's wildcards in the text are taken literally.
            let pattern = SQLBind("%" + Self.escapeLike(text.lowercased()) + "%")
            builder.where(SQLBinaryExpression(SQLColumn("search_text"), .like,
                                              SQLList([pattern, SQLRaw("ESCAPE '\\'")], separator: SQLRaw(" "))))
        }
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    /// The sort's column and direction; the id breaks ties in the same direction so one index
    /// serves the whole order.
    var order: (column: String, direction: SQLDirection) {
        switch sort {
        case .updated: ("updated_at", .descending)
        case .amount: ("recommended_fen", .descending)
        case .name: ("name", .ascending)
        }
    }

    /// Rows strictly after the cursor in the sort order: (key, id) beyond (key₀, id₀).
    func keyset(_ builder: some SQLPredicateBuilder, after cursor: ProjectCursor) {
        let (column, direction) = order
        let beyond: SQLBinaryOperator = direction == .ascending ? .greaterThan : .lessThan
        let key: any SQLExpression = switch cursor.key {
        case .updated(let date): SQLBind(date)
        case .amount(let fen): SQLBind(fen)
        case .name(let name): SQLBind(name)
        }
        builder.where(SQLGroupExpression(SQLBinaryExpression(
            SQLBinaryExpression(SQLColumn(column), beyond, key), .or,
            SQLGroupExpression(SQLBinaryExpression(
                SQLBinaryExpression(SQLColumn(column), .equal, key), .and,
                SQLBinaryExpression(SQLColumn("id"), beyond, SQLBind(cursor.id)))))))
    }
}

/// Where a page ended: the last project's sort key and id, as an opaque string for the API.
public struct ProjectCursor: Sendable, Equatable {
    public enum Key: Sendable, Equatable {
        case updated(Date)
        case amount(Int64)
        case name(String)
    }

    public var key: Key
    public var id: UUID

    public init(key: Key, id: UUID) {
        self.key = key
        self.id = id
    }

    /// The cursor after a project in the given order.
    init(after model: ProjectModel, sort: ProjectFilter.Sort) throws {
        id = try model.requireID()
        switch sort {
        case .updated: key = .updated(model.updatedAt ?? model.createdAt ?? Date(timeIntervalSince1970: 0))
        case .amount: key = .amount(model.recommendedFen)
        case .name: key = .name(model.name)
        }
    }

    public var sort: ProjectFilter.Sort {
        switch key {
        case .updated: .updated
        case .amount: .amount
        case .name: .name
        }
    }

    /// `u:<seconds since 2001, exact>:<id>` and the like, base64url. The time is the Date's own
    /// Double, so it reads back as the very value the database gave (an equality the keyset needs).
    public var token: String {
        let text: String = switch key {
        case .updated(let date): "u:\(date.timeIntervalSinceReferenceDate):\(id.uuidString)"
        case .amount(let fen): "a:\(fen):\(id.uuidString)"
        case .name(let name): "n:\(id.uuidString):\(name)"
        }
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Reads a token; nil for anything this did not write.
    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return nil }
        switch parts[0] {
        case "u":
            guard let seconds = Double(parts[1]), seconds.isFinite, let id = UUID(uuidString: parts[2]) else { return nil }
            self.init(key: .updated(Date(timeIntervalSinceReferenceDate: seconds)), id: id)
        case "a":
            guard let fen = Int64(parts[1]), let id = UUID(uuidString: parts[2]) else { return nil }
            self.init(key: .amount(fen), id: id)
        case "n":
            guard let id = UUID(uuidString: parts[1]) else { return nil }
            self.init(key: .name(parts[2]), id: id)
        default:
            return nil
        }
    }
}

/// One page of a project list.
public struct ProjectPage: Sendable {
    public var items: [ProjectModel]
    /// Matching projects, counted up to `ProjectStore.countLimit`.
    public var total: Int
    /// False when more than `ProjectStore.countLimit` match (`total` is then that bound).
    public var totalExact: Bool
    /// Where the next page starts; nil on the last page.
    public var next: ProjectCursor?
}

extension ProjectStore {
    /// Counting stops here: an exact count of a million rows on every page would cost more than
    /// the page itself.
    public static let countLimit = 10_000

    public func listProjects(_ filter: ProjectFilter) async throws -> ProjectPage {
        let sql = try sqlDatabase
        // The count, bounded: SELECT count(*) FROM (SELECT 1 FROM projects WHERE … LIMIT n+1).
        let bounded = SQLSubquery.select { sub in
            let sub = sub.column(SQLLiteral.numeric("1")).from(ProjectModel.schema)
            filter.conditions(sub)
            return sub.limit(Self.countLimit + 1)
        }
        let counted = try await sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n")
            .from(bounded, as: SQLIdentifier("bounded")).first(decodingColumn: "n", as: Int.self) ?? 0

        // The page's ids, in order, one more than asked to tell whether a next page exists.
        let (column, direction) = filter.order
        let select = sql.select().column("id").from(ProjectModel.schema)
        filter.conditions(select)
        if let after = filter.after { filter.keyset(select, after: after) }
        select.orderBy(column, direction).orderBy("id", direction).limit(filter.perPage + 1)
        if filter.after == nil, filter.page > 1 { select.offset((filter.page - 1) * filter.perPage) }
        var ids = try await select.all(decodingColumn: "id", as: UUID.self)
        let more = ids.count > filter.perPage
        if more { ids.removeLast() }

        let models = ids.isEmpty ? [] : try await ProjectModel.query(on: db).filter(\.$id ~~ ids).with(\.$enterprise).all()
        let byID = Dictionary(models.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let items = ids.compactMap { byID[$0] }
        let next = more ? try items.last.map { try ProjectCursor(after: $0, sort: filter.sort) } : nil
        return ProjectPage(items: items, total: min(counted, Self.countLimit), totalExact: counted <= Self.countLimit, next: next)
    }

    /// All projects matching a filter with everything they carry, for export, a batch at a time
    /// in name order (keyset paging: each batch costs the same however far into the table).
    public func forEachProject(_ filter: ProjectFilter, batch: Int = 1000, _ body: ([ProjectModel]) async throws -> Void) async throws {
        let sql = try sqlDatabase
        var f = filter
        f.sort = .name
        while true {
            let select = sql.select().column("id").from(ProjectModel.schema)
            f.conditions(select)
            if let after = f.after { f.keyset(select, after: after) }
            select.orderBy("name", .ascending).orderBy("id", .ascending).limit(batch)
            let ids = try await select.all(decodingColumn: "id", as: UUID.self)
            if ids.isEmpty { return }
            let models = try await Self.fullQuery(on: db).filter(\.$id ~~ ids).all()
            let byID = Dictionary(models.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
            let items = ids.compactMap { byID[$0] }
            try await body(items)
            if ids.count < batch { return }
            f.after = try items.last.map { try ProjectCursor(after: $0, sort: .name) }
        }
    }

    var sqlDatabase: any SQLDatabase {
        get throws {
            guard let sql = db as? any SQLDatabase else {
                throw RegistryError.conflict(LocalizedText(zh: "数据库不支持 SQL", en: "the database does not speak SQL"))
            }
            return sql
        }
    }
}
