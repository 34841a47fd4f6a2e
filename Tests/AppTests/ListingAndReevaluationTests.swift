import Foundation
import Policy
import Registry
import Testing
import Vapor
import VaporTesting

/// Walking a long list by cursor, the bounded count, and re-evaluating stored projects after the
/// policy library changes.
@Suite struct ListingAndReevaluationTests {
    /// Every page by cursor, in one sort order: the ids in order, and the pages' totals.
    static func walk(_ app: Application, _ query: String, perPage: Int) async throws -> [String] {
        var ids: [String] = []
        var path = "api/projects?perPage=\(perPage)&\(query)"
        for _ in 0..<1000 {
            let r = try await app.call(.GET, path)
            #expect(r.status == .ok, "\(r.raw)")
            let items = r.body["items"] as? [[String: Any]] ?? []
            ids += items.compactMap { $0["id"] as? String }
            guard let cursor = r.body["nextCursor"] as? String else { return ids }
            #expect(items.count == perPage)
            path = "api/projects?perPage=\(perPage)&\(query)&cursor=\(cursor)"
        }
        Issue.record("the cursor never ended")
        return ids
    }

    @Test(arguments: TestDatabase.all)
    func cursorPagesVisitEveryProjectOnceInOrder(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (jsonl, n) = try ImportExportAPITests.population(150)
            let (status, _, _) = try await ImportExportAPITests.upload(app, "api/imports?format=jsonl&chunkSize=40&wait=true", body: Data(jsonl.utf8), contentType: "application/x-ndjson")
            #expect(status == .ok)
            let all = try await app.call(.GET, "api/projects?perPage=500&sort=amount")
            let byAmount = (all.body["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(byAmount.count == n && all.body["total"] as? Int == n && all.body["totalExact"] as? Bool == true)
            #expect(all.body["nextCursor"] == nil)

            for sort in ["updated", "amount", "name"] {
                let walked = try await Self.walk(app, "sort=\(sort)", perPage: 7)
                #expect(walked.count == n && Set(walked).count == n, "\(sort): \(walked.count) of \(n)")
                // The same order as one big page, and as offset pages.
                let one = try await app.call(.GET, "api/projects?perPage=500&sort=\(sort)")
                #expect(walked == (one.body["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }, "\(sort)")
                let third = try await app.call(.GET, "api/projects?perPage=7&page=3&sort=\(sort)")
                #expect(Array(walked[14..<21]) == (third.body["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            }
            // Amounts never rise down the amount order.
            let amounts = (all.body["items"] as? [[String: Any]] ?? []).compactMap { ($0["recommendedTotal"] as? String).flatMap { Decimal(string: $0) } }
            #expect(zip(amounts, amounts.dropFirst()).allSatisfy { $0 >= $1 })

            // A filtered walk gives exactly the filtered set.
            let district = try await app.call(.GET, "api/projects?perPage=500&district=pudong")
            let pudong = Set((district.body["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            #expect(!pudong.isEmpty && pudong.count < n)
            #expect(Set(try await Self.walk(app, "district=pudong", perPage: 4)) == pudong)

            // Cursors that were not given out, or from another order, are refused with the parameter named.
            var r = try await app.call(.GET, "api/projects?cursor=not-a-cursor")
            #expect(r.status == .badRequest && r.raw.contains("cursor"))
            let first = try await app.call(.GET, "api/projects?perPage=5&sort=name")
            let cursor = first.body["nextCursor"] as? String ?? ""
            r = try await app.call(.GET, "api/projects?sort=amount&cursor=\(cursor)")
            #expect(r.status == .badRequest)
            r = try await app.call(.GET, "api/projects?sort=name&page=2&cursor=\(cursor)")
            #expect(r.status == .badRequest && r.raw.contains("page"))

            // LIKE's wildcards in the text are literal: "%" matches no project.
            r = try await app.call(.GET, "api/projects?q=%25")
            #expect(r.status == .ok && r.body["total"] as? Int == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func reevaluationFollowsAChangedCap(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (jsonl, n) = try ImportExportAPITests.population(200)
            let (status, _, _) = try await ImportExportAPITests.upload(app, "api/imports?format=jsonl&wait=true", body: Data(jsonl.utf8), contentType: "application/x-ndjson")
            #expect(status == .ok)

            // Under the library the projects were stored with, nothing changes.
            let same = try await Reevaluation(db: app.db, library: app.policyLibrary).run(batch: 33)
            #expect(same.examined == n && same.changed == 0 && same.totalBefore == same.totalAfter)

            // A lower (七) cap: some totals fall, none rise, and the stored totals follow.
            var overlay = ParameterOverlay()
            overlay.changes = [("7a.cap", .always("1000000"))]
            let lower = try app.policyLibrary.applying(overlay)
            let dry = try await Reevaluation(db: app.db, library: lower).run(batch: 33, dryRun: true)
            #expect(dry.changed > 0 && dry.totalAfter < dry.totalBefore)
            let unchanged = try await Reevaluation(db: app.db, library: app.policyLibrary).run(batch: 50, dryRun: true)
            #expect(unchanged.changed == 0, "a dry run wrote")
            // The preview of the change (the overlay over the library in force) is the dry run, and writes nothing.
            var previewed: [Reevaluation.Change] = []
            let preview = try await Reevaluation.preview(db: app.db, library: app.policyLibrary, overlay: overlay) { previewed.append($0) }
            #expect(preview == dry && previewed.count == dry.changed && previewed.allSatisfy { $0.after <= $0.before })
            #expect(try await Reevaluation(db: app.db, library: app.policyLibrary).run(dryRun: true).changed == 0, "the preview wrote")

            let real = try await Reevaluation(db: app.db, library: lower).run(batch: 33)
            #expect(real == dry)
            let again = try await Reevaluation(db: app.db, library: lower).run(batch: 33)
            #expect(again.changed == 0 && again.totalBefore == real.totalAfter)

            // The stored total of every project is now the engine's under the lower cap.
            let engine = Engine(library: lower)
            var checked = 0
            let stored = try await ProjectModel.query(on: app.db).with(\.$enterprise).with(\.$categories)
                .with(\.$loans) { loan in loan.with(\.$interest) }
                .with(\.$leases).with(\.$equipment).with(\.$certifications).all()
            for m in stored {
                #expect(m.recommendedFen == engine.evaluate(m.domain()).recommendation.total.fen, "\(m.code)")
                checked += 1
            }
            #expect(checked == n)
        }
    }
}
