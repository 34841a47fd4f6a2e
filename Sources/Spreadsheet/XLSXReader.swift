import Foundation
import ZIPFoundation

/// Reads the worksheets of an .xlsx workbook (Office Open XML, as Excel, WPS and LibreOffice
/// write it), one row at a time.
///
/// The sheet is found through `xl/workbook.xml` and its relationships (the first sheet tab by
/// default), decompressed in chunks and tokenized as it comes, so a large sheet is never held in
/// memory whole; shared strings are read first. Every cell is given as text:
///
/// - strings (shared, inline or a formula's string result) as they are;
/// - numbers as Excel shows them: the stored text (`1234.5`) in plain notation (`1E+7` →
///   `10000000`) with at most the 15 significant digits a double holds (`882501.8199999999`,
///   as some programs write the double nearest 882501.82, → `882501.82`) — decimal text rounded
///   as text, never through `Double`;
/// - numbers whose cell has a date format as the calendar day (`2024-03-01`);
/// - booleans as `TRUE` / `FALSE`, errors as Excel shows them (`#N/A`).
///
/// Rows are numbered as the sheet numbers them; cells missing from a row (Excel omits empty
/// ones) are empty strings, so `cells[2]` is always column C.
public final class XLSXReader {
    public struct Error: Swift.Error, Sendable, CustomStringConvertible {
        public var message: SpreadsheetMessage
        public var description: String { message.en }
        init(zh: String, en: String) { message = SpreadsheetMessage(zh: zh, en: en) }
    }

    public struct Sheet: Sendable, Equatable {
        public var name: String
        /// The part's path inside the package, e.g. `xl/worksheets/sheet1.xml`.
        public var path: String
    }

    let archive: Archive
    /// The workbook's sheets in tab order.
    public private(set) var sheets: [Sheet] = []
    var sharedStringsPath: String?
    var stylesPath: String?
    var date1904 = false
    var sharedStrings: [String]?
    var dateStyles: [Bool]?

