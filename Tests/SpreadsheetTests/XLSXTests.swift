import Foundation
import Testing
@testable import Spreadsheet

@Suite struct XLSXTests {
    @Test func writeThenReadGivesTheSameCells() throws {
        var writer = XLSXWriter(sheetName: "项目")
        writer.addRow(texts: ["credit_code", "enterprise_name", "declared_investment", "start_date", "zero_land"])
        writer.addRow([.text("91310115MA1K4ABCDD"), .text("上海 <浦江> & \"智能\""), .number("86000000.50"),
                       .date(SheetDay(iso: "2024-03-01")!), .bool(true)])
        writer.addRow([.text("0012"), .empty, .number("0.035"), .empty, .bool(false)])
        writer.addRow([.text(" leading and trailing "), .text("line\nbreak\r\nand tab\t"), .text("_x0041_ literal"),
                       .text("控制\u{01}字符"), .number("not a number")])
        let data = try writer.data()
        let rows = try XLSXReader(data: data).rows()
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(rows[0].cells == ["credit_code", "enterprise_name", "declared_investment", "start_date", "zero_land"])
        #expect(rows[1].cells == ["91310115MA1K4ABCDD", "上海 <浦江> & \"智能\"", "86000000.50", "2024-03-01", "TRUE"])
        // A gap (column B) is an empty cell; trailing empty cells are not written.
        #expect(rows[2].cells == ["0012", "", "0.035", "", "FALSE"])
        #expect(rows[3].cells == [" leading and trailing ", "line\nbreak\r\nand tab\t", "_x0041_ literal", "控制\u{01}字符", "not a number"])
        let reader = try XLSXReader(data: data)
        #expect(reader.sheets.map(\.name) == ["项目"])
    }

