import ArgumentParser
import Foundation
import Policy
import Registry
import Tabular
import Workflow

/// `renewal catalogue`: the innovative-product catalogue (十七) from the command line — load an
/// edition's listings, write every listing out, end the listings whose period is over.
struct CatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue", abstract: "Import, export or expire the innovative-product catalogue (创新产品推荐目录).",
        subcommands: [CatalogueImportCommand.self, CatalogueExportCommand.self, CatalogueExpireCommand.self])

    static func store(_ session: DatabaseSession) throws -> CatalogueStore {
        let workflow = try WorkflowLibrary.load(directory: session.libraryDirectory.appendingPathComponent("workflow"), policy: session.library)
        return CatalogueStore(db: session.db, rules: workflow.catalogue)
    }
}

/// `renewal catalogue import FILE`: CSV, XLSX or JSON of listings; refused whole, every problem
/// by row and column, exit 2.
struct CatalogueImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Load listings (CSV, XLSX or JSON); a file with a bad row is refused whole.")

    @Argument(help: "The file of listings, in the columns of `renewal catalogue export`.") var file: String
    @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?
    @ArgumentParser.Option(help: "Report language: zh (default) or en.") var lang: Language = .zh

    func run() async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let entries: [CatalogueEntry]
        switch CatalogueTable.read(data) {
        case .success(let e): entries = e
        case .failure(let failure):
            FileHandle.standardError.write(Data(ValidationReport.render(failure, language: lang).utf8))
            throw ExitCode(2)
        }
        let stored = try await DatabaseSession.with(sqlite: sqlite) { session in
            try await CatalogueCommand.store(session).importEntries(entries, on: .today(), by: AuditActor(userID: nil, name: "cli:catalogue-import", address: nil))
        }
        print("已导入 \(stored.products) 个产品、\(stored.listings) 条收录 / imported \(stored.products) products, \(stored.listings) listings")
    }
}

/// `renewal catalogue export --out FILE`: every listing, `.csv` or `.xlsx` by the name.
struct CatalogueExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write every listing to a CSV or XLSX file.")

    @ArgumentParser.Option(help: "The file to write (.csv or .xlsx).") var out: String
    @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?

    func run() async throws {
        guard out.hasSuffix(".csv") || out.hasSuffix(".xlsx") else { throw ValidationError("--out 应以 .csv 或 .xlsx 结尾 / --out must end in .csv or .xlsx") }
        let entries = try await DatabaseSession.with(sqlite: sqlite) { session in try await CatalogueCommand.store(session).entries() }
        let data = out.hasSuffix(".csv") ? CatalogueTable.csv(entries) : try CatalogueTable.xlsx(entries)
        try data.write(to: URL(fileURLWithPath: out))
        print("\(entries.count) 条收录已写入 \(out) / \(entries.count) listings written to \(out)")
    }
}

/// `renewal catalogue expire`: marks expired every published product whose period ended before
/// today (or `--date`); each in its own transaction with its audit entry.
struct CatalogueExpireCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "expire", abstract: "End the listings whose period is over.")

    @ArgumentParser.Option(help: "The day to judge on (YYYY-MM-DD; default today in Shanghai).") var date: String?
    @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?

    func run() async throws {
        var day = Day.today()
        if let date {
            guard let d = Day(iso: date) else { throw ValidationError("--date 应为日期 YYYY-MM-DD / --date must be a date YYYY-MM-DD: \(date)") }
            day = d
        }
        let count = try await DatabaseSession.with(sqlite: sqlite) { session in
            try await CatalogueCommand.store(session).expireLapsed(on: day, by: AuditActor(userID: nil, name: "cli:catalogue-expire", address: nil))
        }
        print("\(count) 个产品的收录已到期 / \(count) listings expired")
    }
}
