import Foundation
import Policy
import Simulation

/// `--population N`: generates N projects, lays them out, and times the batch engine over them
/// (every instrument and the recommended combination for every project, all cores).
enum PopulationRun {
    struct Totals: BatchSink {
        var total: Int64 = 0
        var perInstrument = [Int64](repeating: 0, count: 32)
        mutating func record(_ outcome: borrowing ProjectOutcome) {
            total += outcome.total
            for f in 0..<outcome.cityCount { perInstrument[f] += outcome.recommended[f] }
        }
    }

    static func run(count: Int, seed: UInt64) throws {
        let library = try PolicyLibraryLoader.loadDefault()
        let clock = ContinuousClock()
        var start = clock.now
        var generator = SyntheticProjects(seed: seed, vocabulary: library.vocabulary)
        var builder = try PopulationBuilder(vocabulary: library.vocabulary)
        builder.reserve(projects: count)
        while generator.made < count {
            let file = generator.nextFile()
            for p in file.projects { builder.append(p, enterprise: file.enterprise) }
        }
        let population = builder.population
        print("population: \(population.count) projects generated and laid out in \(seconds(clock.now - start))")
        let batch = BatchEvaluator(library: library, categoryIds: population.categoryIds, defaultDay: Day(iso: "2025-06-30")!)
        for workers in [1, ProcessInfo.processInfo.activeProcessorCount] {
            var best = Duration.seconds(1000)
            var total: Int64 = 0
            for _ in 0..<3 {
                start = clock.now
                let sinks = batch.run(population, workers: workers) { _ in Totals() }
                let elapsed = clock.now - start
                if elapsed < best { best = elapsed }
                total = sinks.reduce(0) { $0 + $1.total }
            }
            print("  \(workers) worker\(workers == 1 ? "" : "s"): best of 3 \(seconds(best)) (\(perProject(best, population.count)) per project); recommended total \(Money(fen: total).grouped) yuan")
        }
    }

    static func seconds(_ d: Duration) -> String {
        String(format: "%.3f s", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }

    static func perProject(_ d: Duration, _ n: Int) -> String {
        String(format: "%.2f µs", (Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12) / Double(n))
    }
}
