import Foundation

/// A worksheet's `<sheetData>`: rows of cells, each cell's value made text.
struct SheetHandler: XMLHandler {
    let sharedStrings: [String]
    let dateStyles: [Bool]
    let date1904: Bool
    let body: (XLSXRow) throws -> Void

    var row = XLSXRow(number: 0, cells: [])
    var inRow = false
    var column = 0
    enum Kind { case number, shared, inline, string, boolean, error, isoDate }
    var kind = Kind.number
    var style = 0
    /// Inside `<v>` or an inline string's `<t>` (not a phonetic run's).
    var capturing = false
    var phonetic = 0
    var value = ""
    var inCell = false

    init(sharedStrings: [String], dateStyles: [Bool], date1904: Bool, body: @escaping (XLSXRow) throws -> Void) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.body = body
    }

    mutating func start(_ s: XMLView, name: Range<Int>) throws {
        let local = s.localName(name)
        switch local.count {
        case 1 where s.bytes[local.lowerBound] == UInt8(ascii: "c"):
            inCell = true
            if let r = s.attribute("r"), let c = ColumnLetters.index(UnsafeBufferPointer(rebasing: s.bytes[r])) { column = c }
            kind = .number
            if let t = s.attribute("t"), !t.isEmpty {
                switch (t.count, s.bytes[t.lowerBound]) {
                case (1, UInt8(ascii: "s")): kind = .shared
                case (9, UInt8(ascii: "i")): kind = .inline      // inlineStr
                case (3, UInt8(ascii: "s")): kind = .string      // str
                case (1, UInt8(ascii: "b")): kind = .boolean
                case (1, UInt8(ascii: "e")): kind = .error
                case (1, UInt8(ascii: "d")): kind = .isoDate
                default: kind = .number
                }
            }
            style = s.attribute("s").flatMap { s.int($0) } ?? 0
            value = ""
        case 1 where s.bytes[local.lowerBound] == UInt8(ascii: "v"):
            if inCell { capturing = true }
        case 1 where s.bytes[local.lowerBound] == UInt8(ascii: "t"):
            if inCell && kind == .inline && phonetic == 0 { capturing = true }
        case 3 where s.equals(name, "row"):
            inRow = true
            let number = s.attribute("r").flatMap { s.int($0) } ?? row.number + 1
            row.number = number
            row.cells.removeAll(keepingCapacity: true)
            column = 0
        case 3 where s.equals(name, "rPh"):
            phonetic += 1
        default: break
        }
    }

    mutating func end(_ s: XMLView, name: Range<Int>) throws {
        let local = s.localName(name)
        switch local.count {
        case 1 where s.bytes[local.lowerBound] == UInt8(ascii: "c"):
            inCell = false
            capturing = false
            let text = cellText()
            if !text.isEmpty {
                if row.cells.count < column { row.cells.append(contentsOf: repeatElement("", count: column - row.cells.count)) }
                if row.cells.count == column { row.cells.append(text) } else { row.cells[column] = text }
            }
            column += 1
        case 1 where s.bytes[local.lowerBound] == UInt8(ascii: "v"), 1 where s.bytes[local.lowerBound] == UInt8(ascii: "t"):
            capturing = false
        case 3 where s.equals(name, "row"):
            inRow = false
            try body(row)
        case 3 where s.equals(name, "rPh"):
            phonetic -= 1
        default: break
        }
    }

    mutating func text(_ s: XMLView, _ range: Range<Int>, cdata: Bool) throws {
        guard capturing else { return }
        value += cdata ? s.string(range) : s.decode(range)
    }

    func cellText() -> String {
        switch kind {
        case .shared:
            guard let i = Int(value), sharedStrings.indices.contains(i) else { return "" }
            return sharedStrings[i]
        case .inline, .string: return value.decodingOOXMLEscapes
        case .boolean: return value == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE"
        case .error: return value
        case .isoDate:
            // ISO 8601 date-time: a midnight time is dropped.
            if value.count > 10, value.dropFirst(10).first == "T",
               value.dropFirst(11).allSatisfy({ "0:.Z".contains($0) }) { return String(value.prefix(10)) }
            return value
        case .number:
            if value.isEmpty { return "" }
            if style < dateStyles.count, dateStyles[style], let day = ExcelNumber.day(serial: value, date1904: date1904) {
                return day.iso
            }
            // Plain notation with at most 15 significant digits, as Excel shows it.
            if value.utf8.count > 15 || value.utf8.contains(where: { $0 == 0x45 || $0 == 0x65 }) {
                return ExcelNumber.shown(value) ?? value
            }
            return value
        }
    }
}
