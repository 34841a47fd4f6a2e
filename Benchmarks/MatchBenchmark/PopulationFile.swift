import Foundation
import Policy
import Simulation
import Tabular

/// The population as a file other tools can read (JSON Lines: one project file — an enterprise
/// and its projects — per line), and the batch engine's totals over it, for the side-by-side
/// comparison with OpenFisca.
enum PopulationFile {
    /// `--write-population FILE --count N [--seed S]`: JSON Lines, or the officers' CSV import
    /// format when FILE ends in `.csv` (one row a project; for the registry's import benchmark).
    static func write(to path: String, count: Int, seed: UInt64) throws {
        let library = try PolicyLibraryLoader.loadDefault()
        var generator = SyntheticProjects(seed: seed, vocabulary: library.vocabulary)
        if path.hasSuffix(".csv") {
            var files: [ProjectFile] = []
            while generator.made < count { files.append(generator.nextFile()) }
            try TabularExport.writeCSV(files, to: URL(fileURLWithPath: path))
            print("wrote \(generator.made) projects to \(path)")
            return
        }
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        var buffer = ""
        while generator.made < count {
            buffer += ProjectFileWriter.text(generator.nextFile()) + "\n"
            if buffer.utf8.count > 1 << 20 { handle.write(Data(buffer.utf8)); buffer = "" }
        }
        handle.write(Data(buffer.utf8))
        print("wrote \(generator.made) projects to \(path)")
    }

    struct Totals: BatchSink {
        var standalone = [Int64](repeating: 0, count: 32)
        var recommended = [Int64](repeating: 0, count: 32)
        var eligible = [Int](repeating: 0, count: 32)
        mutating func record(_ outcome: borrowing ProjectOutcome) {
            for f in 0..<outcome.instrumentIds.count where outcome.status[f] == .matched || outcome.status[f] == .amountUnstated {
                standalone[f] += outcome.amount[f]
                recommended[f] += outcome.recommended[f]
                eligible[f] += 1
            }
        }
    }

    /// `--population-file FILE [--totals-json OUT]`: reads and validates the file, lays it out,
    /// times the batch engine, and writes per-instrument totals.
    static func evaluate(path: String, totalsPath: String?) throws {
        let library = try PolicyLibraryLoader.loadDefault()
        let clock = ContinuousClock()
        var start = clock.now
        var builder = try PopulationBuilder(vocabulary: library.vocabulary)
        try ProjectFileLines(path: path, vocabulary: library.vocabulary).forEach { lines in
            for line in lines {
                switch line.result {
                case .success(let file): for p in file.projects { builder.append(p, enterprise: file.enterprise) }
                case .failure(let failure): throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "line \(line.number): \(failure)"])
                }
            }
        }
        let population = builder.population
        let loadSeconds = seconds(clock.now - start)
        let batch = BatchEvaluator(library: library, categoryIds: population.categoryIds, defaultDay: Day(iso: "2025-06-30")!)
        var best = Double.infinity
        var sinks: [Totals] = []
        for _ in 0..<3 {
            start = clock.now
            sinks = batch.run(population) { _ in Totals() }
            best = min(best, seconds(clock.now - start))
        }
        let ids = batch.evaluate(population, project: 0).instrumentIds
        var standalone: [String: String] = [:], recommended: [String: String] = [:], eligible: [String: Int] = [:]
        for (f, id) in ids.enumerated() {
            standalone[id] = Money(fen: sinks.reduce(0) { $0 + $1.standalone[f] }).decimalString
            recommended[id] = Money(fen: sinks.reduce(0) { $0 + $1.recommended[f] }).decimalString
            eligible[id] = sinks.reduce(0) { $0 + $1.eligible[f] }
        }
        print(String(format: "renewal batch: %d projects read in %.2f s; evaluated in %.3f s (best of 3, %d cores)",
                     population.count, loadSeconds, best, ProcessInfo.processInfo.activeProcessorCount))
        if let totalsPath {
            let object: [String: Any] = ["engine": "renewal", "projects": population.count, "seconds": best,
                                         "standalone": standalone, "recommended": recommended, "eligible": eligible]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: URL(fileURLWithPath: totalsPath))
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
