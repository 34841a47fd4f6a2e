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
        var reading = Duration.zero, layout = Duration.zero
        let reader = try ProjectFileLines(path: path, vocabulary: library.vocabulary)
        var t = clock.now
        while let lines = try reader.next() {
            let parsed = clock.now
            reading += parsed - t
            for line in lines {
                guard case .success(let file) = line.result else { throw CocoaError(.fileReadCorruptFile) }
                for p in file.projects { builder.append(p, enterprise: file.enterprise) }
            }
            t = clock.now
            layout += t - parsed
        }
        let population = builder.population
        let evaluating = clock.now
        let result = Simulation(library: library, defaultDay: Day(iso: "2025-06-30")!).run(population)
        let end = clock.now
        func s(_ d: Duration) -> String { String(format: "%.2f s", PopulationFile.seconds(d)) }
        print("simulate-file: \(population.count) projects, recommended total \(result.total.decimalString) yuan")
        print("  library \(s(loaded - start)), reading and checking \(s(reading)), laying out \(s(layout)), evaluating and adding up \(s(end - evaluating)); whole \(s(end - start))")
    }
}
