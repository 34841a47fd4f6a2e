import Foundation
import Policy
import Spreadsheet
import Simulation
import Testing
@testable import Tabular

/// Export → import gives back equal project files, on generated projects with every kind of
/// loan, lease, equipment item, certification and contract.
@Suite struct RoundTripTests {
    static func synthetic(_ count: Int, seed: UInt64 = 20241123) throws -> [ProjectFile] {
        var generator = SyntheticProjects(seed: seed, vocabulary: try Fixtures.vocabulary)
        var files: [ProjectFile] = []
        while generator.made < count { files.append(generator.nextFile()) }
        return files
    }

    static func check(_ files: [ProjectFile], _ format: TabularFormat, _ data: Data) throws {
        let result = try TabularImport.files(format: format, source: .data(data), vocabulary: try Fixtures.vocabulary)
        #expect(result.failures.isEmpty, "\(result.failures.prefix(3))")
        #expect(result.rowsRead == files.reduce(0) { $0 + $1.projects.count })
        #expect(result.files.count == files.count)
        for (got, want) in zip(result.files.map(\.file), files) where got != want {
            Issue.record("\(format): \(want.enterprise.creditCode) differs:\n\(ProjectFileWriter.text(got))\n\(ProjectFileWriter.text(want))")
            break
        }
        #expect(result.files.map(\.file) == files)
        #expect(result.files.flatMap(\.rows) == Array(2..<(2 + result.rowsRead)))
    }

    @Test func csvRoundTripOnTwoThousandSyntheticProjects() throws {
        let files = try Self.synthetic(2000)
        // The population exercises what the format must carry.
        let projects = files.flatMap(\.projects)
        #expect(projects.contains { $0.loans.count >= 2 && $0.loans.contains { $0.catalogueProductId != nil } })
        #expect(projects.contains { !$0.leases.isEmpty } && projects.contains { $0.certifications.count >= 2 })
        #expect(projects.contains { $0.equipment.contains { $0.tariffRate != nil } } && projects.contains { $0.marketContract != nil })
        try Self.check(files, .csv, TabularExport.csv(files))
    }

    @Test func xlsxRoundTripOnTwoThousandSyntheticProjects() throws {
        let files = try Self.synthetic(2000, seed: 7)
        try Self.check(files, .xlsx, try TabularExport.xlsx(files))
    }

    @Test func theExampleEnterpriseRoundTripsThroughFiles() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/enterprise-plan.json")
        let file = try ProjectFileReader.read(text: String(contentsOf: url, encoding: .utf8), vocabulary: try Fixtures.vocabulary).get()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tabular-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in TabularFormat.allCases {
            let out = dir.appendingPathComponent("export.\(format.rawValue)")
            switch format {
            case .csv: try TabularExport.writeCSV([file], to: out)
            case .xlsx: try TabularExport.writeXLSX([file], to: out)
            }
            let result = try TabularImport.files(format: format, source: .file(out), vocabulary: try Fixtures.vocabulary)
            #expect(result.failures.isEmpty)
            #expect(result.files.map(\.file) == [file])
        }
        let header = String(decoding: TabularExport.csv([file]).dropFirst(3).prefix(200), as: UTF8.self)
        #expect(header.hasPrefix("credit_code,enterprise_name,district,industry_code,project_id,"))
    }

    @Test func aLargeExportInMemoryEqualsTheOneWrittenInPieces() throws {
        let files = try Self.synthetic(6000, seed: 3)
        let data = TabularExport.csv(files)
        #expect(data.count > 2 << 20)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try TabularExport.writeCSV(files, to: url)
        #expect(try Data(contentsOf: url) == data)
        let rows = try CSVReader(data: data)
        var count = 0
        try rows.forEachRow { _ in count += 1 }
        #expect(count == 6001)
    }

    @Test func stoppingEarlyReleasesTheReader() throws {
        let files = try Self.synthetic(16000, seed: 11)   // more batches than the pipe and the workers hold
        for (format, data) in [(TabularFormat.csv, TabularExport.csv(files)), (.xlsx, try TabularExport.xlsx(files))] {
            do {
                let rows = try TabularImport.rows(format: format, source: .data(data), vocabulary: try Fixtures.vocabulary)
                var iterator = rows.makeIterator()
                for _ in 0..<3 { #expect(try iterator.next()?.get() != nil) }
            }
            // Throwing from the body stops the import.
            struct Stop: Error {}
            var seen = 0
            #expect(throws: Stop.self) {
                try TabularImport.read(format: format, source: .data(data), vocabulary: try Fixtures.vocabulary) { _ in
                    seen += 1
                    if seen == 5000 { throw Stop() }
                }
            }
            #expect(seen == 5000)
        }
    }

    @Test func sequentialAndParallelGiveTheSameRows() throws {
        var files = try Self.synthetic(3000, seed: 12)
        files[7].projects[0].loans = [Loan(id: "L1", principal: Money(fen: -5))]   // exported as "-0.05": refused
        let data = TabularExport.csv(files)
        let vocabulary = try Fixtures.vocabulary
        let a = Array(try TabularImport.rows(format: .csv, source: .data(data), vocabulary: vocabulary, parallel: false))
        let b = Array(try TabularImport.rows(format: .csv, source: .data(data), vocabulary: vocabulary, parallel: true))
        #expect(a == b)
        #expect(a.count == files.reduce(0) { $0 + $1.projects.count })
        #expect(a.filter { if case .failure = $0 { return true } else { return false } }.count == 1)
    }

    @Test func textThatExcelWouldTakeForAFormulaIsGuardedInCSV() throws {
        var file = try Self.synthetic(1)[0]
        file.projects[0].name = "=1+2"
        file.projects[0].loans = [Loan(id: "-L1", lender: "@bank", principal: Money(yuan: 1))]
        let csv = String(decoding: TabularExport.csv([file]), as: UTF8.self)
        #expect(csv.contains(",'=1+2,") && csv.contains(",'-L1,") && csv.contains(",'@bank,"))
        let result = try TabularImport.files(format: .csv, source: .data(TabularExport.csv([file])), vocabulary: try Fixtures.vocabulary)
        #expect(result.files.map(\.file) == [file])
    }
}
