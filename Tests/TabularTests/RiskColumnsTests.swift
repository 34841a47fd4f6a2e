import Foundation
import Policy
import Simulation
import Testing
@testable import Tabular

/// The columns of the risk flags' fields: carried by CSV and XLSX both ways, read by their
/// Chinese headers, and written only when some row has a value.
@Suite struct RiskColumnsTests {
    /// Generated projects with every identity field, and contract numbers on certifications and
    /// product contracts too.
    static func files() throws -> [ProjectFile] {
        var generator = SyntheticProjects(seed: 11, vocabulary: try Fixtures.vocabulary)
        generator.identities = true
        var files: [ProjectFile] = []
        while generator.made < 600 { files.append(generator.nextFile()) }
        for f in files.indices {
            for p in files[f].projects.indices {
                let id = files[f].projects[p].id
                for c in files[f].projects[p].certifications.indices { files[f].projects[p].certifications[c].contractNumber = "RZ-\(id)-\(c)" }
                files[f].projects[p].innovativeProductContract?.contractNumber = "CX-HT-\(id)"
                files[f].projects[p].marketContract?.contractNumber = "SC-HT-\(id)"
                files[f].projects[p].softwareSales?.contractNumber = "RJ-HT-\(id)"
            }
        }
        return files
    }

    @Test func csvAndXLSXCarryTheFields() throws {
        let files = try Self.files()
        let projects = files.flatMap(\.projects)
        #expect(projects.contains { $0.certifications.contains { $0.contractNumber != nil } })
        #expect(projects.contains { $0.leases.contains { $0.contractNumber != nil } } && projects.contains { $0.softwareSales?.contractNumber != nil })
        try RoundTripTests.check(files, .csv, TabularExport.csv(files))
        try RoundTripTests.check(files, .xlsx, try TabularExport.xlsx(files))
        let header = String(decoding: TabularExport.csv(files), as: UTF8.self).split(separator: "\r\n").first ?? ""
        for key in ["legal_representative", "address", "phone", "item1_serial_number", "item1_invoice_number", "loan1_contract_number",
                    "lease1_contract_number", "cert1_contract_number", "market_contract_number"] {
            #expect(header.contains(key), "\(key)")
        }
    }

    @Test func exportsWithoutTheFieldsKeepTheirColumns() throws {
        let files = try RoundTripTests.synthetic(300)
        let header = String(decoding: TabularExport.csv(files), as: UTF8.self).split(separator: "\r\n").first ?? ""
        #expect(!header.contains("phone") && !header.contains("serial_number") && !header.contains("contract_number"), "\(header)")
    }

    @Test func theChineseHeadersAreRead() throws {
        let csv = """
        统一社会信用代码,企业名称,所在区,行业代码,法定代表人,注册地址,联系电话,项目编号,设备1名称,设备1数量,设备1单价,设备1出厂编号,设备1发票号码,贷款1编号,贷款1本金,贷款1合同号
        91310115MA1K4ABCDD,甲,浦东新区,C34,张三,上海市张江路100号,021-6123 4567,P1,机床,1,800000,SN-1,FP-2,L1,5000000,DK-9
        """
        let result = try TabularImport.files(format: .csv, source: .data(Data(csv.utf8)), vocabulary: try Fixtures.vocabulary)
        #expect(result.failures.isEmpty, "\(result.failures)")
        let file = try #require(result.files.first?.file)
        #expect(file.enterprise.legalRepresentative == "张三" && file.enterprise.phone == "021-6123 4567")
        #expect(file.projects.first?.equipment.first?.serialNumber == "SN-1")
        #expect(file.projects.first?.equipment.first?.invoiceNumber == "FP-2")
        #expect(file.projects.first?.loans.first?.contractNumber == "DK-9")
    }
}
