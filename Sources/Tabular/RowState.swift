import Foundation
import Policy
import Spreadsheet

/// The cells of the row being converted and what has been found wrong with them.
struct RowState {
    let cells: [String]
    var issues: [CellIssue] = []
    /// Columns with an issue of this layer (the reader's issues on them are dropped).
    var flagged: Set<Int> = []

    init(cells: [String]) { self.cells = cells }

    /// The cell's text, trimmed; empty beyond the row's end.
    func text(_ i: Int) -> String {
        guard i < cells.count else { return "" }
        let s = cells[i]
        let utf8 = s.utf8
        guard let f = utf8.first, let l = utf8.last else { return s }
        // Only a space, tab, line break, or the first (last) byte of U+3000, U+00A0, U+FEFF
        // can start (end) white space.
        if f <= 0x20 || f == 0xE3 || f == 0xC2 || f == 0xEF || l <= 0x20 || l == 0x80 || l == 0xA0 || l == 0xBF {
            if let fs = s.unicodeScalars.first, let ls = s.unicodeScalars.last, Self.isSpace(fs) || Self.isSpace(ls) {
                return s.trimmingCharacters(in: .tabularWhitespace)
            }
        }
        return s
    }

    mutating func unnamedValue(_ i: Int) {
        issues.append(CellIssue(column: nil, columnIndex: i, message: LocalizedText(
            zh: "第 \(ColumnLetters.letters(i)) 列没有表头，但有值：\(text(i))",
            en: "a value in column \(ColumnLetters.letters(i)), which has no header: \(text(i))")))
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{3000}" || s == "\u{A0}" || s == "\u{FEFF}"
    }

    var isBlank: Bool { cells.indices.allSatisfy { text($0).isEmpty } }

    mutating func flag(_ i: Int, _ issue: CellIssue) {
        flagged.insert(i)
        issues.append(issue)
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
