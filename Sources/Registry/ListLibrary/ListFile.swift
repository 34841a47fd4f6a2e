import Foundation
import Policy
import Spreadsheet
import Workflow

/// A list's file (CSV or XLSX) as rows of cells, with the spreadsheet's row numbers. A file that
/// cannot be read is refused with where it broke, in Chinese and English.
public enum ListFile {
    public enum Format: String, Sendable, CaseIterable { case csv, xlsx }

    /// Most bytes of a list's file.
    public static let maxBytes = 16 << 20

    public static func rows(_ data: Data, format: Format) throws(ListFileFailure) -> (header: [String], rows: [(number: Int, cells: [String])]) {
        if data.count > maxBytes {
            throw ListFileFailure(issues: [ValidationIssue(path: "$", zh: "文件超过 16 MB", en: "the file is larger than 16 MB")])
        }
        var all: [(Int, [String])] = []
        do {
            switch format {
            case .csv:
                let reader = try CSVReader(data: data)
                try reader.forEachRow { row in
                    var bad: Int?
                    let cells = row.strings(firstInvalid: &bad)
                    if let bad {
                        throw ListFileFailure(issues: [ValidationIssue(path: "row \(row.number), column \(ColumnLetters.letters(bad))",
                                                                       zh: "不是有效的 UTF-8 文本", en: "not valid UTF-8 text")])
                    }
                    all.append((row.number, cells))
                }
            case .xlsx:
                for row in try XLSXReader(data: data).rows() { all.append((row.number, row.cells)) }
            }
        } catch let failure as ListFileFailure {
            throw failure
        } catch let e as CSVReader.Error {
            throw ListFileFailure(issues: [ValidationIssue(path: "row \(e.row)", zh: e.message.zh, en: e.message.en)])
        } catch let e as XLSXReader.Error {
            throw ListFileFailure(issues: [ValidationIssue(path: "$", zh: e.message.zh, en: e.message.en)])
        } catch {
            throw ListFileFailure(issues: [ValidationIssue(path: "$", zh: "无法读取文件", en: "the file cannot be read")])
        }
        guard let first = all.first else {
            throw ListFileFailure(issues: [ValidationIssue(path: "row 1", zh: "文件为空：第一行应为表头", en: "the file is empty: the first row is the header")])
        }
        return (first.1, Array(all.dropFirst()))
    }

    /// The file of an edition: the header in Chinese, one row per entry in the edition's order.
    public static func data(kind: ListKind, entries: [ListEntry], vocabulary: Vocabulary, format: Format) throws -> Data {
        let header = ListEntryReader.header(of: kind)
        let rows = entries.map { $0.cells(kind: kind, vocabulary: vocabulary) }
        switch format {
        case .csv:
            return CSVWriter.data([header] + rows)
        case .xlsx:
            var writer = XLSXWriter(sheetName: String(kind.name.zh.prefix(31)))
            writer.addRow(texts: header)
            for r in rows { writer.addRow(texts: r) }
            return try writer.data()
        }
    }
}
