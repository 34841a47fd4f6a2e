import FluentKit
import Foundation
import Policy
import SQLKit
import Tabular

/// Finds the rows of an import whose project is already stored, for the default mode that
/// refuses them. Rows are asked of the database a batch at a time — one query for a few thousand
/// rows, by (credit code, project id) — never a query a row; an empty registry is not asked at all.
struct ExistingProjects {
    struct Pending {
        var row: Int
        var creditCode: String
        var projectId: String
        /// Where the file names the project id: `project_id`, or `$.projects[1].id` in JSON Lines.
        var column: String
    }

    static let batchSize = 2000
    let db: any Database
    let registryIsEmpty: Bool
    private var pending: [Pending] = []

    init(db: any Database) async throws {
        self.db = db
        registryIsEmpty = try await ProjectModel.query(on: db).field(\.$id).first() == nil
    }

    /// Adds a row; returns the refused rows once a batch is full.
    mutating func check(_ p: Pending) async throws -> [RowFailure] {
        if registryIsEmpty { return [] }
        pending.append(p)
        return pending.count >= Self.batchSize ? try await flush() : []
    }

    /// The refused rows of what is still pending.
    mutating func flush() async throws -> [RowFailure] {
        guard !pending.isEmpty, let sql = db as? any SQLDatabase else { return [] }
        defer { pending.removeAll(keepingCapacity: true) }
        let stored = try await Self.ids(of: pending.map { ($0.creditCode, $0.projectId) }, on: sql)
        return pending.filter { stored[Self.key($0.creditCode, $0.projectId)] != nil }.map { p in
            RowFailure(row: p.row, projectId: p.projectId, issues: [CellIssue(column: p.column, message: LocalizedText(
                zh: "企业 \(p.creditCode) 的项目 \(p.projectId) 已在项目库中；导入默认不覆盖已有项目，确需替换请用 --mode replace（API：mode=replace），原项目将保留为历史版本",
                en: "project \(p.projectId) of enterprise \(p.creditCode) is already stored; an import does not overwrite by default: to replace it use --mode replace (API: mode=replace), which keeps the stored project as an earlier version"))])
        }
    }

    static func key(_ creditCode: String, _ projectId: String) -> String { creditCode + "\u{1F}" + projectId }

    /// The database ids of the stored projects among these (credit code, project id) pairs, by
    /// `key`. The pairs are a table of values joined to the two unique indexes, a lookup a pair:
    /// two IN lists, of credit codes and of project ids, made the database probe every code with
    /// every id (2,000 × 2,000 a batch). VALUES names its columns column1, column2 on both databases.
    static func ids(of pairs: [(String, String)], on sql: any SQLDatabase) async throws -> [String: UUID] {
        var found: [String: UUID] = [:]
        var start = 0
        while start < pairs.count {
            let slice = pairs[start..<min(start + batchSize, pairs.count)]
            start += batchSize
            var query = SQLQueryString("SELECT p.id, e.credit_code, p.code FROM (VALUES ")
            for (i, pair) in slice.enumerated() {
                query.appendLiteral(i == 0 ? "(" : ", (")
                query.appendInterpolation(bind: pair.0)
                query.appendLiteral(", ")
                query.appendInterpolation(bind: pair.1)
                query.appendLiteral(")")
            }
            query.appendLiteral(") AS k JOIN \(EnterpriseModel.schema) e ON e.credit_code = k.column1 JOIN \(ProjectModel.schema) p ON p.enterprise_id = e.id AND p.code = k.column2")
            for r in try await sql.raw(query).all() {
                found[key(try r.decode(column: "credit_code", as: String.self), try r.decode(column: "code", as: String.self))] = try r.decode(column: "id", as: UUID.self)
            }
        }
        return found
    }
}
