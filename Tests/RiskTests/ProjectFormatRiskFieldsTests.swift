import Policy
import Testing

/// The fields the risk flags read, in the project format: optional, trimmed, bounded, refused by
/// JSON path in both languages, and written back as read.
@Suite struct ProjectFormatRiskFieldsTests {
    static let library = RiskFixtures.library

    static let file = """
    {"enterprise": {"creditCode": "\(RiskFixtures.code(1))", "name": "甲", "district": "pudong", "industryCode": "C34",
                    "legalRepresentative": " 张三 ", "address": "上海市张江路100号", "phone": "+86 21-6123 4567"},
     "projects": [{"id": "P1", "investment": {"declared": "12000000"},
       "equipment": [{"name": "机床", "quantity": 1, "unitPrice": "800000", "serialNumber": "SN-1", "invoiceNumber": "FP 2"}],
       "loans": [{"id": "L1", "lender": "工商银行", "principal": "5000000", "contractNumber": "DK-1"}],
       "leases": [{"id": "F1", "lessor": "租赁公司", "equipmentInvestment": "1000000", "contractNumber": "ZL-1"}],
       "certifications": [{"productId": "NM1", "kind": "testing", "amount": "100000", "contractNumber": "JC-1"}],
       "marketContract": {"amount": "300000", "contractNumber": "SC-1"}}]}
    """

    @Test func theFieldsAreReadTrimmedAndWrittenBack() throws {
        let vocabulary = try Self.library.get().vocabulary
        let file = try ProjectFileReader.read(text: Self.file, vocabulary: vocabulary).get()
        #expect(file.enterprise.legalRepresentative == "张三")
        #expect(file.enterprise.phone == "+86 21-6123 4567")
        let p = try #require(file.projects.first)
        #expect(p.equipment.first?.serialNumber == "SN-1")
        #expect(p.equipment.first?.invoiceNumber == "FP 2")
        #expect(p.loans.first?.contractNumber == "DK-1")
        #expect(p.leases.first?.contractNumber == "ZL-1")
        #expect(p.certifications.first?.contractNumber == "JC-1")
        #expect(p.marketContract?.contractNumber == "SC-1")
        let again = try ProjectFileReader.read(text: ProjectFileWriter.text(file), vocabulary: vocabulary).get()
        #expect(again == file)
    }

    @Test func aBadPhoneAndAnOverlongSerialAreRefusedByPath() throws {
        let vocabulary = try Self.library.get().vocabulary
        let bad = Self.file.replacingOccurrences(of: "+86 21-6123 4567", with: "021-6123 4567 转 8")
            .replacingOccurrences(of: "\"SN-1\"", with: "\"\(String(repeating: "9", count: 65))\"")
        guard case .failure(let failure) = ProjectFileReader.read(text: bad, vocabulary: vocabulary) else {
            Issue.record("accepted")
            return
        }
        let byPath = Dictionary(failure.issues.map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["$.enterprise.phone"]?.zh.contains("电话号码") == true)
        #expect(byPath["$.enterprise.phone"]?.en.contains("digits") == true)
        #expect(byPath["$.projects[0].equipment[0].serialNumber"]?.en.contains("too long") == true)
        #expect(failure.issues.count == 2)
    }
}
