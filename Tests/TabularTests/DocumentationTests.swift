import Foundation
import Policy
import Testing
@testable import Tabular

/// The example of docs/import-format.md imports as the document says.
@Suite struct DocumentationTests {
    @Test func theDocumentedExampleImports() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/import-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(text.range(of: "```csv\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        let csv = Data(text[start.upperBound..<end.lowerBound].utf8)
        let result = try TabularImport.files(format: .csv, source: .data(csv), vocabulary: try Fixtures.vocabulary)
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.rowsRead == 3)
        #expect(result.files.map { $0.file.projects.map(\.id) } == [["P-2024-001", "P-2024-002"], ["XH-001"]])
        let first = result.files[0].file.projects[0]
        #expect(first.categories == ["technical-renovation", "equipment-renewal"])
        #expect(first.loans.first?.interestPaid.map(\.year) == [2024, 2025])
        #expect(result.files[0].file.projects[1].investment.declared == Money(yuan: 12_500_000))
        #expect(result.files[1].file.enterprise.district == "xuhui")
        #expect(result.files[1].file.projects[0].equipment.first?.tariffRate == Ratio(text: "0.08"))
    }
}
