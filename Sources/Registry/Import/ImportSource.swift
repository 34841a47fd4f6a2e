import Foundation
import Policy
import Tabular

/// The rows of a file to import, whatever its format: CSV and XLSX through `Tabular` (one row per
/// project), JSON Lines through the project-file reader (one enterprise and its projects a line).
public enum ImportFormat: String, Sendable, CaseIterable { case csv, xlsx, jsonl }

enum ImportRows {
    /// The rows in order, read as they are consumed (memory stays flat); a file that cannot be
    /// read at all throws here.
    static func sequence(_ format: ImportFormat, data: Data, vocabulary: Vocabulary) throws -> AnySequence<Result<ImportedRow, RowFailure>> {
        switch format {
        case .csv, .xlsx:
            return AnySequence(try TabularImport.rows(format: format == .csv ? .csv : .xlsx, source: .data(data), vocabulary: vocabulary))
        case .jsonl:
            let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated().lazy
                .filter { !$0.element.allSatisfy { $0 == 32 || $0 == 13 || $0 == 9 } }
                .flatMap { (n, text) -> [Result<ImportedRow, RowFailure>] in
                    switch ProjectFileReader.read(text: String(decoding: text, as: UTF8.self), vocabulary: vocabulary) {
                    case .success(let file):
                        return file.projects.map { .success(ImportedRow(row: n + 1, enterprise: file.enterprise, project: $0)) }
                    case .failure(let failure):
                        return [.failure(RowFailure(row: n + 1, issues: failure.issues.map {
                            CellIssue(column: $0.path, message: $0.message, path: $0.path)
                        }))]
                    }
                }
            return AnySequence(lines)
        }
    }

    /// FNV-1a over the bytes and their count: tells a resumed import that it has the same file.
    static func digest(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return String(hash, radix: 16) + "-" + String(data.count)
    }
}
