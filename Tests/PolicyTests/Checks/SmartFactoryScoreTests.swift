@testable import Policy
import Testing

/// The questionnaire's arithmetic: weights and full marks that differ per question, added over
/// a common denominator and rounded down once, at the end; the bands' lower ends included.
@Suite struct SmartFactoryScoreTests {
    static func option(_ id: String, _ points: Int) -> SmartFactoryQuestionnaire.Option {
        .init(id: id, text: LocalizedText(zh: id, en: id), points: points)
    }

    static let questionnaire = SmartFactoryQuestionnaire(
        id: "t", name: LocalizedText(zh: "测试", en: "test"), clause: "十二",
        questions: [
            .init(id: "A", dimension: LocalizedText(zh: "甲", en: "a"), text: LocalizedText(zh: "甲", en: "a"), weight: 2,
                  options: [option("x", 0), option("y", 1), option("z", 3)]),
            .init(id: "B", dimension: LocalizedText(zh: "乙", en: "b"), text: LocalizedText(zh: "乙", en: "b"), weight: 1,
                  options: [option("x", 0), option("y", 1), option("z", 2), option("w", 7)]),
        ],
        levels: [.init(id: "high", rank: 2, name: LocalizedText(zh: "高", en: "high"), from: 50),
                 .init(id: "low", rank: 1, name: LocalizedText(zh: "低", en: "low"), from: 10)],
        notes: [])

    @Test func weightsAndFullMarksAreAddedExactlyAndRoundedDownOnce() {
        // A: 2 × 1/3, B: 1 × 2/7 → (14 + 6) / 63 = 31.746…% → 31.74, level low.
        let s = Self.questionnaire.score(["A": "y", "B": "z"])
        #expect(s.hundredths == 3174 && s.text == "31.74" && s.level?.id == "low" && s.rank == 1)
        // Full marks: 100.00, the highest band.
        let full = Self.questionnaire.score(["A": "z", "B": "w"])
        #expect(full.text == "100.00" && full.level?.id == "high")
        // Nothing: no level.
        let none = Self.questionnaire.score(["A": "x", "B": "x"])
        #expect(none.hundredths == 0 && none.level == nil && none.rank == 0)
    }

    @Test func aBandIncludesItsLowerEnd() {
        // A at full marks, B at 0: two thirds, 66.666… → 66.66.
        #expect(Self.questionnaire.score(["A": "z", "B": "x"]).text == "66.66")
        // A score of exactly 10.00 is in the band that starts at 10 (…以上).
        let ten = SmartFactoryQuestionnaire(id: "t", name: LocalizedText(zh: "", en: ""), clause: "十二",
            questions: [.init(id: "A", dimension: LocalizedText(zh: "", en: ""), text: LocalizedText(zh: "", en: ""), weight: 1,
                              options: [Self.option("x", 0), Self.option("y", 1), Self.option("z", 10)])],
            levels: [.init(id: "low", rank: 1, name: LocalizedText(zh: "低", en: "low"), from: 10)], notes: [])
        let s = ten.score(["A": "y"])
        #expect(s.text == "10.00" && s.level?.id == "low")
    }

    @Test func theShippedQuestionnaireLoadsWithFourLevelsInRankOrder() throws {
        let library = try TestLibrary.shared()
        let q = try #require(library.smartFactory)
        #expect(q.levels.map(\.id) == ["basic", "advanced", "excellent", "leading"])
        #expect(q.levels.map(\.rank) == [1, 2, 3, 4])
        #expect(q.questions.map(\.weight).reduce(0, +) == 100)
        #expect(library.secondHandScale?.grades.count == 4)
        #expect(library.vocabulary.smartFactoryOptions.count == q.questions.count)
    }
}
