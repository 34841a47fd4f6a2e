/// The smart-factory evaluation and diagnosis of (十二) as a scored questionnaire, read from the
/// policy library (`checks/smart-factory-assessment.yaml`): questions with weights, options with
/// points, and the level bands of the score. The questions, weights and bands are data; this
/// type only knows how a weighted score is added up.
public struct SmartFactoryQuestionnaire: Sendable {
    public var id: String
    public var name: LocalizedText
    public var clause: String
    public var questions: [Question]
    /// Sorted by `from`, lowest first; a score below the first band reaches no level.
    public var levels: [Level]
    public var notes: [LocalizedText]

    public struct Question: Sendable {
        public var id: String
        public var dimension: LocalizedText
        public var text: LocalizedText
        /// A whole number: the question's share of the total score.
        public var weight: Int
        public var options: [Option]
        /// The largest points of any option (the question's full marks).
        public var maxPoints: Int { options.map(\.points).max() ?? 0 }
    }

    public struct Option: Sendable {
        public var id: String
        public var text: LocalizedText
        public var points: Int
    }

    public struct Level: Sendable {
        public var id: String
        /// 1 for the lowest level; the levels risen are differences of ranks.
        public var rank: Int
        public var name: LocalizedText
        /// The lowest score (0–100) of the band, inclusive (…以上).
        public var from: Int
    }

    public init(id: String, name: LocalizedText, clause: String, questions: [Question], levels: [Level], notes: [LocalizedText]) {
        self.id = id
        self.name = name
        self.clause = clause
        self.questions = questions
        self.levels = levels.sorted { $0.from < $1.from }
        self.notes = notes
    }

    /// Score in hundredths of a point (0…10000), rounded down, and the level reached. Every
    /// question must be answered with one of its options (the reader has checked that).
    ///
    /// score = 100 × Σ weight × points / full marks ÷ Σ weight, computed over a common
    /// denominator in integers so that no rounding happens before the last step.
    public func score(_ answers: [String: String]) -> SmartFactoryScore {
        var common = 1
        for q in questions where q.maxPoints > 0 { common = Self.lcm(common, q.maxPoints) }
        var numerator: Int64 = 0
        var weights: Int64 = 0
        var lines: [SmartFactoryScore.Line] = []
        for q in questions {
            weights += Int64(q.weight)
            let option = answers[q.id].flatMap { a in q.options.first { $0.id == a } }
            let points = option?.points ?? 0
            if q.maxPoints > 0 { numerator += Int64(q.weight) * Int64(points) * Int64(common / q.maxPoints) }
            lines.append(.init(question: q.id, option: option?.id, points: points, maxPoints: q.maxPoints, weight: q.weight))
        }
        let denominator = weights * Int64(common)
        let hundredths = denominator == 0 ? 0 : Int(numerator * 10_000 / denominator)
        let level = levels.last { $0.from * 100 <= hundredths }
        return SmartFactoryScore(hundredths: hundredths, level: level, lines: lines)
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    static func lcm(_ a: Int, _ b: Int) -> Int { a / gcd(a, b) * b }
}

/// A questionnaire's result: the score and the level it reaches, with each question's points.
public struct SmartFactoryScore: Sendable {
    /// Hundredths of a point: 7350 is 73.50 of 100.
    public var hundredths: Int
    public var level: SmartFactoryQuestionnaire.Level?
    public var lines: [Line]

    public init(hundredths: Int, level: SmartFactoryQuestionnaire.Level?, lines: [Line]) {
        self.hundredths = hundredths
        self.level = level
        self.lines = lines
    }

    public struct Line: Sendable {
        public var question: String
        public var option: String?
        public var points: Int
        public var maxPoints: Int
        public var weight: Int
    }

    /// 0 when no level is reached.
    public var rank: Int { level?.rank ?? 0 }

    /// "73.50".
    public var text: String {
        let s = String(hundredths % 100)
        return "\(hundredths / 100).\(s.count == 1 ? "0" + s : s)"
    }

    public var levelName: LocalizedText {
        level?.name ?? LocalizedText(zh: "未达到任何等级", en: "no level reached")
    }
}
