/// The rules engine: evaluates projects against the policy library.
///
///     let engine = Engine(library: try PolicyLibraryLoader.loadDefault())
///     let plan = engine.plan(for: projectFile)
///
/// It is a value: no I/O, no shared state; safe to use from any number of tasks.
public struct Engine: Sendable {
    public let library: PolicyLibrary
    /// The day used for projects that name no application date (default: today in Shanghai).
    public var defaultDay: Day
    /// The innovative-product catalogue that 17a, 17b and 17c are checked against; without it
    /// (nil) the projects' declarations stand.
    public var catalogue: CatalogueSnapshot?
    /// The recognitions of the list library that 16 is checked against (十六); nil: the declared
    /// category stands.
    public var recognitions: RecognitionSnapshot?
    /// The scenario tasks' designations of the enterprise evaluated (十八), for 18; nil: the
    /// declared categories stand. `plan(for:)` keeps those of the file's enterprise only.
    public var designations: DesignationSnapshot?

    public init(library: PolicyLibrary, defaultDay: Day = .today(), catalogue: CatalogueSnapshot? = nil) {
        self.library = library
        self.defaultDay = defaultDay
        self.catalogue = catalogue
    }

    /// The policy as it stands on `day`.
    public func policy(on day: Day) -> ResolvedPolicy { ResolvedPolicy(library: library, on: day) }

    /// Evaluates one project under the policy in force on its application date (or `day`).
    public func evaluate(_ project: Project, on day: Day? = nil) -> ProjectEvaluation {
        let date = day ?? project.applicationDate ?? defaultDay
        return evaluate(project, policy: policy(on: date))
    }

    public func evaluate(_ project: Project, policy: ResolvedPolicy) -> ProjectEvaluation {
        let facts = ProjectFacts(project, catalogue: catalogue, recognitions: recognitions, designations: designations)
        let evaluator = InstrumentEvaluator(policy: policy, facts: facts)
        let city = library.cityInstruments
        let cityResults = city.map { evaluator.evaluate($0) }
        let national = library.nationalInstruments.map { evaluator.evaluate($0) }
        let recommendation = CombinationChooser(policy: policy, facts: facts, definitions: city, results: cityResults).choose()
        return ProjectEvaluation(projectId: project.id, projectName: project.name, evaluationDate: policy.day,
                                 instruments: cityResults, national: national, recommendation: recommendation,
                                 missing: MissingItems.list(project: project, results: cityResults))
    }

    /// The "one enterprise, one policy" plan: every project, with totals.
    public func plan(for file: ProjectFile, on day: Day? = nil) -> EnterprisePlan {
        var engine = self
        engine.designations = designations?.of(enterprise: file.enterprise.creditCode)
        return engine.scopedPlan(for: file, on: day)
    }

    func scopedPlan(for file: ProjectFile, on day: Day?) -> EnterprisePlan {
        var cache: [Day: ResolvedPolicy] = [:]
        let evaluations = file.projects.map { project -> ProjectEvaluation in
            let date = day ?? project.applicationDate ?? defaultDay
            if cache[date] == nil { cache[date] = policy(on: date) }
            return evaluate(project, policy: cache[date]!)
        }
        func totals(_ defs: [InstrumentDefinition], _ lines: (ProjectEvaluation) -> [InstrumentResult]) -> [EnterprisePlan.InstrumentTotal] {
            defs.compactMap { def in
                let hits = evaluations.compactMap { lines($0).first { $0.id == def.id && $0.isEligible } }
                guard !hits.isEmpty else { return nil }
                return .init(id: def.id, name: def.name, amount: hits.map(\.amount).sum(), projects: hits.count,
                             includesUnstated: hits.contains { $0.status == .amountUnstated }, measure: def.measure)
            }
        }
        let cityTotals = totals(library.cityInstruments) { $0.recommendation.lines }
        let e = file.enterprise
        return EnterprisePlan(
            enterprise: .init(creditCode: e.creditCode, name: e.name, district: e.district,
                              districtName: library.vocabulary.district(named: e.district)?.name, industryCode: e.industryCode),
            projects: evaluations, cityTotals: cityTotals, cityTotal: cityTotals.map(\.amount).sum(),
            nationalTotals: totals(library.nationalInstruments) { $0.national })
    }
}
