import Foundation
import Policy
import Simulation

/// `--simulate-file FILE`: what `renewal simulate --file FILE` does — the file read and checked
/// by the bulk reader, laid out, the plan's cost tables computed once — in one process, with
/// the time of each phase; for the end-to-end side by side when the command's release build is
/// not at hand, and to see where the time goes.
enum SimulateFile {
    static func run(path: String) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let library = try PolicyLibraryLoader.loadDefault()
        let loaded = clock.now
        var builder = try PopulationBuilder(vocabulary: library.vocabulary)
        // Reading, checking and laying out are one pass on the cores now; joining the cores'
        // parts is inside it.
        let reader = try ProjectFileLines(path: path, vocabulary: library.vocabulary)
        let t = clock.now
        while let refused = try reader.nextPopulation(into: &builder) {
            guard refused.isEmpty else { throw CocoaError(.fileReadCorruptFile) }
        }
        let reading = clock.now - t
        let population = builder.population
        let evaluating = clock.now
        let result = Simulation(library: library, defaultDay: Day(iso: "2025-06-30")!).run(population)
        let end = clock.now
        func s(_ d: Duration) -> String { String(format: "%.2f s", PopulationFile.seconds(d)) }
        print("simulate-file: \(population.count) projects, recommended total \(result.total.decimalString) yuan")
        print("  library \(s(loaded - start)), reading, checking and laying out \(s(reading)) (\(reader.fastLines) lines by the fast path, \(reader.generalLines) by the general reader), evaluating and adding up \(s(end - evaluating)); whole \(s(end - start))")
    }
}
