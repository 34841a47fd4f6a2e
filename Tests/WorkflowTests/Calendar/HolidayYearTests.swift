import Testing
import Policy
@testable import Workflow

@Suite struct HolidayYearTests {
    @Test func theNoticesBreaks() throws {
        let years = Fixtures.calendar.years
        let y2025 = try #require(years[2025])
        #expect(y2025.holidays.map(\.days.count) == [1, 8, 3, 5, 3, 8])
        #expect(y2025.makeUpWorkingDays.count == 5)
        let y2026 = try #require(years[2026])
        #expect(y2026.holidays.first { $0.name.zh == "春节" }?.days.count == 9)
        #expect(y2026.published == day("2025-11-04"))
        #expect(years[2024]?.source.zh.contains("国办发明电〔2023〕7号") == true)
    }

    @Test func aBackwardRangeHasNoDays() {
        let h = HolidayYear.Holiday(name: LocalizedText(zh: "x", en: "x"), from: day("2025-01-02"), to: day("2025-01-01"))
        #expect(h.days.isEmpty)
    }
}
