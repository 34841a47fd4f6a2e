import ArgumentParser
import Foundation
import Policy
import Tabular

/// `renewal match FILE`: what each project of an enterprise can get, why, and what is missing.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Evaluate an enterprise's projects against the policy library (一企一策 plan).",
        discussion: """
        FILE is a project file in JSON or YAML (see Schemas/project-file.schema.json); '-' or no FILE reads
        standard input. Invalid input is refused with every problem named by its JSON path, and exit code 2.
        """
    )

    @Argument(help: "Project file (JSON or YAML); '-' for standard input.")
    var file: String = "-"

    @Option(help: "Report language: zh (default) or en.")
    var lang: Language = .zh

    @Option(help: "Output: text (default) or json.")
    var format: OutputFormat = .text

    @Option(help: "Evaluate under the policy in force on this date (YYYY-MM-DD) instead of each project's application date.")
    var date: String?

    @Option(help: "Policy library folder (default: Policies/shanghai-2024-355).")
    var policy: String?

    @Option(help: "The innovative-product catalogue (CSV, XLSX or JSON of entries) that 17a, 17b and 17c are checked against; without it the file's declarations stand.")
    var catalogue: String?

    @Option(help: "The recognitions of the list library (JSON array of {key, name, kind, year, edition, editionTitle, publishedOn}) that 16 is checked against; without it the declared category stands.")
    var recognitions: String?

    @Option(help: "The scenario tasks' designations (JSON array of {taskId, taskTitle, batch, field, creditCode, projectCode, designatedOn}) that 18 is checked against; without it the declared categories stand.")
    var designations: String?

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let library = try PolicyLoading.load(policy)
        var day: Day?
        if let date {
            guard let d = Day(iso: date) else { throw ValidationError("--date must be a date YYYY-MM-DD: \(date)") }
            day = d
        }
        let text = try InputReading.read(file)
        switch ProjectFileReader.read(text: text, vocabulary: library.vocabulary) {
        case .failure(let failure):
            FileHandle.standardError.write(Data(ValidationReport.render(failure, language: lang).utf8))
            throw ExitCode(2)
        case .success(let projectFile):
            var engine = Engine(library: library)
            if let catalogue {
                let data = try Data(contentsOf: URL(fileURLWithPath: catalogue))
                switch CatalogueTable.read(data) {
                case .success(let entries): engine.catalogue = CatalogueSnapshot(entries: entries)
                case .failure(let failure):
                    FileHandle.standardError.write(Data(ValidationReport.render(failure, language: lang).utf8))
                    throw ExitCode(2)
                }
            }
            if let recognitions { engine.recognitions = try LibraryFiles.recognitions(recognitions) }
            if let designations { engine.designations = try LibraryFiles.designations(designations, policyFolder: policy, library: library) }
            let plan = engine.plan(for: projectFile, on: day)
            switch format {
            case .json: print(try PlanJSON.encode(plan))
            case .text: print(TextReport(library: library, language: lang).render(plan), terminator: "")
            }
        }
    }
}

extension Language: ExpressibleByArgument {}
