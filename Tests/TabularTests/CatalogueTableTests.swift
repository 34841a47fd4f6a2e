import Foundation
import Policy
import Spreadsheet
import Testing
@testable import Tabular

/// The catalogue's listings as a table: the shipped example reads; CSV and XLSX give back the
/// entries written; a bad file is refused whole with every problem by row and column.
@Suite struct CatalogueTableTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theExampleReads() throws {
        let data = try Data(contentsOf: Self.repo.appendingPathComponent("Examples/catalogue/catalogue.csv"))
        let entries = try CatalogueTable.read(data).get()
        #expect(entries.count == 5)
        #expect(entries[0].productId == "SH-CX-2024-0618" && entries[0].validUntil == Day(iso: "2027-05-31"))
        #expect(entries.first { $0.productId == "SH-CX-2025-0871" }?.especiallyInnovative == true)
    }

    @Test func csvAndXLSXRoundTrip() throws {
        let e = CatalogueEntry(productId: "CP-2025-000001", name: "测试, \"引号\"", enterpriseCode: "91310115MA1K4ABCDD", category: "equipment", edition: 2,
                               publishedOn: Day(iso: "2025-03-01")!, validFrom: Day(iso: "2025-03-01")!, validUntil: Day(iso: "2028-02-29")!,
                               firstOnMarketDate: Day(iso: "2024-01-01"), firstOnMarket: true, especiallyInnovative: true, markCode: "SHCX-2025-000001",
                               endedOn: Day(iso: "2026-01-01"))
        #expect(try CatalogueTable.read(CatalogueTable.csv([e])).get() == [e])
        #expect(try CatalogueTable.read(try CatalogueTable.xlsx([e])).get() == [e])
        let json = try JSONEncoder().encode([e])
        #expect(try CatalogueTable.read(json).get() == [e])
    }

    @Test func aBadFileIsNamedByRowAndColumn() {
        let csv = "productId,name,publishedOn,validFrom,validUntil,firstOnMarket\n"
            + "A-1,甲,2025-01-01,2025-01-01,2027-12-31,true\n"
            + ",乙,2025-01-01,2025-02-30,2024-12-31,maybe\n"
            + "A-1,甲again,2025-01-01,2025-01-01,2027-12-31,true\n"
        guard case .failure(let f) = CatalogueTable.read(Data(csv.utf8)) else { Issue.record("accepted"); return }
        #expect(f.issues.map(\.path) == ["row 3, column productId", "row 3, column validFrom", "row 3, column firstOnMarket", "row 4, column edition"])
        #expect(f.issues[1].message.zh == "应为日期 YYYY-MM-DD：2025-02-30")
        guard case .failure(let missing) = CatalogueTable.read(Data("name,validFrom\n".utf8)) else { Issue.record("accepted"); return }
        #expect(missing.issues.map(\.path).contains("row 1, column productId"))
    }
}
