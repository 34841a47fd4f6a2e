import ArgumentParser
import Foundation
import Policy
import Registry
import Workflow

/// `renewal lists`: the list library from the command line — the kinds, an edition published from
/// a CSV or XLSX file (refused whole with every bad row by row and column, as the API does), and
/// an edition exported.
struct ListsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lists", abstract: "The list library (清单库): kinds, import an edition, export one.",
        subcommands: [Kinds.self, Import.self, Export.self])

    static func session<T>(_ sqlite: String?, _ policy: String?, _ body: (DatabaseSession, ListLibraryStore) async throws -> T) async throws -> T {
        try await DatabaseSession.with(sqlite: sqlite, policy: policy) { session in
            let workflow = try WorkflowLibrary.load(directory: session.libraryDirectory.appendingPathComponent("workflow"), policy: session.library)
            return try await body(session, ListLibraryStore(db: session.db, kinds: workflow.lists, vocabulary: session.library.vocabulary))
        }
    }

    struct Kinds: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "kinds", abstract: "The kinds of list, their columns and the targets they feed.")
        @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?
        @ArgumentParser.Option(help: "Policy library folder.") var policy: String?

        func run() async throws {
            try await ListsCommand.session(sqlite, policy) { _, store in
                for k in store.kinds.kinds {
                    let editions = try await store.editions(kind: k.id)
                    let latest = editions.first.map { "第 \($0.number) 版 \($0.publishedOn)，\($0.entryCount) 条 / edition \($0.number), \($0.entryCount) entries" } ?? "未发布 / none"
                    print("\(k.id)\t（\(k.clause)）\(k.name.zh) / \(k.name.en)\t\(latest)")
                    print("\t列 / columns: " + ListEntryReader.header(of: k).joined(separator: ", "))
                    for c in k.counts { print("\t计入 / counts toward: \(c.target) \(c.measure)\(c.perYear ? "（按年 / per year）" : "")") }
                }
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Publish a new edition of a list from a CSV or XLSX file.")
        @ArgumentParser.Argument(help: "The file (.csv or .xlsx).") var file: String
        @ArgumentParser.Option(help: "The kind of list (renewal lists kinds).") var kind: String
        @ArgumentParser.Option(help: "The edition's title, e.g. 2025年第一批.") var title: String
        @ArgumentParser.Option(help: "The publication day YYYY-MM-DD (default today).") var publishedOn: String?
        @ArgumentParser.Option(help: "A note, e.g. the notice that published it.") var note: String?
        @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?
        @ArgumentParser.Option(help: "Policy library folder.") var policy: String?

        func run() async throws {
            guard let format = ListFile.Format(rawValue: URL(fileURLWithPath: file).pathExtension.lowercased()) else {
                throw ValidationError("文件应为 .csv 或 .xlsx / the file must end in .csv or .xlsx")
            }
            var day = Day.today()
            if let publishedOn {
                guard let d = Day(iso: publishedOn) else { throw ValidationError("--published-on 应为 YYYY-MM-DD / must be YYYY-MM-DD") }
                day = d
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            try await ListsCommand.session(sqlite, policy) { _, store in
                do {
                    let e = try await store.publish(.init(kind: kind, title: title, publishedOn: day, note: note), file: data, format: format,
                                                    today: Day.today(), by: .commandLine("lists import"))
                    print("已发布 \(e.kind) 第 \(e.number) 版（\(e.publishedOn)），\(e.entryCount) 条 / published \(e.kind) edition \(e.number), \(e.entryCount) entries")
                } catch RegistryError.invalid(let issues) {
                    FileHandle.standardError.write(Data("文件被拒绝，未写入任何内容 / the file is refused, nothing was written:\n".utf8))
                    for i in issues { FileHandle.standardError.write(Data("  \(i.path): \(i.message.zh) / \(i.message.en)\n".utf8)) }
                    throw ExitCode(2)
                }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write an edition of a list (the latest by default) as CSV or XLSX.")
        @ArgumentParser.Option(help: "The kind of list.") var kind: String
        @ArgumentParser.Option(help: "The edition's number (default the latest).") var edition: Int?
        @ArgumentParser.Option(help: "Output file (.csv or .xlsx).") var out: String
        @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?
        @ArgumentParser.Option(help: "Policy library folder.") var policy: String?

        func run() async throws {
            guard let format = ListFile.Format(rawValue: URL(fileURLWithPath: out).pathExtension.lowercased()) else {
                throw ValidationError("--out 应以 .csv 或 .xlsx 结尾 / must end in .csv or .xlsx")
            }
            try await ListsCommand.session(sqlite, policy) { session, store in
                let kind = try store.kind(self.kind)
                let chosen: ListEditionModel
                if let edition { chosen = try await store.edition(kind: kind.id, number: edition) } else {
                    guard let latest = try await store.editions(kind: kind.id).first else {
                        throw ValidationError("清单“\(kind.id)”尚未发布 / the list '\(kind.id)' has no edition")
                    }
                    chosen = latest
                }
                let entries = try await store.entries(of: try chosen.requireID()).map(\.entry)
                try ListFile.data(kind: kind, entries: entries, vocabulary: session.library.vocabulary, format: format).write(to: URL(fileURLWithPath: out))
                print("已导出第 \(chosen.number) 版 \(entries.count) 条到 \(out) / exported edition \(chosen.number), \(entries.count) entries")
            }
        }
    }
}
