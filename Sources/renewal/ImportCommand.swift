import ArgumentParser
import Foundation
import Policy
import Registry
import Tabular

/// `renewal import FILE`: loads projects from CSV, XLSX or JSON Lines into the database.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import projects from CSV, XLSX or JSON Lines (docs/import-format.md).",
        discussion: """
        Every row is validated first; a file with any bad row is refused whole and each bad row is listed with its
        row and column — nothing is stored. A row whose project (same credit code, same project id) is already
        stored is refused too, unless --mode replace: then the project is replaced, what it was is kept as an
        earlier version, and the report says per project what changed and its recommended total before and after.
        A valid file is written in chunks, one transaction each; an import that stops (a crash, a database error)
        resumes with --resume ID on the same file.
        """
    )

    @Argument(help: "The file: .csv, .xlsx, .jsonl (or .ndjson).") var file: String
    @ArgumentParser.Option(help: "csv, xlsx or jsonl (default: from the file name).") var format: String?
    @ArgumentParser.Option(help: "Rows per transaction.") var chunkSize: Int = ImportService.defaultChunkSize
    @ArgumentParser.Option(help: "create (refuse projects already stored, the default) or replace.") var mode: String?
    @ArgumentParser.Option(help: "Replaced projects to list (the report keeps them all).") var showChanges: Int = 100
    @ArgumentParser.Option(help: "Resume an earlier import of the same file.") var resume: String?
    @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?
    @ArgumentParser.Option(help: "Language of the report: zh or en.") var lang: Language = .zh
    @ArgumentParser.Flag(help: "No progress bar.") var quiet = false

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let ext = url.pathExtension.lowercased()
        guard let format = ImportFormat(rawValue: format ?? (ext == "ndjson" ? "jsonl" : ext)) else {
            throw ValidationError("cannot tell the format of \(file): give --format csv, xlsx or jsonl")
        }
        guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let resumeID = try resume.map { text -> UUID in
            guard let id = UUID(uuidString: text) else { throw ValidationError("--resume must be an import id (UUID)") }
            return id
        }
        let importMode = try mode.map { text -> ImportMode in
            guard let m = ImportMode(rawValue: text) else { throw ValidationError("--mode must be create or replace") }
            return m
        }
        let bar = ProgressBar(enabled: !quiet)
        let lang = self.lang
        let shown = max(0, showChanges)
        let (job, errors, changes) = try await DatabaseSession.with(sqlite: sqlite) { session -> (ImportJobModel, [ImportErrorModel], [ImportChangeModel]) in
            let service = ImportService(db: session.db, library: session.library, actor: .commandLine("import \(ProcessInfo.processInfo.userName)"),
                                        scenarios: session.projectStore.scenarios)
            bar.start(language: lang, label: lang == .zh ? "导入" : "importing", total: 1)
            let job: ImportJobModel
            do {
                job = try await service.run(.file(url), format: format, fileName: url.lastPathComponent, chunkSize: chunkSize, mode: importMode,
                                            resume: resumeID) { phase, rows in
                    bar.relabel(phase == "validate" ? (lang == .zh ? "校验" : "validating") : (lang == .zh ? "写入" : "writing"), done: rows)
                }
            } catch let error as TabularError {
                bar.finish()
                throw ValidationError(error.text(lang))
            }
            bar.finish()
            let errors = try await service.errors(of: job.requireID())
            let changes = try await service.changes(of: job.requireID(), limit: shown)
            return (job, errors, changes)
        }
        let id = try job.requireID().uuidString.lowercased()
        if lang == .zh {
            print("导入 \(id)：\(job.rows) 行，导入 \(job.imported) 行，错误 \(job.failed) 行，状态 \(job.status)（已提交 \(job.committedChunks)/\(job.chunks) 批）")
        } else {
            print("import \(id): \(job.rows) rows, \(job.imported) imported, \(job.failed) refused, status \(job.status) (\(job.committedChunks)/\(job.chunks) chunks committed)")
        }
        if job.mode == ImportMode.replace.rawValue {
            print(lang == .zh ? "替换 \(job.replaced) 个项目（原项目保留为历史版本），未变 \(job.unchanged) 个"
                              : "\(job.replaced) projects replaced (each kept as an earlier version), \(job.unchanged) unchanged")
            ImportChangeText.print(changes, language: lang)
            if job.replaced > changes.count {
                print(lang == .zh ? "  ……另有 \(job.replaced - changes.count) 个（GET /api/imports/\(id)?page=…，或 --show-changes N）"
                                  : "  … and \(job.replaced - changes.count) more (GET /api/imports/\(id)?page=…, or --show-changes N)")
            }
        }
        for e in errors {
            let where_ = lang == .zh ? "第 \(e.row) 行" + (e.column.map { "，\($0) 列" } ?? "") : "row \(e.row)" + (e.column.map { ", column \($0)" } ?? "")
            print("  \(where_)\(lang == .zh ? "：" : ": ")\(lang == .zh ? e.messageZh : e.messageEn)")
        }
        if job.failed > 0 {
            print(lang == .zh ? "文件有错误行，未写入任何数据。" : "The file has bad rows; nothing was stored.")
            throw ExitCode(2)
        }
    }
}
