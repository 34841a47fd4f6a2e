import ArgumentParser
import Foundation
import Policy
import Registry
import Workflow

/// `renewal policy-change KEY VALUE --from DATE`: what `POST /api/policy/changes` does, from the
/// server's machine — the value saved from the date on, the stored projects re-evaluated, the
/// enterprises told, drafts made for the projects that become eligible.
struct PolicyChangeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy-change", abstract: "Save a policy parameter's value from a date on, and tell the enterprises it affects.")

    @Argument(help: "The parameter's key, e.g. 7a.ratio.") var key: String
    @Argument(help: "The value as the library writes it, e.g. 40%.") var value: String
    @ArgumentParser.Option(help: "The day from which the value holds (YYYY-MM-DD).") var from: String
    @ArgumentParser.Option(help: "Why (kept with the change).") var note: String?
    @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?
    @ArgumentParser.Option(help: "Policy library folder.") var policy: String?

    func run() async throws {
        guard let day = Day(iso: from) else { throw ValidationError("--from 应为 YYYY-MM-DD / --from must be YYYY-MM-DD") }
        let actor = AuditActor.commandLine("policy-change \(ProcessInfo.processInfo.userName)")
        try await DatabaseSession.with(sqlite: sqlite, policy: policy) { session in
            let store = PolicyChangeStore(db: session.db)
            let saved: (change: PolicyChangeModel, library: PolicyLibrary)
            do {
                saved = try await store.save(key: key, from: day, value: value, note: note, over: session.library, by: actor)
            } catch RegistryError.invalid(let issues) {
                for issue in issues { FileHandle.standardError.write(Data("\(issue.path): \(issue.message.zh) / \(issue.message.en)\n".utf8)) }
                throw ExitCode(2)
            }
            let version = PolicyChangeStore.version(files: try LibraryFingerprint.of(directory: session.libraryDirectory), changes: try await store.all())
            let workflow = try WorkflowLibrary.load(directory: session.libraryDirectory.appendingPathComponent("workflow"), policy: saved.library)
            let applications = ApplicationStore(db: session.db, engine: Engine(library: saved.library), workflow: workflow, libraryVersion: version)
            let report = try await PolicyChangeImpact(applications: applications).run(on: Day.today(), by: actor)
            print("已保存：\(key) 自 \(from) 起为 \(value)；复核项目 \(report.examined) 个，变化 \(report.changed) 个，通知企业 \(report.enterprisesTold) 家，新建申报草稿 \(report.drafts.count) 份")
            print("saved: \(key) = \(value) from \(from); \(report.examined) projects re-evaluated, \(report.changed) changed (\(report.totalBefore.grouped) → \(report.totalAfter.grouped) yuan), \(report.enterprisesTold) enterprises told, \(report.drafts.count) draft applications")
            print("policy library version \(version) (servers already running take it at their next start; the one that saves through the API at once)")
        }
    }
}
