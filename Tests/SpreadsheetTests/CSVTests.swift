import Foundation
import Testing
@testable import Spreadsheet

@Suite struct CSVTests {
    static func rows(_ text: String, separator: CSVReader.Separator = .auto, chunk: Int? = nil) throws -> [[String]] {
        try rows(Data(text.utf8), separator: separator, chunk: chunk).map(\.fields)
    }

    static func rows(_ data: Data, separator: CSVReader.Separator = .auto, chunk: Int? = nil) throws -> [CSVRow] {
        let reader: CSVReader
        if let chunk {
            var offset = 0
            reader = try CSVReader(separator: separator) {
                guard offset < data.count else { return nil }
                defer { offset += chunk }
                return data.subdata(in: offset..<min(offset + chunk, data.count))
            }
        } else {
            reader = try CSVReader(data: data, separator: separator)
        }
        var out: [CSVRow] = []
        try reader.forEachRow { out.append($0) }
        return out
    }

    @Test func quotedFieldsWithSeparatorsQuotesAndLineBreaks() throws {
        let text = "a,b,c\n\"x,y\",\"he said \"\"hi\"\"\",\"line1\nline2\"\n\"\",,\"\"\"\"\n"
        #expect(try Self.rows(text) == [["a", "b", "c"], ["x,y", "he said \"hi\"", "line1\nline2"], ["", "", "\""]])
    }

    @Test func rowNumbersCountSpreadsheetRowsNotLines() throws {
        let text = "h1,h2\n\"two\nlines\",x\nlast,y\n"
        let rows = try Self.rows(Data(text.utf8))
        #expect(rows.map(\.number) == [1, 2, 3])
        #expect(rows[2].fields == ["last", "y"])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(contentsOf: "统一社会信用代码,企业名称\r\n1,甲\r\n".utf8)
        let rows = try Self.rows(data)
        #expect(rows.map(\.fields) == [["统一社会信用代码", "企业名称"], ["1", "甲"]])
    }

    @Test func crlfLfAndCrLineEnds() throws {
        #expect(try Self.rows("a,b\r\nc,d\r\n") == [["a", "b"], ["c", "d"]])
        #expect(try Self.rows("a,b\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(try Self.rows("a,b\rc,d\r") == [["a", "b"], ["c", "d"]])
        // A CRLF inside quotes is kept.
        #expect(try Self.rows("\"a\r\nb\",c\r\n") == [["a\r\nb", "c"]])
    }

    @Test func emptyLinesAreRowsAndTrailingLineEndIsNot() throws {
        let rows = try Self.rows(Data("a,b\n\nc,d\n".utf8))
        #expect(rows.map(\.number) == [1, 2, 3])
        #expect(rows[1].isBlank)
        #expect(try Self.rows("") == [])
    }

    @Test func separatorsAreDetectedFromTheHeader() throws {
        #expect(try Self.rows("a;b;c\n1,5;2;3\n") == [["a", "b", "c"], ["1,5", "2", "3"]])
        #expect(try Self.rows("a\tb\n1\t2\n") == [["a", "b"], ["1", "2"]])
        #expect(try Self.rows("名称，金额\n甲，1\n") == [["名称", "金额"], ["甲", "1"]])
        // With commas, a full-width comma in the data is text.
        #expect(try Self.rows("a,b\n甲，乙,2\n") == [["a", "b"], ["甲，乙", "2"]])
        #expect(try Self.rows("a,b\n\"x;y\",2\n", separator: .comma) == [["a", "b"], ["x;y", "2"]])
    }

    @Test func unterminatedQuoteIsAnErrorAtTheRowItStarts() throws {
        #expect(throws: CSVReader.Error.self) { try Self.rows("a,b\n1,\"open\n2,3\n") }
        do {
            _ = try Self.rows("a,b\n1,2\n3,\"open\n4\n")
        } catch let e as CSVReader.Error {
            #expect(e.row == 3)
        }
    }

    @Test func lenientWhereExcelIsLenient() throws {
        #expect(try Self.rows("ab\"c,\"d\"e\n") == [["ab\"c", "de"]])
    }

    @Test func chunkBoundariesAnywhere() throws {
        var writer = CSVWriter()
        let samples = ["plain", "with,comma", "with \"quotes\"", "multi\r\nline", "中文，全角", "", " spaced ", "\"", "a\rb"]
        var expected: [[String]] = []
        for i in 0..<40 {
            let row = (0..<5).map { samples[($0 * 7 + i) % samples.count] }
            writer.write(row: row)
            expected.append(row)
        }
        let data = writer.data
        for chunk in [1, 2, 3, 5, 7, 64] {
            #expect(try Self.rows(data, chunk: chunk).map(\.fields) == expected, "chunk size \(chunk)")
        }
        let fullWidth = Data("名称，金额\r\n\"甲，乙\"，1\r\n".utf8)
        for chunk in [1, 2, 4] {
            #expect(try Self.rows(fullWidth, chunk: chunk).map(\.fields) == [["名称", "金额"], ["甲，乙", "1"]])
        }
    }

    @Test func writerQuotesOnlyWhatNeedsIt() {
        var writer = CSVWriter(byteOrderMark: false)
        writer.write(row: ["a", "b,c", "d\"e", "f\ng", "中文", ""])
        #expect(String(decoding: writer.data, as: UTF8.self) == "a,\"b,c\",\"d\"\"e\",\"f\ng\",中文,\r\n")
        let withBOM = CSVWriter.data([["x"]])
        #expect(Array(withBOM.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: withBOM.dropFirst(3), as: UTF8.self) == "x\r\n")
    }

    @Test func invalidUTF8IsReportedNotHidden() throws {
        // "甲" in GBK is B6 A1... any non-UTF-8 bytes will do.
        var data = Data("a,b\n".utf8)
        data.append(contentsOf: [0xBC, 0xD7, 0x2C, 0x31, 0x0A])
        let rows = try Self.rows(data)
        #expect(rows[1].validatedField(0) == nil)
        #expect(rows[1].validatedField(1) == "1")
    }

    @Test func utf16IsRefused() {
        #expect(throws: CSVReader.Error.self) { _ = try CSVReader(data: Data([0xFF, 0xFE, 0x61, 0x00])) }
    }

    @Test func readsFilesInChunks() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        var writer = CSVWriter()
        for i in 0..<5000 { writer.write(row: ["\(i)", "name \(i)", "x,\(i)"]) }
        try writer.data.write(to: url)
        let reader = try CSVReader(url: url, chunkSize: 4096)
        var count = 0
        try reader.forEachRow { row in
            #expect(row.fields == ["\(count)", "name \(count)", "x,\(count)"])
            count += 1
        }
        #expect(count == 5000)
    }
}
