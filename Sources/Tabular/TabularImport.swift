import Dispatch
import Foundation
import Policy

/// Reads projects from a spreadsheet in the wide format (docs/import-format.md): one row per
/// project, the enterprise's columns repeated on each row, loans, leases, equipment and
/// certifications in numbered column groups.
///
/// Each row is validated by `ProjectFileReader` as a project file of one enterprise and one
/// project, and every issue it finds is reported at the row and column it came from. Reading is
/// streaming: a background thread parses the file (CSV or the sheet of an .xlsx) while rows are
/// validated in batches on all cores; memory stays bounded whatever the number of rows.
///
/// The calls block until they have a result: on a server, call them off the event loop.
public enum TabularImport {
    /// The rows of a table, in order. The header is read before this returns, so a file that is
    /// no table, or a header with unknown columns, throws `TabularError` here.
    public static func rows(format: TabularFormat, source: TabularSource, vocabulary: Vocabulary,
                            parallel: Bool = true) throws -> TabularRows {
        try TabularRows(format: format, source: source, vocabulary: vocabulary, parallel: parallel)
    }

    /// Calls `body` with each row in order; returns the header.
    @discardableResult
    public static func read(format: TabularFormat, source: TabularSource, vocabulary: Vocabulary, parallel: Bool = true,
                            _ body: (Result<ImportedRow, RowFailure>) throws -> Void) throws -> TabularHeader {
        let rows = try TabularRows(format: format, source: source, vocabulary: vocabulary, parallel: parallel)
        for row in rows { try body(row) }
        return rows.header
    }

    /// Every row read and grouped into one project file per enterprise (by credit code, in the
    /// order enterprises first appear), with every refused row.
    public static func files(format: TabularFormat, source: TabularSource, vocabulary: Vocabulary,
                             parallel: Bool = true) throws -> TabularImportResult {
        let rows = try TabularRows(format: format, source: source, vocabulary: vocabulary, parallel: parallel)
        var grouper = TabularGrouper(header: rows.header)
        var failures: [RowFailure] = []
        var count = 0
        for row in rows {
            count += 1
            switch row {
            case .success(let imported):
                if let failure = grouper.add(imported) { failures.append(failure) }
            case .failure(let failure):
                failures.append(failure)
            }
        }
        return TabularImportResult(header: rows.header, files: grouper.files, failures: failures, rowsRead: count)
    }
}

/// The projects of one enterprise and the rows they came from.
public struct ImportedFile: Sendable, Equatable {
    public var file: ProjectFile
    /// The row of each project, in the order of `file.projects`.
    public var rows: [Int]
}

public struct TabularImportResult: Sendable {
    public var header: TabularHeader
    public var files: [ImportedFile]
    /// The rows refused, in row order.
    public var failures: [RowFailure]
    /// Rows read after the header, not counting empty rows.
    public var rowsRead: Int
    /// True when no row was refused.
    public var isComplete: Bool { failures.isEmpty }
}
