import Foundation
import ZIPFoundation

/// A cell to write.
public enum XLSXCell: Sendable, Equatable {
    case empty
    /// Text, written as an inline string in a text-formatted cell (Excel keeps `0012` as typed).
    case text(String)
    /// A number as exact decimal text (`"1234.50"`, `"0.035"`); text that is not a plain decimal
    /// is written as text instead.
    case number(String)
    case bool(Bool)
    /// A date cell (serial number with a `yyyy-mm-dd` format), sortable and filterable in Excel.
    case date(SheetDay)
}

/// Writes a minimal .xlsx workbook with one sheet that Excel, WPS and LibreOffice open:
/// content types, package and workbook relationships, the workbook, a style sheet and the
/// sheet, deflated. The first row can be a bold header frozen in place.
public struct XLSXWriter: Sendable {
    public var sheetName: String
    public var boldFrozenHeader: Bool
    var body: [UInt8] = []
    var rowCount = 0
    var columnCount = 0
    var widths: [Int] = []

    public init(sheetName: String = "Sheet1", boldFrozenHeader: Bool = true) {
        self.sheetName = sheetName
        self.boldFrozenHeader = boldFrozenHeader
        body.reserveCapacity(1 << 16)
    }

    /// Style indices of `styles.xml` below.
    enum Style { static let header = 1, date = 2, text = 3 }

    var letterBytes: [[UInt8]] = []

    public mutating func addRow(_ cells: [XLSXCell]) {
        rowCount += 1
        let r = Array(String(rowCount).utf8)
        let isHeader = rowCount == 1 && boldFrozenHeader
        while letterBytes.count < cells.count { letterBytes.append(Array(ColumnLetters.letters(letterBytes.count).utf8)) }
        columnCount = max(columnCount, cells.count)
        append("<row r=\"")
        body.append(contentsOf: r)
        append("\">")
        for (i, cell) in cells.enumerated() {
            func open(_ style: Int?, _ type: StaticString?) {
                append("<c r=\"")
                body.append(contentsOf: letterBytes[i])
                body.append(contentsOf: r)
                if let style {
                    append("\" s=\"")
                    body.append(UInt8(0x30 + style))
                }
                if let type {
                    append("\" t=\"")
                    append(type)
                }
                append("\">")
            }
            switch cell {
            case .empty:
                continue
            case .text(let s):
                note(width: s, column: i)
                open(isHeader ? Style.header : Style.text, "inlineStr")
                let space = s.first.map { $0.isWhitespace } == true || s.last.map { $0.isWhitespace } == true
                append(space ? "<is><t xml:space=\"preserve\">" : "<is><t>")
                appendEscaped(s)
                append("</t></is></c>")
            case .number(let n):
                guard ExcelNumber.isDecimal(n.utf8) || (n.utf8.count <= 30 && ExcelNumber.plain(n) != nil) else {
                    note(width: n, column: i)
                    open(isHeader ? Style.header : Style.text, "inlineStr")
                    append("<is><t>")
                    appendEscaped(n)
                    append("</t></is></c>")
                    continue
                }
                note(width: n, column: i)
                open(isHeader ? Style.header : nil, nil)
                append("<v>")
                body.append(contentsOf: n.utf8)
                append("</v></c>")
            case .bool(let b):
                open(isHeader ? Style.header : nil, "b")
                append(b ? "<v>1</v></c>" : "<v>0</v></c>")
            case .date(let d):
                note(width: "2024-01-01", column: i)
                open(Style.date, nil)
                append("<v>")
                body.append(contentsOf: String(ExcelNumber.serial(of: d)).utf8)
                append("</v></c>")
            }
        }
        append("</row>")
    }

    /// Appends text escaped for an OOXML string; plain text is copied as it is.
    mutating func appendEscaped(_ s: String) {
        var plain = true
        for b in s.utf8 where b < 0x20 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x5F || b == 0xEF {
            if b == 0x09 || b == 0x0A { continue }
            plain = false
            break
        }
        if plain { body.append(contentsOf: s.utf8) } else { body.append(contentsOf: s.xmlEscapedOOXML.utf8) }
    }

    mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { body.append(contentsOf: $0) }
    }

    /// A row of text cells.
    public mutating func addRow(texts: [String]) {
        addRow(texts.map { $0.isEmpty ? .empty : .text($0) })
    }


    /// Column widths from the first rows (CJK characters count double).
    mutating func note(width s: String, column: Int) {
        guard rowCount <= 100 else { return }
        while widths.count <= column { widths.append(8) }
        var w = 0
        for scalar in s.unicodeScalars { w += scalar.value >= 0x1100 ? 2 : 1 }
        widths[column] = min(max(widths[column], w + 2), 60)
    }

    // MARK: - The package

    func sheetXML() -> Data {
        var head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        head += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        if rowCount > 0 && columnCount > 0 {
            head += "<dimension ref=\"A1:\(ColumnLetters.letters(columnCount - 1))\(rowCount)\"/>"
        }
        head += "<sheetViews><sheetView workbookViewId=\"0\">"
        if boldFrozenHeader && rowCount > 0 {
            head += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        }
        head += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !widths.isEmpty {
            head += "<cols>"
            for (i, w) in widths.enumerated() {
                head += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>"
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        var data = Data(capacity: head.utf8.count + body.count + 40)
        data.append(contentsOf: head.utf8)
        data.append(contentsOf: body)
        data.append(contentsOf: "</sheetData></worksheet>".utf8)
        return data
    }

    static let contentTypes = #"""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
    """#

    static let packageRels = #"""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
    """#

    static let workbookRels = #"""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
    """#

    /// Fonts: regular, bold. Cell formats: 0 general, 1 bold header, 2 date, 3 text (`@`).
    static let styles = #"""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
    """#

    func workbook() -> String {
        var name = sheetName.filter { !"[]:*?/\\".contains($0) }
        if name.isEmpty { name = "Sheet1" }
        if name.count > 31 { name = String(name.prefix(31)) }
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name=""#
            + name.xmlEscapedOOXML + #"" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    }

    /// Excel's limits: 1,048,576 rows and 16,384 columns.
    public static let maxRows = 1_048_576, maxColumns = 16_384

    func fill(_ archive: Archive) throws {
        guard rowCount <= Self.maxRows, columnCount <= Self.maxColumns else {
            throw XLSXReader.Error(zh: "超过 Excel 工作表的上限（1,048,576 行、16,384 列）：\(rowCount) 行、\(columnCount) 列；请分成几个文件或导出为 CSV",
                                   en: "more than an Excel sheet holds (1,048,576 rows, 16,384 columns): \(rowCount) rows, \(columnCount) columns; split the export or use CSV")
        }
        func add(_ path: String, _ data: Data) throws {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate, bufferSize: 1 << 16) { position, size in
                let start = Int(position)
                return data.subdata(in: start..<min(start + size, data.count))
            }
        }
        try add("[Content_Types].xml", Data(Self.contentTypes.utf8))
        try add("_rels/.rels", Data(Self.packageRels.utf8))
        try add("xl/workbook.xml", Data(workbook().utf8))
        try add("xl/_rels/workbook.xml.rels", Data(Self.workbookRels.utf8))
        try add("xl/styles.xml", Data(Self.styles.utf8))
        try add("xl/worksheets/sheet1.xml", sheetXML())
    }

    /// A ZIP package of the given parts (for tests that need hand-made workbooks).
    static func package(_ parts: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
            }
        }
        return archive.data ?? Data()
    }

    /// The workbook as bytes.
    public func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        try fill(archive)
        guard let data = archive.data else {
            throw XLSXReader.Error(zh: "无法生成 .xlsx", en: "could not produce the .xlsx archive")
        }
        return data
    }

    /// Writes the workbook to a file (replacing it).
    public func write(to url: URL) throws {
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .create)
        try fill(archive)
    }
}
