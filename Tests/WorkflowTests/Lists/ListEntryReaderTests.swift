import Policy
import Testing
@testable import Workflow

/// Rows of a list's file read into entries, every bad cell named by row and column; the diff of
/// two editions; a list's figure by quarter.
@Suite struct ListEntryReaderTests {
    var kind: ListKind { Fixtures.workflow.lists.kind("first-sets")! }
    var vocabulary: Vocabulary { Fixtures.policy.vocabulary }

    func read(_ header: [String], _ rows: [[String]]) -> Result<[ListEntry], ListFileFailure> {
        ListEntryReader.read(kind: kind, vocabulary: vocabulary, header: header, rows: rows.enumerated().map { ($0.offset + 2, $0.element) })
    }

    @Test func labelsOrIdsNameTheColumnsAndTheValuesAreKeptNormal() throws {
        let r = read(["编号", "name", "企业名称", "区", "year", "型号"], [["S-1", "五轴机床", "某企业", "浦东新区", "2025", "X5"], ["", "", "", "", "", ""]])
        let entries = try r.get()
        #expect(entries == [ListEntry(key: "S-1", name: "五轴机床", enterprise: "某企业", district: "pudong", year: 2025, fields: ["model": "X5"])])
    }

    @Test func everyBadCellIsNamedByRowAndColumn() {
        guard case .failure(let f) = read(["编号", "名称", "企业名称", "统一社会信用代码", "年度"], [
            ["S-1", "", "某企业", "91310115MA1K4ABCDE", "二〇二五"],
            ["S-1", "重复", "", "", "2025", "多出的值"],
        ]) else { Issue.record("the file was accepted"); return }
        #expect(Set(f.issues.map(\.path)) == ["row 2, column B (名称)", "row 2, column D (统一社会信用代码)", "row 2, column E (年度)",
                                               "row 3, column A (编号)", "row 3, column C (企业名称)", "row 3, column F"], "\(f.issues)")
        #expect(f.issues.allSatisfy { !$0.message.zh.isEmpty && !$0.message.en.isEmpty })
    }

    @Test func aHeaderWithoutTheRequiredColumnsOrWithAnUnknownOneIsRefused() {
        guard case .failure(let f) = read(["编号", "名称", "颜色", "名称"], [["S-1", "x", "红", "y"]]) else { Issue.record("accepted"); return }
        #expect(f.issues.map(\.path).contains("row 1, column C (颜色)"))
        #expect(f.issues.map(\.path).contains("row 1, column D (名称)"))
        #expect(f.issues.filter { $0.path == "row 1" }.count == 2)   // 企业名称 and 年度 are required for first sets
        guard case .failure(let empty) = read(ListEntryReader.header(of: kind), []) else { Issue.record("accepted"); return }
        #expect(empty.issues.map(\.path) == ["row 2"])
    }

    @Test func theDiffNamesAddedRemovedAndChangedColumns() {
        let a = [ListEntry(key: "1", name: "甲", year: 2025, fields: ["model": "A"]), ListEntry(key: "2", name: "乙"), ListEntry(key: "3", name: "丙")]
        let b = [ListEntry(key: "1", name: "甲", year: 2026, fields: ["model": "B"]), ListEntry(key: "3", name: "丙"), ListEntry(key: "4", name: "丁")]
        let d = ListDiff(from: a, to: b, kind: kind)
        #expect(d.added.map(\.key) == ["4"] && d.removed.map(\.key) == ["2"] && d.unchanged == 1)
        #expect(d.changed.map(\.columns) == [["year", "model"]])
    }

    @Test func aListsFigureIsItsLatestEditionAtEachQuartersEnd() {
        typealias K = ListLevels.Edition.Key
        let editions = [
            ListLevels.Edition(published: day("2025-06-30"), counts: [K(district: "pudong", year: 2025): 2, K(district: nil, year: 2025): 1]),
            ListLevels.Edition(published: day("2026-01-01"), counts: [K(district: "pudong", year: 2025): 2, K(district: "pudong", year: 2026): 4]),
        ]
        let from = Quarter(text: "2024Q2")!, now = Quarter(text: "2026Q1")!
        let city = ListLevels.levels(editions: editions, perYear: false, district: nil, from: from, now: now)
        #expect(city[Quarter(text: "2025Q1")!] == nil && city[Quarter(text: "2025Q2")!] == 3 && city[Quarter(text: "2025Q4")!] == 3 && city[now] == 6)
        let pudong = ListLevels.levels(editions: editions, perYear: false, district: "pudong", from: from, now: now)
        #expect(pudong[Quarter(text: "2025Q3")!] == 2 && pudong[now] == 6)
        let yearly = ListLevels.levels(editions: editions, perYear: true, district: nil, from: from, now: now)
        #expect(yearly[Quarter(text: "2025Q4")!] == 3 && yearly[now] == 4)
        #expect(ListLevels.levels(editions: [], perYear: false, district: nil, from: from, now: now).isEmpty)
    }
}
