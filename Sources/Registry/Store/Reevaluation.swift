import FluentKit
import Foundation
import Policy
import SQLKit
import Workflow

/// What a re-evaluation found.
public struct ReevaluationReport: Sendable, Equatable {
    public var examined = 0
    /// Projects whose recommended total or combination changed (and were rewritten).
    public var changed = 0
    public var totalBefore = Money.zero
    public var totalAfter = Money.zero
    /// After less before: what the change adds to (or, negative, takes from) the recommended total.
    public var difference: Money { totalAfter - totalBefore }
}

/// Recomputes the recommended total and combination stored with every project under the policy
/// library now loaded — after a parameter changes, a clause is re-read, or a new version of the
/// library is installed — so that lists, filters by amount or instrument, and exports agree with
/// what `match` says today.
///
/// The stored projects are read in bulk, chunk by chunk, straight into the batch engine's
/// population (`StoredPopulation`: one query a chunk, each project's stored object scanned, no
/// model per row), the next chunk read while one is evaluated on all cores by the batch engine
/// (the same results as `match`), and only the rows that changed are rewritten, one
/// transaction a chunk, each write going on while the next chunks are read and evaluated. `updated_at` is left alone: the project's content did not
/// change, its evaluation did.
public struct Reevaluation: Sendable {
    public let db: any Database
    public let library: PolicyLibrary
    /// The scenario tasks' fields, for the designations the recommendations consult (十八).
    public var scenarios: ScenarioFields

