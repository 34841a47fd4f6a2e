import ArgumentParser
import Foundation
import Logging
import Policy
import Registry
import Risk

/// `renewal risk`: the risk flags of issue 11 (item 7) over a whole population.
struct RiskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Risk flags over a population of projects (they inform officers and refuse nothing).",
        subcommands: [RiskScanCommand.self]
    )
}

/// `renewal risk scan`: flags every project of the registry, or of a file, and prints the counts
/// per kind and the share of projects flagged.
struct RiskScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Flag every project of the database (or of --file) and print the counts per kind.",
        discussion: """
        The thresholds are the policy library's risk.yaml; amounts (the 20,000,000 of (七)) are its parameters on --date.
        With --file, the projects are read from JSON Lines of project files (one enterprise a line) or one project
        file, validated as `renewal match` does; without it, from the database (DATABASE_URL, or the SQLite file).
        """
    )

    @ArgumentParser.Option(help: "Database: a postgres:// URL or a SQLite file (default: DATABASE_URL, else renewal.sqlite).") var database: String?
    @ArgumentParser.Option(help: "Read the projects from this file instead of the database.") var file: String?
    @ArgumentParser.Option(help: "Policy library folder (default: the one `serve` loads).") var policy: String?
    @ArgumentParser.Option(help: "The day whose parameter values are the thresholds, YYYY-MM-DD (default today).") var date: String?
    @ArgumentParser.Option(help: "Language of the report: zh or en.") var lang: Language = .zh
    @ArgumentParser.Flag(help: "Also print every flag, one a line.") var list = false

    func run() async throws {
        guard let directory = policy.map({ URL(fileURLWithPath: $0) }) ?? PolicyLibraryLoader.defaultDirectory() else { throw ExitCode(3) }
        var library = try PolicyLoading.load(policy)
        let day: Day
        if let date {
            guard let d = Day(iso: date) else { throw ValidationError("--date must be a date YYYY-MM-DD: \(date)") }
            day = d
        } else { day = .today() }
        let population: RiskPopulation
        if let file {
            population = try Self.read(file, library: library)
        } else {
            var settings = DatabaseSettings.fromEnvironment()
            if let database {
                if database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") { settings.url = database } else {
                    settings.url = nil
                    settings.sqlitePath = database
                }
            }
            var logger = Logger(label: "renewal")
            logger.logLevel = .warning
            (library, population) = try await RegistryConnection.with(settings, logger: logger) { connection in
                // The library in force, as the server has it.
                (try await PolicyChangeStore(db: connection.db).library(over: library), try await RiskPopulationLoader.load(on: connection.db))
            }
        }
        let risk: RiskSettings
        do { risk = try RiskSettingsLoader.load(directory: directory, library: library) } catch let errors as PolicyLibraryErrors {
            FileHandle.standardError.write(Data("risk.yaml refused:\n\(errors)\n".utf8))
            throw ExitCode(3)
        }
        let flags = RiskScanner(settings: risk, library: library, day: day).scan(population)
        print(RiskScanReport(flags: flags, projects: population.count).text(lang))
        if list {
            for flag in flags {
                print("\(flag.project)\t\(flag.kind.rawValue)\t\(flag.reason.text(lang))\t\(flag.partners.map(\.description).joined(separator: ","))")
            }
        }
    }

    static func read(_ path: String, library: PolicyLibrary) throws -> RiskPopulation {
        var population = RiskPopulation()
        try ProjectFileLines(path: path, vocabulary: library.vocabulary).forEach { lines in
            for line in lines {
                switch line.result {
                case .success(let file): population.add(file)
                case .failure(let failure):
                    throw ValidationError("\(path) line \(line.number):\n" + failure.issues.map { "  \($0.path): \($0.message.en)" }.joined(separator: "\n"))
                }
            }
        }
        return population
    }
}

/// What `risk scan` prints: projects, flagged projects and their share, flags and flagged
/// projects per kind.
struct RiskScanReport {
    let flags: [RiskFlag]
    let projects: Int

    func text(_ lang: Language) -> String {
        let flagged = Set(flags.map(\.project)).count
        // Shares in hundredths of a percent, from integers.
        let basis = projects == 0 ? 0 : flagged * 10_000 / projects
        let share = "\(basis / 100).\(basis % 100 < 10 ? "0" : "")\(basis % 100)%"
        var lines = [lang == .zh ? "项目 \(projects) 个，被提示 \(flagged) 个（\(share)），提示 \(flags.count) 条"
                                 : "\(projects) projects, \(flagged) flagged (\(share)), \(flags.count) flags"]
        for kind in RiskKind.allCases {
            let ofKind = flags.filter { $0.kind == kind }
            lines.append("  \(kind.rawValue)\t\(kind.label.text(lang))\t\(ofKind.count)\t\(Set(ofKind.map(\.project)).count)")
        }
        return lines.joined(separator: "\n")
    }
}
