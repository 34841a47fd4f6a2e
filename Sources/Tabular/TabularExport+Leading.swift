import Foundation
import Spreadsheet
import Policy

/// A value of a column that is not one of the project's: a rolling list's own columns (what
/// was published beside what is now), written before the project's.
public enum ExportCell: Sendable, Equatable {
    case empty, text(String), amount(Money), int(Int), bool(Bool)

    var value: TabularExport.Value {
        switch self {
        case .empty: return .empty
        case .text(let s): return TabularExport.text(s)
        case .amount(let m): return .amount(m)
        case .int(let n): return .int(n)
        case .bool(let b): return .bool(b)
        }
    }
}

extension TabularExport {
    /// Columns of their own before the project's: a header each and, per project row, a cell each.
    public struct Leading: Sendable {
        public var headers: [String]
        public var cells: [[ExportCell]]
        public init(headers: [String], cells: [[ExportCell]]) {
            self.headers = headers
            self.cells = cells
        }
    }

    /// A table for people rather than for re-import: the leading columns, then the project's,
    /// every header in Chinese (`贷款1本金`).
    public static func csv(rows: [Row], leading: Leading) -> Data {
        let columns = columns(for: rows)
        var writer = CSVWriter()
        writer.write(row: leading.headers + columns.map(\.chineseName))
        for (i, row) in rows.enumerated() {
            writer.write(row: leading.cells[i].map(\.value.csv) + values(row, columns).map(\.csv))
        }
        return writer.data
    }

    public static func xlsx(rows: [Row], leading: Leading, sheetName: String) throws -> Data {
        let columns = columns(for: rows)
        var writer = XLSXWriter(sheetName: sheetName, boldFrozenHeader: true)
        writer.addRow(texts: leading.headers + columns.map(\.chineseName))
        for (i, row) in rows.enumerated() {
            writer.addRow(leading.cells[i].map(\.value.xlsx) + values(row, columns).map(\.xlsx))
        }
        return try writer.data()
    }
}
