import Foundation
import Policy
import Tabular
import Testing

/// The import reads its rows with the same reader as `renewal match`: an over-long name, a
/// control character or an amount with leading zeros in a cell is refused by its column.
@Suite struct HostileCellTests {
    @Test func refusedCellsAreNamedByColumn() throws {
        var row = Fixtures.good()
        row["project_name"] = String(repeating: "改", count: TextKind.name.maxLength + 1)
        row["enterprise_name"] = "上海\u{202E}公司"
        row["loan1_principal"] = "0040000000"
        let rows = try ImportTests.rows(Fixtures.csv(Fixtures.header, [row]))
        guard case .failure(let failure) = rows[0] else { Issue.record("accepted"); return }
        #expect(Set(failure.issues.compactMap(\.column)) == ["project_name", "enterprise_name", "loan1_principal"], "\(failure.issues)")
        let principal = try #require(failure.issues.first { $0.column == "loan1_principal" })
        #expect(principal.message.zh.contains("应写作 40000000"))
    }
}
