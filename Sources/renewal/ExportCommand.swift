import ArgumentParser
import Foundation
import Policy
import Registry
import Tabular

/// `renewal export`: the stored projects as CSV or XLSX in the import format (officers live in Excel).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export stored projects to CSV or XLSX.")

    @ArgumentParser.Option(help: "Output file (.csv or .xlsx).") var out: String
    @ArgumentParser.Option(help: "Only this district.") var district: String?
    @ArgumentParser.Option(help: "Only this status.") var status: String?
    @ArgumentParser.Option(help: "Only projects whose recommended combination lists this instrument.") var instrument: String?
    @ArgumentParser.Option(help: "SQLite file when DATABASE_URL is not set (default renewal.sqlite).") var sqlite: String?

    func run() async throws {
        let ext = URL(fileURLWithPath: out).pathExtension.lowercased()
        guard ext == "csv" || ext == "xlsx" else { throw ValidationError("--out must end in .csv or .xlsx") }
        var filter = ProjectFilter()
        if let status {
            guard let s = ProjectStatus(rawValue: status) else { throw ValidationError("unknown status \(status)") }
            filter.status = s
        }
        filter.instrument = instrument
        let count = try await DatabaseSession.with(sqlite: sqlite) { session -> Int in
            if let district {
                guard let d = session.library.vocabulary.district(named: district) else { throw ValidationError("unknown district \(district)") }
                filter.district = d.id
            }
            var rows: [TabularExport.Row] = []
            try await session.projectStore.forEachProject(filter) { batch in
                for m in batch {
                    rows.append((m.enterprise.domain(), m.domain()))
                }
            }
            let data = ext == "csv" ? TabularExport.csv(rows: rows) : try TabularExport.xlsx(rows: rows)
            try data.write(to: URL(fileURLWithPath: out))
            return rows.count
        }
        print("exported \(count) projects to \(out)")
    }
}
