import ArgumentParser
import Foundation
import Policy

/// `renewal policy`: checks the policy library and lists its instruments and parameters.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Check the policy library and list its instruments and parameters in force on a date."
    )

    @Option(help: "Show the values in force on this date (default: today).")
    var date: String?

    @Option(help: "Policy library folder.")
    var policy: String?

    @Option(help: "Language: zh or en.")
    var lang: Language = .zh

    func run() throws {
        let library = try PolicyLoading.load(policy)
        let day = try date.map { d -> Day in
            guard let day = Day(iso: d) else { throw ValidationError("--date must be YYYY-MM-DD") }
            return day
        } ?? Day.today()
        print(PolicyListing(library: library, language: lang).render(on: day), terminator: "")
    }
}
