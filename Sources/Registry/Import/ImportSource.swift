import Foundation
import Policy
import Tabular

/// The rows of a file to import, whatever its format: CSV and XLSX through `Tabular` (one row per
/// project), JSON Lines through the project-file reader (one enterprise and its projects a line).
public enum ImportFormat: String, Sendable, CaseIterable { case csv, xlsx, jsonl }

enum ImportRows {
    /// The rows in order, read from the file as they are consumed (memory stays flat); a file
    /// that cannot be read at all throws here.
    static func sequence(_ format: ImportFormat, source: TabularSource, vocabulary: Vocabulary) throws -> AnySequence<Result<ImportedRow, RowFailure>> {
        switch format {
        case .csv, .xlsx:
            return AnySequence(try TabularImport.rows(format: format == .csv ? .csv : .xlsx, source: source, vocabulary: vocabulary))
        case .jsonl:
            return AnySequence(try JSONLinesRows(source: source, vocabulary: vocabulary))
        }
    }

    /// FNV-1a over the bytes and their count, read a block at a time: tells a resumed import
    /// that it has the same file.
    static func digest(_ source: TabularSource) throws -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        var count = 0
        let blocks = try BlockSource(source)
        while true {
            let block = blocks.next()
            if block.isEmpty { break }
            count += block.count
            for byte in block {
                hash ^= UInt64(byte)
                hash = hash &* 0x100000001b3
            }
        }
        return String(hash, radix: 16) + "-" + String(count)
    }
}
