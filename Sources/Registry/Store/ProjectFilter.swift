import FluentKit
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
    /// What the caller may see; the other filters narrow it further.
    public var scope: RecordScope = .everything
    /// SQLite: find the text through the trigram index (set by the store when the text is
    /// selective enough for the index to pay; see `ProjectStore.planText`).
    var textThroughIndex = false

    public init() {}

    /// The filters as SQL conditions on the projects table.
    func conditions(_ builder: some SQLPredicateBuilder) {
        scope.projectConditions(builder)
        if let district { builder.where("district", .equal, SQLBind(district)) }
        if let status { builder.where("status", .equal, SQLBind(status.rawValue)) }
        if let instrument { builder.where("recommended_instruments", .like, SQLBind("%," + Self.escapeLike(instrument) + ",%")) }
        if let minAmount { builder.where("recommended_fen", .greaterThanOrEqual, SQLBind(minAmount.fen)) }
        if let maxAmount { builder.where("recommended_fen", .lessThanOrEqual, SQLBind(maxAmount.fen)) }
        if let text, !text.isEmpty, textThroughIndex {
            // A phrase of the trigram index is a substring match; quotes doubled inside it.
            builder.where(SQLColumn("rowid"), .in, SQLGroupExpression(
                SQLList([SQLRaw("SELECT rowid FROM project_search WHERE project_search MATCH "), SQLBind(Self.trigramPhrase(text))], separator: SQLRaw(""))))
        } else if let text, !text.isEmpty {
            // search_text is stored lower-cased; LIKE's wildcards in the text are taken literally.
            let pattern = SQLBind("%" + Self.escapeLike(text.lowercased()) + "%")
            builder.where(SQLBinaryExpression(SQLColumn("search_text"), .like,
                                              SQLList([pattern, SQLRaw("ESCAPE '\\'")], separator: SQLRaw(" "))))
        }
    }

    /// The text as one FTS5 phrase (lower-cased like `search_text`, quotes doubled): with the
    /// trigram tokenizer, a phrase matches where it occurs as a substring.
    static func trigramPhrase(_ text: String) -> String {
        "\"" + text.lowercased().replacingOccurrences(of: "\"", with: "\"\"") + "\""
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
    func keyset(_ builder: some SQLPredicateBuilder, after cursor: ProjectCursor, dialect: String) {
        let (column, direction) = order
        let beyond: SQLBinaryOperator = direction == .ascending ? .greaterThan : .lessThan
        let key: any SQLExpression = switch cursor.key {
        // SQLite keeps the time as this very Double. PostgreSQL keeps whole microseconds, and
        // its driver truncates a Date's to them (one off, sometimes): the time is built in SQL.
        case .updated(let seconds): SQLBind(seconds)
        case .updatedMicroseconds(let micros):
            SQLBinaryExpression(SQLRaw("TIMESTAMPTZ '1970-01-01 00:00:00+00'"), .add,
                                SQLBinaryExpression(SQLBind(micros), .multiply, SQLRaw("INTERVAL '1 microsecond'")))
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
        /// Seconds since 1970 exactly as the database holds them: a Date read through the
        /// driver is rounded, and the keyset needs equality with the stored value.
        case updated(Double)
        /// Microseconds since 1970, as PostgreSQL holds them.
        case updatedMicroseconds(Int64)
        case amount(Int64)
        case name(String)
    }

    public var key: Key
    public var id: UUID

    public init(key: Key, id: UUID) {
        self.key = key
        self.id = id
    }

    /// The cursor after a row of `ProjectStore.pageKeys`.
    init(row: any SQLRow, sort: ProjectFilter.Sort, dialect: String) throws {
        id = try row.decode(column: "id", as: UUID.self)
        switch sort {
        case .updated:
            if dialect == "sqlite" {
                key = .updated(try row.decode(column: "k", as: Double.self))
            } else {
                // The driver made the Date from whole microseconds; rounding finds them again
                // (a Double near 1.8e9 seconds is exact to 0.24 µs).
                key = .updatedMicroseconds(Int64((try row.decode(column: "k", as: Date.self).timeIntervalSince1970 * 1_000_000).rounded()))
            }
        case .amount: key = .amount(try row.decode(column: "k", as: Int64.self))
        case .name: key = .name(try row.decode(column: "k", as: String.self))
        }
    }

    public var sort: ProjectFilter.Sort {
        switch key {
        case .updated, .updatedMicroseconds: .updated
        case .amount: .amount
        case .name: .name
        }
    }

    /// `u:<seconds since 1970>:<id>` and the like, base64url; Swift prints a Double so that it
    /// reads back as the same Double.
    public var token: String {
        let text: String = switch key {
        case .updated(let seconds): "u:\(seconds):\(id.uuidString)"
        case .updatedMicroseconds(let micros): "m:\(micros):\(id.uuidString)"
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
            self.init(key: .updated(seconds), id: id)
        case "m":
            guard let micros = Int64(parts[1]), let id = UUID(uuidString: parts[2]) else { return nil }
            self.init(key: .updatedMicroseconds(micros), id: id)
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

    /// Above this many matches the trigram index does not pay on SQLite: the page is found
    /// sooner by walking the list's order and testing each row than by collecting and sorting
    /// every match. (PostgreSQL's planner makes the same choice from its statistics.)
    static let indexedMatchLimit = 2000

    /// Decides how SQLite finds the text: through the trigram index when the text has three
    /// characters or more (the tokenizer's unit) and fewer than `indexedMatchLimit` projects
    /// contain it — a bounded count on the index, a few milliseconds.
    func planText(_ filter: ProjectFilter, on sql: any SQLDatabase) async throws -> ProjectFilter {
        var f = filter
        guard sql.dialect.name == "sqlite", let text = f.text, text.unicodeScalars.count >= 3 else { return f }
        let phrase = ProjectFilter.trigramPhrase(text)
        let matches = try await sql.raw("""
            SELECT count(*) AS n FROM (SELECT 1 FROM project_search WHERE project_search MATCH \(bind: phrase) LIMIT \(unsafeRaw: String(Self.indexedMatchLimit)))
            """).first(decodingColumn: "n", as: Int.self) ?? 0
        f.textThroughIndex = matches < Self.indexedMatchLimit
        return f
    }

    public func listProjects(_ filter: ProjectFilter) async throws -> ProjectPage {
        let sql = try sqlDatabase
        let filter = try await planText(filter, on: sql)
        // The count, bounded: SELECT count(*) FROM (SELECT 1 FROM projects WHERE … LIMIT n+1).
        let bounded = SQLSubquery.select { sub in
            let sub = sub.column(SQLLiteral.numeric("1")).from(ProjectModel.schema)
            filter.conditions(sub)
            return sub.limit(Self.countLimit + 1)
        }
        let counted = try await sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n")
            .from(bounded, as: SQLIdentifier("bounded")).first(decodingColumn: "n", as: Int.self) ?? 0

        // The page's ids and sort keys, in order, one more than asked to tell whether a next page exists.
        var keys = try await pageKeys(filter, limit: filter.perPage + 1, on: sql)
        let more = keys.count > filter.perPage
        if more { keys.removeLast() }
        let items = try await load(keys.map(\.id), ProjectModel.query(on: db).with(\.$enterprise))
        return ProjectPage(items: items, total: min(counted, Self.countLimit), totalExact: counted <= Self.countLimit,
                           next: more ? keys.last : nil)
    }

    /// The ids and sort keys of a page: after the filter's cursor, or at its page's offset.
    func pageKeys(_ filter: ProjectFilter, limit: Int, on sql: any SQLDatabase) async throws -> [ProjectCursor] {
        let (column, direction) = filter.order
        let dialect = sql.dialect.name
        switch filter.after?.key {
        case .updated? where dialect != "sqlite", .updatedMicroseconds? where dialect == "sqlite":
            throw RegistryError.invalid([ValidationIssue(path: "cursor", zh: "cursor 不是本数据库给出的", en: "the cursor was not given by this database")])
        default: break
        }
        let select = sql.select().column("id").column(SQLColumn(column), as: "k").from(ProjectModel.schema)
        filter.conditions(select)
        if let after = filter.after { filter.keyset(select, after: after, dialect: dialect) }
        select.orderBy(column, direction).orderBy("id", direction).limit(limit)
        if filter.after == nil, filter.page > 1 { select.offset((filter.page - 1) * filter.perPage) }
        return try await select.all().map { try ProjectCursor(row: $0, sort: filter.sort, dialect: dialect) }
    }

    /// The models of these ids, in this order.
    func load(_ ids: [UUID], _ query: QueryBuilder<ProjectModel>) async throws -> [ProjectModel] {
        guard !ids.isEmpty else { return [] }
        let models = try await query.filter(\.$id ~~ ids).all()
        let byID = Dictionary(models.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { byID[$0] }
    }

    /// All projects matching a filter with everything they carry, for export, a batch at a time
    /// in name order (keyset paging: each batch costs the same however far into the table).
    public func forEachProject(_ filter: ProjectFilter, batch: Int = 1000, _ body: ([ProjectModel]) async throws -> Void) async throws {
        let sql = try sqlDatabase
        var f = try await planText(filter, on: sql)
        f.sort = .name
        while true {
            let keys = try await pageKeys(f, limit: batch, on: sql)
            if keys.isEmpty { return }
            try await body(try await load(keys.map(\.id), Self.fullQuery(on: db)))
            if keys.count < batch { return }
            f.after = keys.last
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
