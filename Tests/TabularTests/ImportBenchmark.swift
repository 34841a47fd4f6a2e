import Foundation
import Policy
import Spreadsheet
import Simulation
import Tabular
import Testing

/// Rates of import and export on generated projects, printed. Off by default; run in release:
///
///     TABULAR_BENCHMARK=100000 swift test -c release --filter ImportBenchmark
@Suite struct ImportBenchmark {
    static let count = Int(ProcessInfo.processInfo.environment["TABULAR_BENCHMARK"] ?? "") ?? 0

    static func cpu() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func measure(_ label: String, rows: Int, _ body: () throws -> Void) rethrows {
        let start = Date(), c0 = cpu()
        try body()
        let wall = Date().timeIntervalSince(start), used = cpu() - c0
        print(String(format: "%@: %.2f s, %.0f rows/s (CPU %.2f s, %.0f rows per CPU-second)",
                     label, wall, Double(rows) / wall, used, Double(rows) / used))
    }

    @Test(.enabled(if: count > 0)) func importAndExportRates() throws {
        let library = try PolicyLibraryLoader.loadDefault()
        var generator = SyntheticProjects(seed: 42, vocabulary: library.vocabulary)
        var files: [ProjectFile] = []
        while generator.made < Self.count { files.append(generator.nextFile()) }
        let n = generator.made
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tabular-benchmark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("projects.csv"), xlsx = dir.appendingPathComponent("projects.xlsx")
        print("\(n) projects, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        try Self.measure("CSV export (to a file)", rows: n) { try TabularExport.writeCSV(files, to: csv) }
        try Self.measure("XLSX export (to a file)", rows: n) { try TabularExport.writeXLSX(files, to: xlsx) }
        try Self.measure("CSV parse only", rows: n) {
            let reader = try CSVReader(url: csv)
            var row = CSVRow()
            while try reader.readRow(into: &row) {}
        }
        try Self.measure("XLSX read only", rows: n) { try XLSXReader(url: xlsx).forEachRow { _ in } }
        for (format, url) in [(TabularFormat.csv, csv), (.xlsx, xlsx)] {
            for parallel in [false, true] {
                var accepted = 0
                try Self.measure("\(format) read + validate (parallel: \(parallel))", rows: n) {
                    try TabularImport.read(format: format, source: .file(url), vocabulary: library.vocabulary, parallel: parallel) {
                        if case .success = $0 { accepted += 1 }
                    }
                }
                #expect(accepted == n)
            }
        }
    }
}
