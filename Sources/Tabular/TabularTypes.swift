import Foundation
import Policy
import Spreadsheet

public enum TabularFormat: String, Sendable, CaseIterable {
    case csv, xlsx

    /// The format of a file name's extension (`.csv`, `.txt`, `.xlsx`), if known.
    public init?(fileExtension ext: String) {
        switch ext.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) {
        case "csv", "txt", "tsv": self = .csv
        case "xlsx", "xlsm": self = .xlsx
        default: return nil
        }
    }
}

/// Where a table comes from.
public enum TabularSource: Sendable {
    case file(URL)
    case data(Data)
}

/// One problem of a row, located by column.
public struct CellIssue: Sendable, Equatable, CustomStringConvertible {
    /// The column's machine key (`loan2_principal`), or nil when the problem is the row's.
    public var column: String?
    /// The header as the file writes it (`贷款2本金`), when the file has the column.
    public var header: String?
    /// The column's position in the file, from 0, when the file has the column.
    public var columnIndex: Int?
    public var message: LocalizedText
    /// The project format's path the reader named (`$.projects[0].loans[1].principal`), when
    /// the problem was found by `ProjectFileReader`.
    public var path: String?

    public init(column: String?, header: String? = nil, columnIndex: Int? = nil, message: LocalizedText, path: String? = nil) {
        self.column = column
        self.header = header
        self.columnIndex = columnIndex
        self.message = message
        self.path = path
    }

    /// The spreadsheet's column letter (`K`).
    public var columnLetter: String? { columnIndex.map(ColumnLetters.letters) }

    /// `loan2_principal (K)` or `贷款2本金 (K)`, as the file names it.
    public var location: String? {
        guard let column else { return nil }
        let name = header ?? column
        return columnLetter.map { "\(name) (\($0))" } ?? name
    }

    public func text(_ language: Language) -> String {
        location.map { "\($0): \(message.text(language))" } ?? message.text(language)
    }

    public var description: String { text(.en) }
}

/// A row that was refused, with every problem found in it.
public struct RowFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The row number as the spreadsheet shows it (the header is row 1).
    public var row: Int
    /// The project id of the row, when it has one.
    public var projectId: String?
    public var issues: [CellIssue]
    /// The file cannot be read past this row (a quote never closed, a damaged archive): no
    /// further rows follow.
    public var endsImport: Bool

    public init(row: Int, projectId: String? = nil, issues: [CellIssue], endsImport: Bool = false) {
        self.row = row
        self.projectId = projectId
        self.issues = issues
        self.endsImport = endsImport
    }

    public func text(_ language: Language) -> String {
        let prefix = language == .zh ? "第 \(row) 行" : "row \(row)"
        return issues.map { "\(prefix), \($0.text(language))" }.joined(separator: "\n")
    }

    public var description: String { text(.en) }
}

/// A row read and validated: the enterprise and the project it declares.
public struct ImportedRow: Sendable, Equatable {
    public var row: Int
    public var enterprise: Enterprise
    public var project: Project

    public init(row: Int, enterprise: Enterprise, project: Project) {
        self.row = row
        self.enterprise = enterprise
        self.project = project
    }
}

/// A file that cannot be imported at all: not a table, a header that names unknown columns, no
/// header. Every problem is listed (a header with three unknown columns names all three).
public struct TabularError: Error, Sendable, Equatable, CustomStringConvertible {
    public var row: Int?
    public var issues: [CellIssue]

    public init(row: Int?, issues: [CellIssue]) {
        self.row = row
        self.issues = issues
    }

    init(row: Int? = nil, zh: String, en: String) {
        self.init(row: row, issues: [CellIssue(column: nil, message: LocalizedText(zh: zh, en: en))])
    }

    public func text(_ language: Language) -> String {
        let prefix = row.map { language == .zh ? "第 \($0) 行, " : "row \($0), " } ?? ""
        return issues.map { prefix + $0.text(language) }.joined(separator: "\n")
    }

    public var description: String { text(.en) }
}

/// The columns of a file, as its header row names them.
public struct TabularHeader: Sendable, Equatable {
    /// The row the header is on (1 unless rows above it are empty).
    public var row: Int
    /// The header text of each column as written.
    public var names: [String]
    /// The column each header names (nil for an empty header cell).
    public var columns: [TabularColumn?]

    /// Where a column is in the file.
    public func index(of column: TabularColumn) -> Int? { positions[column] }

    var positions: [TabularColumn: Int] = [:]

    init(row: Int, names: [String], columns: [TabularColumn?]) {
        self.row = row
        self.names = names
        self.columns = columns
        for (i, c) in columns.enumerated() { if let c { positions[c] = i } }
    }

    /// An issue located at a column (with the file's header and letter when it has the column).
    public func issue(_ column: TabularColumn?, _ message: LocalizedText, path: String? = nil) -> CellIssue {
        guard let column else { return CellIssue(column: nil, message: message, path: path) }
        let i = positions[column]
        return CellIssue(column: column.key, header: i.map { names[$0] }, columnIndex: i, message: message, path: path)
    }
}
