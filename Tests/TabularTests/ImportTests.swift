import Foundation
import Policy
import Spreadsheet
import Testing
@testable import Tabular

@Suite struct ImportTests {
    static func rows(_ data: Data, format: TabularFormat = .csv) throws -> [Result<ImportedRow, RowFailure>] {
        Array(try TabularImport.rows(format: format, source: .data(data), vocabulary: try Fixtures.vocabulary))
    }

    @Test func aGoodRowBecomesAProject() throws {
        let rows = try Self.rows(Fixtures.csv(Fixtures.header, [Fixtures.good()]))
        #expect(rows.count == 1)
        let row = try rows[0].get()
        #expect(row.row == 2)
        #expect(row.enterprise == Enterprise(creditCode: Fixtures.creditCode, name: "上海浦江智能装备有限公司", district: "pudong", industryCode: "C3484"))
        let p = row.project
        #expect(p.id == "P-1")
        #expect(p.categories == ["technical-renovation", "equipment-renewal"])
        #expect(p.applicationDate == Day(iso: "2024-09-15"))
        #expect(p.investment.declared == Money(yuan: 86_000_000))
        #expect(p.zeroLand)
        #expect(p.loans.count == 1)
        #expect(p.loans[0].rate == Ratio(text: "0.032"))
        #expect(p.loans[0].interestPaid == [YearAmount(year: 2024, amount: Money(yuan: 960_000)),
                                            YearAmount(year: 2025, amount: Money(fen: 128_000_050))])
        #expect(p.loans[0].relendingEligible)
        #expect(p.equipment.isEmpty && p.certifications.isEmpty)
    }

    @Test func aBadRowIsReportedWithItsRowNumberColumnAndTheReadersMessage() throws {
        var bad = Fixtures.good("P-2")
        bad["loan2_id"] = "L2"
        bad["loan2_principal"] = "-5"
        bad["loan2_start"] = "2024-01-01"
        bad["loan2_interest_2024"] = "100.123"
        let rows = try Self.rows(Fixtures.csv(Fixtures.header, [Fixtures.good(), bad]))
        guard case .failure(let failure) = rows[1] else { Issue.record("row 3 was accepted"); return }
        #expect(failure.row == 3)
        #expect(failure.projectId == "P-2")
        let principal = try #require(failure.issues.first { $0.column == "loan2_principal" })
        #expect(principal.message.en == "amount must not be negative: -5")
        #expect(principal.path == "$.projects[0].loans[1].principal")
        #expect(principal.columnLetter == "W")
        let interest = try #require(failure.issues.first { $0.column == "loan2_interest_2024" })
        #expect(interest.path == "$.projects[0].loans[1].interestPaid[\"2024\"]")
        #expect(interest.message.en.contains("more than two decimals"))
        #expect(failure.description.contains("row 3, loan2_principal (W): amount must not be negative: -5"))
    }

    @Test func wrongCreditCodeCheckCharacter() throws {
        var code = Fixtures.creditCode
        let last = code.removeLast()
        code.append(last == "0" ? "1" : "0")
        let rows = try Self.rows(Fixtures.csv(Fixtures.header, [Fixtures.good(code: code)]))
        guard case .failure(let failure) = rows[0] else { Issue.record("accepted"); return }
        #expect(failure.row == 2)
        #expect(failure.issues.count == 1)
        #expect(failure.issues[0].column == "credit_code")
        #expect(failure.issues[0].columnLetter == "A")
        #expect(failure.issues[0].message.en.contains("check character"))
        #expect(failure.issues[0].message.zh.contains("校验码错误"))
    }

    @Test func chineseHeaders() throws {
        let header = ["统一社会信用代码", "企业名称", "所在区", "行业代码", "项目编号", "项目名称", "项目类别", "开工日期",
                      "竣工日期", "申报日期", "申报投资（元）", "核定投资", "零增地", "进口确认书", "贷款1编号", "贷款1本金",
                      "贷款1利息2024", "贷款1_2025年利息", "设备1名称", "设备1数量", "设备1单价", "认证1产品编号", "认证1类型", "认证1金额"]
        let row = ["统一社会信用代码": Fixtures.creditCode, "企业名称": "甲公司", "所在区": "310104", "行业代码": "C3484",
                   "项目编号": "P-9", "项目类别": "技术改造项目、新材料应用认证项目", "开工日期": "2024年3月1日", "申报投资（元）": "1,000,000.00",
                   "核定投资": "900000", "零增地": "否", "进口确认书": "no", "贷款1编号": "L1", "贷款1本金": "500000",
                   "贷款1利息2024": "1000", "贷款1_2025年利息": "2000", "设备1名称": "机床", "设备1数量": "2", "设备1单价": "100000",
                   "认证1产品编号": "NM-1", "认证1类型": "检测", "认证1金额": "50000"]
        let rows = try Self.rows(Fixtures.csv(header, [row]))
        let r = try rows[0].get()
        #expect(r.enterprise.district == "xuhui")
        #expect(r.project.categories == ["technical-renovation", "new-material-certification"])
        #expect(r.project.startDate == Day(iso: "2024-03-01"))
        #expect(r.project.investment.declared == Money(yuan: 1_000_000))
        #expect(r.project.investment.approved == Money(yuan: 900_000))
        #expect(r.project.loans[0].interestPaid.map(\.year) == [2024, 2025])
        #expect(r.project.equipment == [EquipmentItem(name: "机床", quantity: 2, unitPrice: Money(yuan: 100_000))])
        #expect(r.project.certifications == [CertificationContract(productId: "NM-1", kind: .testing, amount: Money(yuan: 50_000))])
        let header2 = try TabularImport.rows(format: .csv, source: .data(Fixtures.csv(header, [row])), vocabulary: try Fixtures.vocabulary).header
        #expect(header2.columns[16] == .loanInterest(1, year: 2024))
        #expect(header2.columns[17] == .loanInterest(1, year: 2025))
    }

    @Test func headersIgnoreCaseSpacesAndUnderscores() throws {
        #expect(try TabularColumn.parse(header: " Credit Code ").get() == .field(.creditCode))
        #expect(try TabularColumn.parse(header: "LOAN2_PRINCIPAL").get() == .loan(2, .principal))
        #expect(try TabularColumn.parse(header: "loan 1 interest 2024").get() == .loanInterest(1, year: 2024))
        #expect(try TabularColumn.parse(header: "Item3_Unit_Price (yuan)").get() == .item(3, .unitPrice))
        #expect(try TabularColumn.parse(header: "融资租赁2设备投资").get() == .lease(2, .equipmentInvestment))
        #expect(TabularColumn.parse(header: "申报投资（万元）") == .failure(.tenThousandYuan))
        #expect(TabularColumn.parse(header: "loan0_id") == .failure(.unknown))
        #expect(TabularColumn.parse(header: "loan1_interest_24") == .failure(.unknown))
        for column in TabularExport.columns(for: []) + [.loan(12, .relending), .loanInterest(3, year: 2031), .lease(1, .innovative),
                                                        .item(2, .nonExempt), .certification(4, .kind)] {
            #expect(try TabularColumn.parse(header: column.key).get() == column)
            #expect(try TabularColumn.parse(header: column.chineseName).get() == column)
        }
    }

    @Test func unknownColumnsAreRefusedByName() throws {
        let header = Fixtures.header + ["loan1_colour", "remarks", "credit_code"]
        do {
            _ = try Self.rows(Fixtures.csv(header, [Fixtures.good()]))
            Issue.record("accepted")
        } catch let e as TabularError {
            #expect(e.row == 1)
            #expect(e.issues.map(\.column) == ["loan1_colour", "remarks", "credit_code"])
            #expect(e.issues[0].message.en == "unknown column: loan1_colour (the accepted columns are listed in docs/import-format.md)")
            #expect(e.issues[1].columnLetter == ColumnLetters.letters(Fixtures.header.count + 1))
            #expect(e.issues[2].message.en.contains("repeats column A"))
        }
    }

    @Test func missingRequiredColumnsAreRefused() throws {
        #expect(throws: TabularError.self) { _ = try Self.rows(Fixtures.csv(["credit_code", "project_id"], [])) }
        do {
            _ = try Self.rows(Fixtures.csv(Fixtures.header + ["lease1_lessor"], []))
        } catch let e as TabularError {
            #expect(Set(e.issues.compactMap(\.column)) == ["lease1_id", "lease1_equipment_investment"])
        }
        #expect(throws: TabularError.self) { _ = try Self.rows(Data()) }
    }

    @Test func emptyGroupsAndEmptyRowsAreIgnored() throws {
        var row = Fixtures.good()
        row["loan2_first_on_market"] = "否"   // a "no" alone does not make a loan
        row["item1_imported"] = "FALSE"
        row["item1_tariff_rate"] = "  "
        var data = Fixtures.csv(Fixtures.header, [row])
        data.append(contentsOf: Array((String(repeating: ",", count: Fixtures.header.count - 1) + "\r\n\r\n").utf8))
        let rows = try Self.rows(data)
        #expect(rows.count == 1)
        let p = try rows[0].get().project
        #expect(p.loans.map(\.id) == ["L1"])
        #expect(p.equipment.isEmpty)
        #expect(p.certifications.isEmpty)
    }

    @Test func groupsAreNumberedAsTheFileNumbersThem() throws {
        // loan1 empty, loan2 given: issues of the project's first loan are loan2's columns.
        var row = Fixtures.good()
        for key in row.keys where key.hasPrefix("loan1_") { row[key] = nil }
        row["loan2_id"] = "L2"
        row["loan2_principal"] = "1000"
        row["loan2_start"] = "2025-01-01"
        row["loan2_interest_2024"] = "10"
        row["loan2_first_on_market"] = "1"
        let rows = try Self.rows(Fixtures.csv(Fixtures.header, [row]))
        guard case .failure(let failure) = rows[0] else { Issue.record("accepted"); return }
        #expect(Set(failure.issues.compactMap(\.column)) == ["loan2_interest_2024", "loan2_first_on_market"])
        #expect(failure.issues.allSatisfy { $0.path?.hasPrefix("$.projects[0].loans[0]") == true })
    }

    @Test func valueRulesOfThisLayer() throws {
        var row = Fixtures.good()
        row["zero_land"] = "maybe"
        row["declared_investment"] = "1.2E+7"
        row["loan1_principal"] = "1234.5599999999999"
        row["project_name"] = "'=HYPERLINK(\"x\")"
        let rows = try Self.rows(Fixtures.csv(Fixtures.header, [row]))
        guard case .failure(let failure) = rows[0] else { Issue.record("accepted"); return }
        #expect(failure.issues.map(\.column) == ["declared_investment", "zero_land", "loan1_principal"])
        #expect(failure.issues[0].message.en.contains("scientific notation"))
        #expect(failure.issues[1].message.en.contains("expected yes or no"))
        #expect(failure.issues[2].message.en.contains("binary approximation"))
        // No second issue from the reader about the values left out.
        #expect(failure.issues.count == 3)
    }

    @Test func valuesOutsideTheHeaderAreReported() throws {
        var writer = CSVWriter()
        let good = Fixtures.good()
        writer.write(row: Fixtures.header)
        writer.write(row: Fixtures.header.map { good[$0] ?? "" } + ["stray"])
        let rows = try Self.rows(writer.data)
        guard case .failure(let failure) = rows[0] else { Issue.record("accepted"); return }
        #expect(failure.issues.count == 1)
        #expect(failure.issues[0].column == nil)
        #expect(failure.issues[0].columnIndex == Fixtures.header.count)
    }

    @Test func anXLSXNumberInScientificNotationIsReadExactly() throws {
        var writer = XLSXWriter()
        writer.addRow(texts: ["credit_code", "enterprise_name", "district", "industry_code", "project_id", "declared_investment", "loan1_id", "loan1_principal"])
        writer.addRow([.text(Fixtures.creditCode), .text("甲"), .text("pudong"), .text("C34"), .number("1001"), .number("1E+7"),
                       .text("L1"), .number("1.23456789012E+11")])
        let rows = try Self.rows(try writer.data(), format: .xlsx)
        let p = try rows[0].get().project
        #expect(p.id == "1001")
        #expect(p.investment.declared == Money(yuan: 10_000_000))
        #expect(p.loans[0].principal == Money(yuan: 123_456_789_012))
        // The same text in a CSV may be Excel's rounded display: refused.
        let csv = Fixtures.csv(["credit_code", "enterprise_name", "district", "industry_code", "project_id", "declared_investment"],
                               [["credit_code": Fixtures.creditCode, "enterprise_name": "甲", "district": "pudong", "industry_code": "C34",
                                 "project_id": "1", "declared_investment": "1E+7"]])
        guard case .failure(let f) = try Self.rows(csv)[0] else { Issue.record("accepted"); return }
        #expect(f.issues.map(\.column) == ["declared_investment"])
    }

    @Test func rowsAreGroupedByCreditCode() throws {
        var disagreeing = Fixtures.good("P-3")
        disagreeing["enterprise_name"] = "别的名字"
        let other = Fixtures.good("P-1", code: Fixtures.otherCode)
        let data = Fixtures.csv(Fixtures.header, [Fixtures.good("P-1"), other, Fixtures.good("P-2"), disagreeing, Fixtures.good("P-1")])
        let result = try TabularImport.files(format: .csv, source: .data(data), vocabulary: try Fixtures.vocabulary)
        #expect(result.rowsRead == 5)
        #expect(result.files.map(\.file.enterprise.creditCode) == [Fixtures.creditCode, Fixtures.otherCode])
        #expect(result.files[0].file.projects.map(\.id) == ["P-1", "P-2"])
        #expect(result.files[0].rows == [2, 4])
        #expect(result.failures.map(\.row) == [5, 6])
        #expect(result.failures[0].issues.map(\.column) == ["enterprise_name"])
        #expect(result.failures[0].issues[0].message.en.contains("row 2"))
        #expect(result.failures[1].issues.map(\.column) == ["project_id"])
        #expect(!result.isComplete)
    }

    @Test func pathsMapToColumns() {
        var numbers = RowConverter.GroupNumbers()
        numbers.loans = [2, 5]
        numbers.items = [3]
        let cases: [(String, TabularColumn?)] = [
            ("$.enterprise.creditCode", .field(.creditCode)),
            ("$.enterprise.name", .field(.enterpriseName)),
            ("$.projects[0].loans[1].principal", .loan(5, .principal)),
            ("$.projects[0].loans[0].interestPaid[\"2024\"]", .loanInterest(2, year: 2024)),
            ("$.projects[0].loans[0].startDate", .loan(2, .start)),
            ("$.projects[0].equipment[0].unitPrice", .item(3, .unitPrice)),
            ("$.projects[0].equipment[0].nonExemptCatalogue", .item(3, .nonExempt)),
            ("$.projects[0].categories[2]", .field(.categories)),
            ("$.projects[0].investment.approved", .field(.approvedInvestment)),
            ("$.projects[0].marketContract.amount", .field(.marketContractAmount)),
            ("$.projects[0].softwareSales.productId", .field(.softwareSalesProduct)),
            ("$.projects[0].endDate", .field(.endDate)),
            ("$", nil),
        ]
        for (path, column) in cases { #expect(RowConverter.column(for: path, numbers) == column, "\(path)") }
    }

    @Test func datesInTheFormsOfficersType() {
        #expect(RowConverter.isoDate("2024/3/1") == "2024-03-01")
        #expect(RowConverter.isoDate("2024年3月1日") == "2024-03-01")
        #expect(RowConverter.isoDate("2024.03.01") == "2024-03-01")
        #expect(RowConverter.isoDate("20240301") == "2024-03-01")
        #expect(RowConverter.isoDate("2024-03-01 00:00:00") == "2024-03-01")
        #expect(RowConverter.isoDate("2024-02-30") == "2024-02-30")
        #expect(RowConverter.isoDate("3/1/2024") == "3/1/2024")
    }

    @Test func aQuoteLeftOpenEndsTheImportWithAFailure() throws {
        var data = Fixtures.csv(Fixtures.header, [Fixtures.good()])
        data.append(contentsOf: "\"open,".utf8)
        let rows = try Self.rows(data)
        #expect(rows.count == 2)
        guard case .failure(let f) = rows[1] else { Issue.record("accepted"); return }
        #expect(f.row == 3)
        #expect(f.endsImport)
    }

    @Test func notUTF8IsReported() throws {
        var data = Data("credit_code,enterprise_name,district,industry_code,project_id\r\n".utf8)
        data.append(contentsOf: Array(Fixtures.creditCode.utf8) + [0x2C, 0xBC, 0xD7, 0x2C] + Array("pudong,C34,P1\r\n".utf8))
        guard case .failure(let f) = try Self.rows(data)[0] else { Issue.record("accepted"); return }
        #expect(f.issues.map(\.column) == ["enterprise_name"])
        #expect(f.issues[0].message.en.contains("not UTF-8"))
    }

    @Test func aLoansPurposeIsReadByItsChineseHeaderAndExportedOnlyWhenNotEquipment() throws {
        var row = Fixtures.good()
        row["贷款1用途"] = "fixedAsset"
        let rows = try Self.rows(Fixtures.csv(Fixtures.header + ["贷款1用途"], [row]))
        let project = try rows[0].get().project
        #expect(project.loans[0].purpose == .fixedAsset)
        var equipmentOnly = project
        equipmentOnly.loans[0].purpose = .equipment
        let enterprise = try rows[0].get().enterprise
        #expect(TabularExport.columns(for: [(enterprise, project)]).contains(.loan(1, .purpose)))
        #expect(!TabularExport.columns(for: [(enterprise, equipmentOnly)]).contains(.loan(1, .purpose)))
        row["贷款1用途"] = "厂房"
        guard case .failure(let f) = try Self.rows(Fixtures.csv(Fixtures.header + ["贷款1用途"], [row]))[0] else {
            Issue.record("an unknown purpose was accepted"); return
        }
        #expect(f.issues.contains { $0.message.en.contains("fixedAsset") })
    }
}