    public convenience init(url: URL) throws {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw Error(zh: "不是有效的 .xlsx 文件（无法作为 ZIP 打开）", en: "not a valid .xlsx file (cannot be opened as a ZIP archive)")
        }
        try self.init(archive: archive)
    }

    public convenience init(data: Data) throws {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw Error(zh: "不是有效的 .xlsx 文件（无法作为 ZIP 打开）", en: "not a valid .xlsx file (cannot be opened as a ZIP archive)")
        }
        try self.init(archive: archive)
    }

    init(archive: Archive) throws {
        self.archive = archive
        try readWorkbook()
    }

    // MARK: - Package parts

    func entry(_ path: String) -> Entry? {
        if let e = archive[path] { return e }
        let lower = path.lowercased()
        return archive.first { $0.path.lowercased() == lower || $0.path.replacingOccurrences(of: "\\", with: "/").lowercased() == lower }
    }

    func wholePart(_ path: String) throws -> Data? {
        guard let e = entry(path) else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(e, skipCRC32: true) { data.append($0) }
        } catch {
            throw Error(zh: "无法解压 \(path)：\(error)", en: "cannot decompress \(path): \(error)")
        }
        return data
    }

    func streamPart<H: XMLHandler>(_ path: String, _ handler: inout H) throws {
        guard let e = entry(path) else {
            throw Error(zh: "工作簿缺少 \(path)", en: "the workbook has no \(path)")
        }
        var scanner = XMLScanner()
        // An error thrown by the handler (the caller's `body`) passes through unchanged.
        var bodyError: Swift.Error?
        do {
            _ = try archive.extract(e, bufferSize: 1 << 16, skipCRC32: true) { chunk in
                do { try scanner.feed(chunk, &handler) } catch let m as XMLScanner.Malformed { throw m } catch {
                    bodyError = error
                    throw error
                }
            }
            do { try scanner.finish(&handler) } catch let m as XMLScanner.Malformed { throw m } catch {
                bodyError = error
                throw error
            }
        } catch {
            if let bodyError { throw bodyError }
            throw Error(zh: "\(path) 无法读取：\(error)", en: "cannot read \(path): \(error)")
        }
    }

    /// Relationship id → (type, target path resolved against the source part's folder).
    func relationships(of part: String) throws -> [String: (type: String, target: String)] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? part
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let data = try wholePart(relsPath) else { return [:] }
        var collector = AttributeCollector(element: "Relationship", names: ["Id", "Type", "Target", "TargetMode"])
        try XMLScanner.scan(data, &collector)
        var out: [String: (String, String)] = [:]
        for r in collector.found {
            guard let id = r["Id"], let target = r["Target"], r["TargetMode"] != "External" else { continue }
            out[id] = (r["Type"] ?? "", Self.resolve(target, against: folder))
        }
        return out
    }

    static func resolve(_ target: String, against folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for p in target.split(separator: "/") {
            if p == ".." { _ = parts.popLast() } else if p != "." { parts.append(p) }
        }
        return parts.joined(separator: "/")
    }

    func readWorkbook() throws {
        var workbookPath = "xl/workbook.xml"
        for (_, r) in try relationships(of: "") where r.type.hasSuffix("/officeDocument") {
            workbookPath = r.target
        }
        guard let data = try wholePart(workbookPath) else {
            throw Error(zh: "不是 Excel 工作簿（缺少 xl/workbook.xml）", en: "not an Excel workbook (no xl/workbook.xml)")
        }
        var collector = AttributeCollector(element: "sheet", names: ["name", "id"], also: ("workbookPr", ["date1904"]))
        try XMLScanner.scan(data, &collector)
        date1904 = ["1", "true"].contains(collector.alsoFound["date1904"] ?? "")
        let rels = try relationships(of: workbookPath)
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        for (i, s) in collector.found.enumerated() {
            let path = s["id"].flatMap { rels[$0]?.target } ?? (folder + "/worksheets/sheet\(i + 1).xml")
            sheets.append(Sheet(name: s["name"] ?? "Sheet\(i + 1)", path: path))
        }
        if sheets.isEmpty, entry(folder + "/worksheets/sheet1.xml") != nil {
            sheets.append(Sheet(name: "Sheet1", path: folder + "/worksheets/sheet1.xml"))
        }
        for (_, r) in rels {
            if r.type.hasSuffix("/sharedStrings") { sharedStringsPath = r.target }
            if r.type.hasSuffix("/styles") { stylesPath = r.target }
        }
        if sharedStringsPath == nil, entry(folder + "/sharedStrings.xml") != nil { sharedStringsPath = folder + "/sharedStrings.xml" }
        if stylesPath == nil, entry(folder + "/styles.xml") != nil { stylesPath = folder + "/styles.xml" }
    }

    func loadSharedStrings() throws -> [String] {
        if let sharedStrings { return sharedStrings }
        var handler = SharedStringsHandler()
        if let path = sharedStringsPath { try streamPart(path, &handler) }
        sharedStrings = handler.strings
        return handler.strings
    }

    func loadDateStyles() throws -> [Bool] {
        if let dateStyles { return dateStyles }
        var handler = StylesHandler()
        if let path = stylesPath, let data = try wholePart(path) { try XMLScanner.scan(data, &handler) }
        let result = handler.cellFormats.map { id in
            id.map { handler.customFormats[$0].map(Self.isDateFormat) ?? Self.isBuiltinDate($0) } ?? false
        }
        dateStyles = result
        return result
    }

    static func isBuiltinDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// A custom number format shows a date when, outside quoted text, brackets, escapes and the
    /// word `General`, it has a year or day code (`yyyy-mm-dd`, `m/d/yy`, `yyyy"年"m"月"d"日"`).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, skipNext = false
        let lower = code.lowercased().replacingOccurrences(of: "general", with: "")
        for c in lower {
            if skipNext { skipNext = false; continue }
            if inQuote { if c == "\"" { inQuote = false }; continue }
            if inBracket { if c == "]" { inBracket = false }; continue }
            switch c {
            case "\\", "_", "*": skipNext = true      // an escaped character, a space or a fill
            case "\"": inQuote = true
            case "[": inBracket = true
            case "y", "d": return true
            default: break
            }
        }
        return false
    }

    // MARK: - Rows

    /// Reads the rows of a sheet (the first by default), calling `body` with each row that has a
    /// cell. Throw from `body` to stop early.
    public func forEachRow(sheet: Int = 0, _ body: (XLSXRow) throws -> Void) throws {
        guard sheets.indices.contains(sheet) else {
            throw Error(zh: "工作簿没有第 \(sheet + 1) 个工作表", en: "the workbook has no sheet \(sheet + 1)")
        }
        let strings = try loadSharedStrings(), styles = try loadDateStyles()
        try withoutActuallyEscaping(body) { body in
            var handler = SheetHandler(sharedStrings: strings, dateStyles: styles, date1904: date1904, body: body)
            try streamPart(sheets[sheet].path, &handler)
        }
    }

    /// Every row of a sheet, in memory (for small sheets and tests).
    public func rows(sheet: Int = 0) throws -> [XLSXRow] {
        var out: [XLSXRow] = []
        try forEachRow(sheet: sheet) { out.append($0) }
        return out
    }
}
