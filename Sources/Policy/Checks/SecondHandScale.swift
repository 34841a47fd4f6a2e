/// The grading of second-hand equipment of (十五) as data (`checks/second-hand-grading.yaml`):
/// the grades, and for each whether it needs an identification (who, report, date) and whether
/// equipment of that grade counts in the city's support. The plan asks for "identification,
/// evaluation and grading standards" without setting them; the scale shipped is our reading.
public struct SecondHandScale: Sendable {
    public var id: String
    public var name: LocalizedText
    public var clause: String
    public var grades: [Grade]
    public var notes: [LocalizedText]

    public struct Grade: Sendable {
        public var id: String
        public var name: LocalizedText
        /// The grade may be claimed only with an identification report.
        public var needsIdentification: Bool
        /// Equipment of this grade may be counted in a project the city supports.
        public var supportable: Bool
    }

    public init(id: String, name: LocalizedText, clause: String, grades: [Grade], notes: [LocalizedText]) {
        self.id = id
        self.name = name
        self.clause = clause
        self.grades = grades
        self.notes = notes
    }

    public func grade(_ id: String) -> Grade? { grades.first { $0.id == id } }
}

extension SecondHandScale {
    /// The (十五) check of a project's graded items on this scale, as the engine's condition
    /// judges it: held, or the first item that fails and why.
    public func judge(_ items: [SecondHandGrading], equipment: [EquipmentItem]) -> (held: Bool, explanation: LocalizedText) {
        let check = ResolvedPlanCheck(kind: .secondHandGraded, thresholds: [:], questionnaire: nil, scale: self)
        switch check.outcome(PlanChecks(secondHand: items), equipment: equipment) {
        case .notDeclared: return (true, LocalizedText(zh: "未申报二手设备", en: "no second-hand equipment declared"))
        case .held(let t): return (true, t)
        case .failed(let t): return (false, t)
        }
    }
}
