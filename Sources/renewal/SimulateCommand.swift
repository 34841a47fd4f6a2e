import ArgumentParser
import Foundation
import Policy
import Simulation

/// `renewal simulate`: the cost of the plan over a population, year by year, and of reforms.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Fiscal cost per year, instrument, district and industry over a population; reforms beside the baseline.",
        discussion: """
        The population is generated (--synthetic N --seed S), read from a file of project files
        (JSON Lines, one enterprise per line, or a single JSON/YAML project file), or taken from the
        project database (--database: DATABASE_URL, or the SQLite file of `serve`). A reform is a YAML
        overlay of parameters, e.g. `7a.cap: "15000000"` and `7a.ratio: "40%"`; give --reform once per
        reform. Budget pools (--budget FILE) ration payments by priority and application date.
        """
    )

    @Option(help: "Generate N synthetic projects.") var synthetic: Int?
    @Option(help: "Seed of the generator.") var seed: UInt64 = 20240531
    @Option(help: "Population file: JSON Lines of project files, or one project file.") var file: String?
    @ArgumentParser.Flag(help: "The projects stored in the database.") var database = false
    @Option(help: "SQLite file with --database when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?
    @Option(help: "Reform: a YAML file of parameter changes (repeatable).") var reform: [String] = []
    @Option(help: "Budget pools (YAML).") var budget: String?
    @Option(help: "Evaluate every project under the policy of this date (YYYY-MM-DD).") var date: String?
    @Option(help: "Write CSV tables, summary.json and chart.svg to this folder.") var out: String?
    @Option(help: "Output: text (default) or json.") var format: MatchCommand.OutputFormat = .text
    @Option(help: "Language: zh or en.") var lang: Language = .zh
    @Option(help: "Policy library folder.") var policy: String?
    @ArgumentParser.Flag(help: "No progress bar.") var quiet = false

    func run() async throws {
        let library = try PolicyLoading.load(policy)
        guard [synthetic != nil, file != nil, database].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --synthetic N, --file FILE or --database")
        }
        if let synthetic, synthetic <= 0 { throw ValidationError("--synthetic must be above zero") }
        var simulation = Simulation(library: library, defaultDay: Day.today())
        if let date {
            guard let d = Day(iso: date) else { throw ValidationError("--date must be YYYY-MM-DD") }
            simulation.day = d
        }
        if let budget { simulation.pools = try BudgetPool.read(yaml: try InputReading.read(budget)) }
        let reforms = try reform.map { path -> (String, ParameterOverlay) in
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            do { return (name, try ParameterOverlay.read(try JSONValue.parseYAML(try InputReading.read(path)))) }
            catch { throw ValidationError("reform \(path): \(error)") }
        }
        // Check the reforms before the long run, so a typo fails at once.
        for (name, overlay) in reforms {
            do { _ = try library.applying(overlay) } catch { throw ValidationError("reform \(name): \(error)") }
        }
        let bar = ProgressBar(enabled: !quiet)
        let population: Population
        if let synthetic {
            population = try PopulationSources.synthetic(synthetic, seed: seed, library: library, bar: bar)
        } else if let file {
            population = try PopulationSources.file(file, library: library, bar: bar)
        } else {
            population = try await PopulationSources.database(sqlite: sqlite, library: library)
        }
        let scenarios = 1 + reforms.count
        let total = population.count * scenarios
        bar.start(language: lang, label: lang == .zh ? "测算" : "evaluating", total: total)
        let baseline = simulation.run(population) { bar.update($0) }
        var comparisons: [ReformComparison] = []
        for (k, (name, overlay)) in reforms.enumerated() {
            let offset = population.count * (k + 1)
            comparisons.append(try simulation.compare(baseline, population: population, reform: overlay, name: name) { bar.update(offset + $0) })
        }
        bar.finish()
        switch format {
        case .json:
            struct Output: Encodable { var baseline: SimulationResult; var reforms: [ReformComparison] }
            FileHandle.standardOutput.write(Data((try PlanJSON.encode(Output(baseline: baseline, reforms: comparisons)) + "\n").utf8))
        case .text:
            FileHandle.standardOutput.write(Data(SimulationText(language: lang).render(baseline, reforms: comparisons).utf8))
        }
        if let out {
            try SimulationOutput.write(baseline, reforms: comparisons, to: out, language: lang)
            FileHandle.standardError.write(Data((lang == .zh ? "已写入 \(out)/\n" : "written to \(out)/\n").utf8))
        }
    }
}
