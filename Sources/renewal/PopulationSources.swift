import ArgumentParser
import Foundation
import Policy
import Registry
import Simulation

/// Where a simulated population comes from: the generator, a file, or the project database.
enum PopulationSources {
    /// Every stored project, read in pages so memory holds the population, not the rows.
    static func database(sqlite: String?, library: PolicyLibrary) async throws -> Population {
        try await DatabaseSession.with(sqlite: sqlite) { session in
            var builder = try PopulationBuilder(vocabulary: library.vocabulary)
            try await session.projectStore.forEachProject(ProjectFilter()) { batch in
                for m in batch {
                    builder.append(m.domain(), enterprise: m.enterprise.domain())
                }
            }
            return builder.population
        }
    }

    static func synthetic(_ n: Int, seed: UInt64, library: PolicyLibrary, bar: ProgressBar) throws -> Population {
        var generator = SyntheticProjects(seed: seed, vocabulary: library.vocabulary)
        var builder = try PopulationBuilder(vocabulary: library.vocabulary)
        builder.reserve(projects: n)
        bar.start(language: .zh, label: "生成 / generating", total: n)
        while generator.made < n {
            let file = generator.nextFile()
            for p in file.projects { builder.append(p, enterprise: file.enterprise) }
            if generator.made % 10_000 < 3 { bar.update(generator.made) }
        }
        bar.finish()
        return builder.population
    }

    /// JSON Lines of project files (one enterprise a line), or a single project file, through
    /// the one streaming reader (`ProjectFileLines`: every check of `match`, on all cores, memory
    /// flat in the file's size), laid out on the cores as it is read. The first invalid line
    /// stops the run with its number and paths.
    static func file(_ path: String, library: PolicyLibrary, bar: ProgressBar) throws -> Population {
        let reader = try ProjectFileLines(path: path, vocabulary: library.vocabulary)
        var builder = try PopulationBuilder(vocabulary: library.vocabulary)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        bar.start(language: .zh, label: "读取 / reading (MB)", total: max(1, size >> 20))
        var read = 0
        while let refused = try reader.nextPopulation(into: &builder) {
            if let line = refused.first, case .failure(let failure) = line.result {
                bar.finish()
                throw ValidationError("\(path) line \(line.number):\n" + failure.issues.map { "  \($0.path): \($0.message.en)" }.joined(separator: "\n"))
            }
            read += ProjectFileLines.blockSize >> 20
            bar.update(min(read, size >> 20))
        }
        bar.finish()
        return builder.population
    }
}
