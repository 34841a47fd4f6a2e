import Policy

/// Runs the six risk tests over a population. `scan` flags every project (the command line's
/// `renewal risk scan`); `check` flags one arriving application against the rest. Pure: the
/// caller loads the population and stores the flags.
public struct RiskScanner: Sendable {
    public let settings: RiskSettings
    public let library: PolicyLibrary
    /// The day whose parameter values are the thresholds (a project's own application date where
    /// a test is per project).
    public let day: Day

    public init(settings: RiskSettings, library: PolicyLibrary, day: Day) {
        self.settings = settings
        self.library = library
        self.day = day
    }

    /// Every flag of every project, sorted by project then kind.
    public func scan(_ population: RiskPopulation) -> [RiskFlag] {
        flags(population, focus: nil)
    }

    /// The flags of the projects `file` submits, against `population` with `file` laid over it.
    public func check(_ file: ProjectFile, against population: RiskPopulation) -> [RiskFlag] {
        var all = population
        all.add(file)
        let focus = Set(file.projects.map { RiskProjectRef(creditCode: file.enterprise.creditCode, projectId: $0.id) })
        return flags(all, focus: focus)
    }

    func flags(_ population: RiskPopulation, focus: Set<RiskProjectRef>?) -> [RiskFlag] {
        var out: [RiskFlag] = []
        out += SameEquipmentCheck.flags(population, focus: focus)
        out += SplitInvestmentCheck(scanner: self).flags(population, focus: focus)
        out += ThresholdBunchingCheck(scanner: self).flags(population, focus: focus)
        out += SharedIdentityCheck(settings: settings).flags(population, focus: focus)
        out += UnitPriceCheck(settings: settings).flags(population, focus: focus)
        out += SameContractCheck.flags(population, focus: focus)
        let order = Dictionary(uniqueKeysWithValues: RiskKind.allCases.enumerated().map { ($1, $0) })
        return out.sorted { a, b in
            if a.project != b.project { return a.project < b.project }
            if a.kind != b.kind { return order[a.kind]! < order[b.kind]! }
            return a.partners.lexicographicallyPrecedes(b.partners)
        }
    }

    /// A money parameter's value on `day`, nil when it has none then.
    func money(_ key: String, on day: Day) -> Money? {
        if case .money(let m)? = library.parameters[key]?.value(on: day) { return m }
        return nil
    }
}

extension RiskScanner {
    /// Groups `items` by `key`, keeping the keys held by more than one distinct project, each with
    /// its occurrences: the shared core of the same-equipment and same-contract tests.
    static func shared<K: Hashable>(_ items: [(key: K, ref: RiskProjectRef, where: String)], acrossProjects: Bool)
        -> [K: [(ref: RiskProjectRef, where: String)]] {
        var groups: [K: [(ref: RiskProjectRef, where: String)]] = [:]
        for item in items { groups[item.key, default: []].append((item.ref, item.where)) }
        return groups.filter { _, occurrences in
            acrossProjects ? Set(occurrences.map(\.ref)).count > 1 : occurrences.count > 1
        }
    }
}
