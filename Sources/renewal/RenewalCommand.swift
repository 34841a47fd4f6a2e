import ArgumentParser

/// `renewal`: the platform's command-line program.
@main
struct RenewalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renewal",
        abstract: "Renewal — Shanghai industrial equipment-renewal support platform (沪经信技〔2024〕355号).",
        subcommands: [ServeCommand.self, DemoCommand.self, MatchCommand.self, SimulateCommand.self, PolicyCommand.self, ImportCommand.self, ExportCommand.self, ReevaluateCommand.self, MigrateCommand.self, UserCommand.self, AuditCommand.self, PolicyChangeCommand.self, RiskCommand.self, ListsCommand.self, CatalogueCommand.self, AssessmentCommand.self]
    )
}
