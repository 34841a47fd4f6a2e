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

    /// JSON Lines of project files (one enterprise a line), or a single project file. Every
    /// line is validated; the first invalid one stops the run with its line number and paths.
    static func file(_ path: String, library: PolicyLibrary, bar: ProgressBar) throws -> Population {
        let text = try InputReading.read(path)
        var builder = try PopulationBuilder(vocabulary: library.vocabulary)
        let trimmed = text.drop { $0.isWhitespace }
        let lines: [Substring] = trimmed.hasPrefix("{") && text.contains("\n{") ? text.split(separator: "\n", omittingEmptySubsequences: true) : [Substring(text)]
        bar.start(language: .zh, label: "读取 / reading", total: lines.count)
        for (n, line) in lines.enumerated() {
            switch ProjectFileReader.read(text: String(line), vocabulary: library.vocabulary) {
            case .success(let file): for p in file.projects { builder.append(p, enterprise: file.enterprise) }
            case .failure(let failure):
                bar.finish()
                throw ValidationError("\(path) line \(n + 1):\n" + failure.issues.map { "  \($0.path): \($0.message.en)" }.joined(separator: "\n"))
            }
            if n % 1000 == 0 { bar.update(n) }
        }
        bar.finish()
        return builder.population
    }
}