    @Test func sharedStringsStylesDatesPrefixesAndGaps() throws {
        // A workbook as Excel writes it: shared strings (one with rich-text runs and a phonetic
        // run), a date style, a 1904 date system, numbers in scientific notation, cells without
        // references, namespace prefixes, a sheet that is not sheet1.xml.
        let workbook = """
        <?xml version="1.0" encoding="UTF-8"?>
        <x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <x:workbookPr date1904="false"/><x:sheets><x:sheet name="导入" sheetId="3" r:id="rId7"/><x:sheet name="说明" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>
        """
        let rels = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
        <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>
        <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>
        <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
        </Relationships>
        """
        let strings = """
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
        <si><t>项目编号</t></si><si><r><rPr><b/></rPr><t>申报</t></r><r><t xml:space="preserve">投资 </t></r><rPh sb="0" eb="1"><t>しんこく</t></rPh></si>
        <si><t>A&amp;B &lt;C&gt; &#20013;&#x6587;</t></si><si><t><![CDATA[<raw>]]></t></si></sst>
        """
        let styles = """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="4"/></cellXfs></styleSheet>
        """
        let sheet = """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
        <row r="3" spans="1:6"><c r="A3" t="inlineStr"><is><t>P-1</t></is></c><c r="B3" s="1"><v>45352</v></c><c r="C3" s="3"><v>1E+7</v></c>
          <c r="D3" s="2"><v>45658.75</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>
        <row r="4"><c r="AB4" t="b"><v>1</v></c><c r="A4" t="str"><f>1+1</f><v>2</v></c></row>
        <row r="5"><c r="A5"><v>1.5E-3</v></c><c r="B5"><v>-2.5E+2</v></c><c r="C5" t="e"><v>#N/A</v></c><c r="D5" t="d"><v>2024-03-01T00:00:00</v></c></row>
        <row r="6"/>
        </sheetData></worksheet>
        """
        let data = try XLSXWriter.package([
            ("[Content_Types].xml", Data("<Types/>".utf8)),
            ("xl/workbook.xml", Data(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(rels.utf8)),
            ("xl/strings.xml", Data(strings.utf8)),
            ("xl/styles.xml", Data(styles.utf8)),
            ("xl/worksheets/data.xml", Data(sheet.utf8)),
            ("xl/worksheets/sheet1.xml", Data("<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>notes</t></is></c></row></sheetData></worksheet>".utf8)),
        ])
        let reader = try XLSXReader(data: data)
        #expect(reader.sheets.map(\.name) == ["导入", "说明"])
        let rows = try reader.rows()
        #expect(rows.map(\.number) == [1, 3, 4, 5, 6])
        #expect(rows[0].cells == ["项目编号", "", "申报投资 "])
        #expect(rows[1].cells == ["P-1", "2024-03-01", "10000000", "2025-01-01", "A&B <C> 中文", "<raw>"])
        #expect(rows[2].cells.count == 28)
        #expect(rows[2].cells[0] == "2")
        #expect(rows[2].cells[27] == "TRUE")
        #expect(rows[3].cells == ["0.0015", "-250", "#N/A", "2024-03-01"])
        #expect(rows[4].cells == [])
        #expect(try reader.rows(sheet: 1) == [XLSXRow(number: 1, cells: ["notes"])])
    }

    @Test func notAWorkbookIsRefusedClearly() {
        #expect(throws: XLSXReader.Error.self) { _ = try XLSXReader(data: Data("not a zip".utf8)) }
        #expect(throws: XLSXReader.Error.self) {
            _ = try XLSXReader(data: try XLSXWriter.package([("hello.txt", Data("hi".utf8))]))
        }
    }

    @Test func excelNumbersAreExact() {
        #expect(ExcelNumber.plain("1E+7") == "10000000")
        #expect(ExcelNumber.plain("1.2345678901234E+15") == "1234567890123400")
        #expect(ExcelNumber.plain("9.99E-3") == "0.00999")
        #expect(ExcelNumber.plain("123.45") == "123.45")
        #expect(ExcelNumber.plain("1.50E+2") == "150")
        #expect(ExcelNumber.plain("0E+0") == "0")
        #expect(ExcelNumber.plain("1E+400") == nil)
        #expect(ExcelNumber.plain("abc") == nil)
        #expect(ExcelNumber.day(serial: "1") == SheetDay(iso: "1900-01-01"))
        #expect(ExcelNumber.day(serial: "59") == SheetDay(iso: "1900-02-28"))
        #expect(ExcelNumber.day(serial: "60") == nil) // Excel's 29 February 1900
        #expect(ExcelNumber.day(serial: "61") == SheetDay(iso: "1900-03-01"))
        #expect(ExcelNumber.day(serial: "45352") == SheetDay(iso: "2024-03-01"))
        #expect(ExcelNumber.day(serial: "0", date1904: true) == SheetDay(iso: "1904-01-01"))
        for iso in ["1900-01-01", "1900-02-28", "1900-03-01", "2024-02-29", "2099-12-31"] {
            let day = SheetDay(iso: iso)!
            #expect(ExcelNumber.day(serial: String(ExcelNumber.serial(of: day))) == day)
        }
    }

    @Test func numberCellsAreReadAsExcelShowsThem() {
        // Doubles written with 16 or 17 digits come back as the 15 digits Excel shows.
        #expect(ExcelNumber.shown("882501.8199999999") == "882501.82")
        #expect(ExcelNumber.shown("68051.46000000001") == "68051.46")
        #expect(ExcelNumber.shown("0.30000000000000004") == "0.3")
        #expect(ExcelNumber.shown("9999999999999.9999") == "10000000000000")
        #expect(ExcelNumber.shown("1234.565000000001") == "1234.565")   // still three decimals: refused later
        #expect(ExcelNumber.shown("1.2345678901234567E+2") == "123.456789012346")
        #expect(ExcelNumber.shown("123456789012345678") == "123456789012346000")
        #expect(ExcelNumber.shown("1234.5") == "1234.5")
        #expect(ExcelNumber.shown("-0.000000000000000001") == "-0.000000000000000001")
    }

    @Test func dateFormatsAreToldFromOthers() {
        for code in ["yyyy-mm-dd", "yyyy\\-mm\\-dd", "m/d/yy", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy/m/d", "dd-mmm"] {
            #expect(XLSXReader.isDateFormat(code), "\(code)")
        }
        for code in ["General", "@", "0.00", "#,##0.00_);[Red]\\(#,##0.00\\)", "\"TRUE\";\"TRUE\";\"FALSE\"", "[$¥-804]#,##0.00",
                     "0.00\"元\"", "_(* #,##0_)", "[Red]0", "h:mm:ss"] {
            #expect(!XLSXReader.isDateFormat(code), "\(code)")
        }
        #expect(XLSXReader.isBuiltinDate(14) && XLSXReader.isBuiltinDate(31) && !XLSXReader.isBuiltinDate(49) && !XLSXReader.isBuiltinDate(0))
    }

    @Test func columnLetters() {
        #expect(ColumnLetters.letters(0) == "A")
        #expect(ColumnLetters.letters(25) == "Z")
        #expect(ColumnLetters.letters(26) == "AA")
        #expect(ColumnLetters.letters(701) == "ZZ")
        #expect(ColumnLetters.letters(702) == "AAA")
        for i in [0, 25, 26, 27, 701, 702, 16383] { #expect(ColumnLetters.index(Array(ColumnLetters.letters(i).utf8)) == i) }
        #expect(ColumnLetters.index(Array("AB12".utf8)) == 27)
    }
}
