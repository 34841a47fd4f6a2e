import FluentKit
import Foundation
import Policy
import SQLKit

/// What a re-evaluation found.
public struct ReevaluationReport: Sendable, Equatable {
    public var examined = 0
    /// Projects whose recommended total or combination changed (and were rewritten).
    public var changed = 0
    public var totalBefore = Money.zero
    public var totalAfter = Money.zero
}

/// Recomputes the recommended total and combination stored with every project under the policy
/// library now loaded — after a parameter changes, a clause is re-read, or a new version of the
/// library is installed — so that lists, filters by amount or instrument, and exports agree with
/// what `match` says today.
///
/// The projects are walked in batches in name order (keyset), evaluated by the batch engine (the
/// same results as `match`), and only the rows that changed are rewritten, one transaction a
/// batch. `updated_at` is left alone: the project's content did not change, its evaluation did.
public struct Reevaluation: Sendable {
    public let db: any Database
    public let library: PolicyLibrary

    public init(db: any Database, library: PolicyLibrary) {
        self.db = db
        self.library = library
    }

    /// A project whose recommendation changed: before and after.
    public struct Change: Sendable {
        public let projectID: UUID
        public let creditCode: String
        public let projectCode: String
        public let projectName: String
        public let before: Money
        public let after: Money
        public let instrumentsBefore: [String]
        public let instrumentsAfter: [String]
    }

    public func run(batch: Int = 1000, dryRun: Bool = false,
                    progress: (@Sendable (_ examined: Int) -> Void)? = nil,
                    changed: ((Change) -> Void)? = nil) async throws -> ReevaluationReport {
        let store = ProjectStore(db: db, engine: Engine(library: library))
        let ids = try PopulationBuilder(vocabulary: library.vocabulary).population.categoryIds
        let evaluator = BatchEvaluator(library: library, categoryIds: ids)
        _ = try store.sqlDatabase  // refuses a database without SQL before reading anything
        var report = ReevaluationReport()
        try await store.forEachProject(ProjectFilter(), batch: batch) { models in
            var builder = try PopulationBuilder(vocabulary: library.vocabulary)
            for m in models { builder.append(m.domain(), enterprise: m.enterprise.domain()) }
            let population = builder.population
            var updates: [(UUID, Int64, String)] = []
            for (i, m) in models.enumerated() {
                let outcome = evaluator.evaluate(population, project: i)
                let lines = outcome.recommendedCityInstruments
                let instruments = ProjectModel.instrumentList(lines)
                report.examined += 1
                report.totalBefore += Money(fen: m.recommendedFen)
                report.totalAfter += Money(fen: outcome.total)
                if outcome.total != m.recommendedFen || instruments != m.recommendedInstruments {
                    updates.append((try m.requireID(), outcome.total, instruments))
                    changed?(Change(projectID: try m.requireID(), creditCode: m.enterprise.creditCode, projectCode: m.code, projectName: m.name,
                                    before: Money(fen: m.recommendedFen), after: Money(fen: outcome.total),
                                    instrumentsBefore: m.recommendedInstruments.split(separator: ",").map(String.init), instrumentsAfter: lines))
                }
            }
            report.changed += updates.count
            if !dryRun, !updates.isEmpty {
                let updates = updates
                try await db.transaction { db in
                    let sql = try ProjectStore(db: db, engine: store.engine).sqlDatabase
                    for (id, fen, instruments) in updates {
                        try await sql.update(ProjectModel.schema)
                            .set("recommended_fen", to: SQLBind(fen)).set("recommended_instruments", to: SQLBind(instruments))
                            .where("id", .equal, SQLBind(id)).run()
                    }
                }
            }
            progress?(report.examined)
        }
        return report
    }
}
