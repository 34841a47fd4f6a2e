import App
import Fluent
import Foundation
import SQLKit
@testable import Registry
import Testing
import Vapor

/// The text filter through the trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL) finds
/// exactly what a substring search finds, follows renames and deletions, and takes any text.
@Suite struct TextSearchTests {
    static func ids(_ app: Application, _ q: String) async throws -> Set<String> {
        let escaped = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q
        let r = try await app.call(.GET, "api/projects?perPage=500&q=\(escaped)")
        #expect(r.status == .ok, "\(q): \(r.raw)")
        return Set((r.body["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
    }

    @Test(arguments: TestDatabase.all)
    func theIndexFindsWhatASubstringSearchFinds(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (jsonl, _) = try ImportExportAPITests.population(150)
            let (status, _, _) = try await ImportExportAPITests.upload(app, "api/imports?format=jsonl&wait=true", body: Data(jsonl.utf8), contentType: "application/x-ndjson")
            #expect(status == .ok)
            let all = try await app.call(.GET, "api/projects?perPage=500").body["items"] as? [[String: Any]] ?? []
            func expected(_ q: String) -> Set<String> {
                Set(all.filter { item in
                    let text = [item["name"], item["projectId"], item["enterpriseName"]].compactMap { $0 as? String }.joined(separator: " ").lowercased()
                    return text.contains(q.lowercased())
                }.compactMap { $0["id"] as? String })
            }
            let sample = try #require(all.dropFirst(17).first)
            let name = sample["name"] as? String ?? ""
            let enterprise = sample["enterpriseName"] as? String ?? ""
            var queries = [String(name.prefix(4)), String(name.suffix(3)), String(enterprise.prefix(5)), sample["projectId"] as? String ?? "",
                           String(name.prefix(2)), "\"", "a\"b", "%", "_", "zzzqqq"]
            queries += [name.uppercased(), " " + String(enterprise.prefix(1))]
            for q in queries where !q.isEmpty {
                #expect(try await Self.ids(app, q) == expected(q), "q=\(q)")
            }
            // SQLite takes the index only for a selective text; both ways give the same projects.
            if database == .sqlite, let sql = app.db as? any SQLDatabase {
                let store = app.projectStore
                for q in [String(name.prefix(4)), String(enterprise.prefix(3))] {
                    var f = ProjectFilter()
                    f.text = q
                    f.perPage = 500
                    var indexed = f
                    indexed.textThroughIndex = true
                    let a = try await store.pageKeys(f, limit: 500, on: sql).map(\.id)
                    let b = try await store.pageKeys(indexed, limit: 500, on: sql).map(\.id)
                    #expect(a == b && !a.isEmpty, "q=\(q)")
                }
            }

            // A rename is found by its new name and no longer by its old; a deleted project is gone.
            let id = try #require(sample["id"] as? String)
            var stored = try #require(try await app.call(.GET, "api/projects/\(id)").body["project"] as? [String: Any])
            stored["name"] = "氢能重卡示范线改造"
            let put = try await app.call(.PUT, "api/projects/\(id)", json: try Fixtures.json(stored))
            #expect(put.status == .ok, "\(put.raw)")
            #expect(try await Self.ids(app, "重卡示范") == [id])
            if name.count >= 3 && !name.contains("氢能") {
                #expect(!(try await Self.ids(app, name)).contains(id))
            }
            #expect(try await app.call(.DELETE, "api/projects/\(id)").status == .noContent)
            #expect(try await Self.ids(app, "重卡示范").isEmpty)
        }
    }
}
