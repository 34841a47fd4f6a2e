import Foundation
import Spreadsheet

/// A report as a table — headers (Chinese, then English) and rows of cells — written as CSV or
/// XLSX with `Spreadsheet`; the money reports use it for their downloads.
struct MoneyReportTable {
    var headers: [String]
    var rows: [[XLSXCell]]

    func csv() -> Data {
        var w = CSVWriter()
        w.write(row: headers)
        for row in rows {
            w.write(row: row.map { cell -> String in
                switch cell {
                case .empty: return ""
                case .text(let s), .number(let s): return s
                case .bool(let b): return b ? "true" : "false"
                case .date(let d): return "\(d)"
                }
            })
        }
        return w.data
    }

    func xlsx(sheet: String) throws -> Data {
        var w = XLSXWriter(sheetName: sheet)
        w.addRow(texts: headers)
        for row in rows { w.addRow(row) }
        return try w.data()
    }
}
