import ArgumentParser
import Foundation
import Policy
import Registry

/// `renewal reevaluate`: recomputes the recommended totals stored with the projects under the
/// policy library as it is now.
struct ReevaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reevaluate",
        abstract: "Recompute every stored project's recommended total under the policy library now loaded.",
        discussion: """
        Run after the policy library changes (a cap, a ratio, a reading): lists, filters and exports use the stored
        totals. Only the projects whose total or combination changed are rewritten, one transaction per batch.
        """
    )

    @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?
    @ArgumentParser.Option(help: "Policy library folder (default: the one `serve` loads).") var policy: String?
    @ArgumentParser.Flag(help: "Report what would change; write nothing.") var dryRun = false
    @ArgumentParser.Option(help: "Language of the report: zh or en.") var lang: Language = .zh
    @ArgumentParser.Flag(help: "No progress bar.") var quiet = false

    func run() async throws {
        let bar = ProgressBar(enabled: !quiet)
        let lang = self.lang, dryRun = self.dryRun
        let report = try await DatabaseSession.with(sqlite: sqlite, policy: policy) { session in
            bar.start(language: lang, label: lang == .zh ? "重新测算" : "re-evaluating", total: 1)
            defer { bar.finish() }
            return try await Reevaluation(db: session.db, library: session.library, scenarios: session.projectStore.scenarios).run(dryRun: dryRun) { done in
                bar.relabel(lang == .zh ? "重新测算" : "re-evaluating", done: done)
            }
        }
        let delta = report.totalAfter - report.totalBefore
        if lang == .zh {
            print("已测算 \(report.examined) 个项目，\(report.changed) 个推荐金额或组合有变化\(dryRun ? "（未写入）" : "")")
            print("推荐总额：\(report.totalBefore.decimalString) → \(report.totalAfter.decimalString) 元（差额 \(delta.decimalString)）")
        } else {
            print("\(report.examined) projects evaluated, \(report.changed) with a changed total or combination\(dryRun ? " (nothing written)" : "")")
            print("recommended total: \(report.totalBefore.decimalString) → \(report.totalAfter.decimalString) yuan (difference \(delta.decimalString))")
        }
    }
}
