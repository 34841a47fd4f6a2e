import Fluent
import Foundation
@testable import Registry
import SQLKit
import Testing
import Vapor

/// The re-evaluation's write-back: many projects a statement (`UPDATE … FROM VALUES`), each
/// project given its own values, the others left as they were, on both databases.
@Suite struct ReevaluationWriteTests {
    @Test(arguments: TestDatabase.all)
    func changedRecommendationsAreWrittenManyAStatement(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (jsonl, n) = try ImportExportAPITests.population(60)
            let (status, _, _) = try await ImportExportAPITests.upload(app, "api/imports?format=jsonl&wait=true", body: Data(jsonl.utf8), contentType: "application/x-ndjson")
            #expect(status == .ok)
            let before = try await ProjectModel.query(on: app.db).sort(\.$id).all()
            #expect(before.count == n)
            // Every other project, in statements of 7 (the last one shorter).
            let chosen = before.enumerated().filter { $0.offset % 2 == 0 }
            let updates = try chosen.map { (id: try $0.element.requireID(), fen: Int64(1_000_000 + $0.offset), instruments: "7a,9") }
            try await app.db.transaction { db in
                try await Reevaluation.write(updates, on: try #require(db as? any SQLDatabase), perStatement: 7)
            }
            let after = try await ProjectModel.query(on: app.db).sort(\.$id).all()
            for (i, (old, new)) in zip(before, after).enumerated() {
                #expect(old.id == new.id)
                if i % 2 == 0 {
                    #expect(new.recommendedFen == Int64(1_000_000 + i) && new.recommendedInstruments == "7a,9", "\(new.code)")
                } else {
                    #expect(new.recommendedFen == old.recommendedFen && new.recommendedInstruments == old.recommendedInstruments, "\(new.code)")
                }
            }
        }
    }
}
