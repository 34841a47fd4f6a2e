import ArgumentParser
import Foundation
import Policy

/// `renewal assessment score FILE`: scores a smart-factory assessment (十二) — a file of
/// `{before: {Q1: b, …}, after: {…}}`, JSON or YAML — with the questionnaire of the policy
/// library, the same scoring the server files and instrument 12's tiers read.
struct AssessmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment",
        abstract: "The smart-factory evaluation and diagnosis (十二): score a questionnaire's answers.",
        subcommands: [Score.self])

    struct Score: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Score the answers before and after (JSON or YAML; - for standard input).")

        @Argument(help: "The answers: {before: {Q1: b, …}, after: {…}}.") var file: String
        @Option(help: "The policy library folder (default: Policies/shanghai-2024-355).") var policy: String?

        func run() async throws {
            let library = try PolicyLoading.load(policy)
            guard let q = library.smartFactory else { throw ValidationError("the policy library has no smart-factory questionnaire") }
            let text = try InputReading.read(file)
            let value: JSONValue
            do { value = try JSONValue.parseYAML(text) } catch { throw ValidationError("\(file): \(error)") }
            switch ProjectFileReader.readAssessment(value, vocabulary: library.vocabulary) {
            case .failure(let failure):
                for issue in failure.issues { print("\(issue.path): \(issue.message.zh) / \(issue.message.en)") }
                throw ExitCode(2)
            case .success(let answers):
                print("\(q.name.zh) / \(q.name.en)")
                for (label, side) in [("评估前 / before", answers.before), ("评估后 / after", answers.after)] {
                    let s = q.score(side)
                    print("\(label): \(s.text) — \(s.levelName.zh) / \(s.levelName.en)")
                }
                let rose = q.score(answers.after).rank - q.score(answers.before).rank
                print("等级变化 / levels risen: \(rose)")
            }
        }
    }
}