    public init(db: any Database, library: PolicyLibrary, scenarios: ScenarioFields = ScenarioFields()) {
        self.db = db
        self.library = library
        self.scenarios = scenarios
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

    /// What a change of parameters would do to the stored projects, written nowhere: `overlay`
    /// applied to the library (a preview for the officer who is about to make the change).
    /// Changes are reported in name order.
    public static func preview(db: any Database, library: PolicyLibrary, overlay: ParameterOverlay, scenarios: ScenarioFields = ScenarioFields(),
                               changed: ((Change) -> Void)? = nil) async throws -> ReevaluationReport {
        try await Reevaluation(db: db, library: try library.applying(overlay), scenarios: scenarios).run(dryRun: true, changed: changed)
    }

    /// - Parameter batch: projects read and evaluated at a time.
    /// - Parameter changed: told of every changed project, in name order, once all are evaluated.
    public func run(batch: Int = 20_000, dryRun: Bool = false,
                    progress: (@Sendable (_ examined: Int) -> Void)? = nil,
                    changed: ((Change) -> Void)? = nil) async throws -> ReevaluationReport {
        let store = ProjectStore(db: db, engine: Engine(library: library))
        _ = try store.sqlDatabase  // refuses a database without SQL before reading anything
        let ids = try PopulationBuilder(vocabulary: library.vocabulary).population.categoryIds
        let evaluator = BatchEvaluator(library: library, categoryIds: ids)
        var report = ReevaluationReport()
        var changes: [Change] = []
        // The libraries read once for the run, not once a chunk.
        let libraries = try await librariesToConsult()
        let reader = StoredPopulation(db: db, vocabulary: library.vocabulary)
        let size = max(1, batch)
        var chunk = try await reader.read(after: nil, limit: size)
        // At most one chunk's write in flight: it goes on while the next chunk is evaluated and
        // the one after is read (on PostgreSQL on the server's core). The rows it writes are
        // never those being read; on SQLite's one connection the two take turns.
        var writing: Task<Void, any Error>?
        do {
            while !chunk.ids.isEmpty {
                // The next chunk is read while this one is evaluated.
                let last = chunk.ids.count < size ? nil : chunk.ids.last
                let next = last.map { after in Task { try await reader.read(after: after, limit: size) } }
                defer { next?.cancel() }
                var found = Self.evaluate(chunk, with: evaluator)
                try await consultLibraries(chunk, libraries: libraries, into: &found)
                report.examined += chunk.ids.count
                report.totalBefore += Money(fen: chunk.recommendedFen.reduce(0, +))
                report.totalAfter += Money(fen: found.total)
                report.changed += found.changed.count
                if changed != nil {
                    for (i, after, lines) in found.changed {
                        changes.append(Change(projectID: chunk.ids[i], creditCode: chunk.creditCodes[i], projectCode: chunk.codes[i],
                                              projectName: chunk.names[i], before: Money(fen: chunk.recommendedFen[i]), after: Money(fen: after),
                                              instrumentsBefore: chunk.recommendedInstruments[i].split(separator: ",").map(String.init),
                                              instrumentsAfter: lines))
                    }
                }
                let following = try await next?.value
                if !dryRun, !found.changed.isEmpty {
                    let updates = found.changed.map { (id: chunk.ids[$0.index], fen: $0.total, instruments: ProjectModel.instrumentList($0.instruments)) }
                    try await writing?.value
                    let db = self.db, engine = store.engine
                    writing = Task {
                        try await db.transaction { db in
                            try await Self.write(updates, on: try ProjectStore(db: db, engine: engine).sqlDatabase)
                        }
                    }
                }
                progress?(report.examined)
                guard let following else { break }
                chunk = following
            }
            try await writing?.value
        } catch {
            // A write in flight ends (committed or not) before the run reports its error.
            _ = await writing?.result
            throw error
        }
        if let changed {
            changes.sort { ($0.projectName, $0.projectCode, $0.projectID.uuidString) < ($1.projectName, $1.projectCode, $1.projectID.uuidString) }
            changes.forEach(changed)
        }
        return report
    }

    /// Rows an UPDATE statement rewrites (three values each).
    static let updatesPerStatement = 1000

    /// The changed recommendations written back, many rows a statement: the new values are a
    /// table of VALUES joined to the projects by id (`UPDATE … FROM`, SQLite 3.33 and PostgreSQL;
    /// VALUES names its columns column1, column2, … on both), instead of one UPDATE a project.
    static func write(_ updates: [(id: UUID, fen: Int64, instruments: String)], on sql: any SQLDatabase,
                      perStatement: Int = updatesPerStatement) async throws {
        let perStatement = max(1, perStatement)
        var start = 0
        while start < updates.count {
            let slice = updates[start..<min(start + perStatement, updates.count)]
            start += perStatement
            var query = SQLQueryString("UPDATE \(ProjectModel.schema) SET recommended_fen = v.column2, recommended_instruments = v.column3 FROM (VALUES ")
            for (i, u) in slice.enumerated() {
                query.appendLiteral(i == 0 ? "(" : ", (")
                query.appendInterpolation(bind: u.id)
                query.appendLiteral(", ")
                query.appendInterpolation(bind: u.fen)
                query.appendLiteral(", ")
                query.appendInterpolation(bind: u.instruments)
                query.appendLiteral(")")
            }
            query.appendLiteral(") AS v WHERE \(ProjectModel.schema).id = v.column1")
            try await sql.raw(query).run()
        }
    }

    /// The chunk evaluated on all cores: its new total, and the projects whose total or
    /// combination differs from the stored one.
    static func evaluate(_ chunk: StoredPopulation.Chunk, with evaluator: BatchEvaluator)
        -> (total: Int64, changed: [(index: Int, total: Int64, instruments: [String])]) {
        struct Sink: BatchSink {
            let stored: (fen: [Int64], instruments: [String])
            var next: Int
            var total: Int64 = 0
            var changed: [(index: Int, total: Int64, instruments: [String])] = []
            mutating func record(_ outcome: borrowing ProjectOutcome) {
                let lines = outcome.recommendedCityInstruments
                total += outcome.total
                if outcome.total != stored.fen[next] || ProjectModel.instrumentList(lines) != stored.instruments[next] {
                    changed.append((next, outcome.total, lines))
                }
                next += 1
            }
        }
        let population = chunk.population
        let stored = (fen: chunk.recommendedFen, instruments: chunk.recommendedInstruments)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, population.count))
        // The evaluator gives worker w the projects from count·w/workers on, in order.
        let sinks = evaluator.run(population, workers: workers) { w in Sink(stored: stored, next: population.count * w / workers) }
        return (sinks.reduce(0) { $0 + $1.total }, sinks.flatMap(\.changed))
    }
}
