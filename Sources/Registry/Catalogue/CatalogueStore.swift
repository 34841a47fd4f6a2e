import FluentKit
import Foundation
import Policy
import SQLKit
import Workflow

/// The innovative-product recommendation catalogue (十七), persisted: an enterprise submits a
/// product; an officer or a department records the expert review; the editorial and review
/// committee votes (a recused member cannot); the city officer publishes it for a validity period
/// with the visual mark's code, renews it or ends its listing.
///
/// The rules are `Workflow`'s (`CatalogueStep`, `CommitteeSeat`, `CommitteeTally`,
/// `CatalogueListingWindow`, all over `catalogue.yaml`); this store loads the facts, asks them and
/// writes the outcome with its audit entry in one transaction. History is append-only.
public struct CatalogueStore: Sendable {
    public let db: any Database
    public let rules: CatalogueRules

    public init(db: any Database, rules: CatalogueRules) {
        self.db = db
        self.rules = rules
    }

    /// Who reads which products: everyone the published ones (the catalogue is public to the
    /// platform's accounts); an enterprise also its own submissions; officers, departments and the
    /// administrator all of them.
    public enum Reach: Sendable, Hashable {
        case all
        case publishedAndOwn(creditCode: String)
        case published
    }

    static let numberLock: Int64 = 0x5245_4e45_5741_4c21
    static let markLock: Int64 = 0x5245_4e45_5741_4c22

    static func notFound(_ id: String) -> RegistryError {
        .notFound(LocalizedText(zh: "未找到目录产品 \(id)", en: "no catalogue product \(id)"))
    }

    static func number(year: Int, seq: Int) -> String {
        "CP-\(year)-" + String(repeating: "0", count: max(0, 6 - String(seq).count)) + String(seq)
    }

    static func advisoryLock(_ key: Int64, on db: any Database) async throws {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: key))").run()
        }
    }

    /// Locks the product's row for the transaction (raising its revision), by id or number.
    static func lock(_ key: String, on db: any Database) async throws -> CatalogueProductModel {
        guard let found = try await find(key, on: db) else { throw notFound(key) }
        let id = try found.requireID()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("UPDATE catalogue_products SET revision = revision + 1 WHERE id = \(bind: id)").run()
        }
        guard let model = try await CatalogueProductModel.find(id, on: db) else { throw notFound(key) }
        return model
    }

    static func find(_ key: String, on db: any Database) async throws -> CatalogueProductModel? {
        if let id = UUID(uuidString: key) { return try await CatalogueProductModel.find(id, on: db) }
        guard key.count <= 64 else { return nil }
        return try await CatalogueProductModel.query(on: db).filter(\.$number == key).first()
    }

    static func admits(_ reach: Reach, _ p: CatalogueProductModel) -> Bool {
        let listed = p.status == CatalogueStatus.published.rawValue || p.status == CatalogueStatus.expired.rawValue
        switch reach {
        case .all: return true
        case .published: return listed
        case .publishedAndOwn(let code): return listed || p.creditCode == code
        }
    }

    static func status(_ p: CatalogueProductModel) -> CatalogueStatus { CatalogueStatus(rawValue: p.status) ?? .submitted }

    /// Moves the product's status and writes the audit entry of the step, in the caller's transaction.
    static func move(_ p: CatalogueProductModel, to status: CatalogueStatus, action: String, detail: [String: String?],
                     by who: AuditActor, on db: any Database) async throws {
        let before = p.status
        p.status = status.rawValue
        try await p.save(on: db)
        var after = detail
        after["status"] = status.rawValue
        after["number"] = p.number
        try await AuditTrail.append(AuditChange(action: action, subjectType: "catalogue_product", subjectID: try p.requireID().uuidString.lowercased(),
                                                before: AuditChange.state(["status": before]), after: AuditChange.state(after)),
                                    by: who, on: db)
    }

    // MARK: Reading

    /// A product the reach admits (404 otherwise, as for one that does not exist).
    public func product(_ key: String, reach: Reach) async throws -> CatalogueProductModel {
        guard let p = try await Self.find(key, on: db), Self.admits(reach, p) else { throw Self.notFound(key) }
        return p
    }

    /// Products by number, paged; `q` is a substring of the name or number.
    public func products(reach: Reach, q: String? = nil, status: CatalogueStatus? = nil, category: String? = nil,
                         creditCode: String? = nil, page: Int = 1, perPage: Int = 50) async throws -> (items: [CatalogueProductModel], total: Int) {
        let query = CatalogueProductModel.query(on: db)
        let listed = [CatalogueStatus.published.rawValue, CatalogueStatus.expired.rawValue]
        switch reach {
        case .all: break
        case .published: query.filter(\.$status ~~ listed)
        case .publishedAndOwn(let code): query.group(.or) { $0.filter(\.$status ~~ listed).filter(\.$creditCode == code) }
        }
        if let status { query.filter(\.$status == status.rawValue) }
        if let category { query.filter(\.$category == category) }
        if let creditCode { query.filter(\.$creditCode == creditCode) }
        if let q, !q.isEmpty {
            // LIKE's wildcards in the text are literal.
            let escaped = q.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            // Any case on both databases: SQLite's LIKE ignores ASCII case already, PostgreSQL's
            // does not, ILIKE does (the names are mostly Chinese; numbers and Latin model names are not).
            let like = (db as? any SQLDatabase)?.dialect.name == "postgresql" ? "ILIKE" : "LIKE"
            query.group(.or) { $0.filter(\.$name, .custom(like), "%\(escaped)%").filter(\.$number, .custom(like), "%\(escaped)%") }
        }
        let total = try await query.count()
        let items = try await query.sort(\.$year).sort(\.$seq).range(((page - 1) * perPage)..<(page * perPage)).all()
        return (items, total)
    }

    public struct History: Sendable {
        public var reviews: [CatalogueReviewModel]
        public var votes: [CatalogueVoteModel]
        public var recusals: [CatalogueRecusalModel]
        public var listings: [(listing: CatalogueListingModel, end: CatalogueListingEndModel?)]
    }

    public func history(of id: UUID, on db: (any Database)? = nil) async throws -> History {
        let db = db ?? self.db
        let listings = try await CatalogueListingModel.query(on: db).filter(\.$product.$id == id).sort(\.$edition).all()
        let ends = try await CatalogueListingEndModel.query(on: db).filter(\.$productID == id).all()
        return History(
            reviews: try await CatalogueReviewModel.query(on: db).filter(\.$product.$id == id).sort(\.$reviewedAt).all(),
            votes: try await CatalogueVoteModel.query(on: db).filter(\.$product.$id == id).sort(\.$votedAt).all(),
            recusals: try await CatalogueRecusalModel.query(on: db).filter(\.$product.$id == id).sort(\.$declaredAt).all(),
            listings: listings.map { l in (l, ends.first { $0.$listing.id == l.id }) })
    }
}
