import Foundation
import Policy

/// Runs the policy over a population and adds it up: the finance bureau's question "what will
/// it cost, year by year, and what if we change a cap?".
public struct Simulation {
    public let library: PolicyLibrary
    public var pools: [BudgetPool] = []
    /// Evaluate everyone under the policy of this day instead of their application dates.
    public var day: Day?
    public var defaultDay: Day
    public var workers = ProcessInfo.processInfo.activeProcessorCount

    public init(library: PolicyLibrary, defaultDay: Day = .today()) {
        self.library = library
        self.defaultDay = defaultDay
    }

    public func run(_ population: Population, scenario: String = "baseline", library override: PolicyLibrary? = nil,
                    progress: (@Sendable (Int) -> Void)? = nil) -> SimulationResult {
        let library = override ?? self.library
        let batch = BatchEvaluator(library: library, categoryIds: population.categoryIds, day: day, defaultDay: defaultDay)
        let ids = library.cityInstruments.map(\.id) + library.nationalInstruments.map(\.id)
        let pooled = Set(pools.flatMap(\.instruments).compactMap { ids.firstIndex(of: $0) })
        let counters = Self.counters(library: library, population: population, ids: ids)
        let sinks = batch.run(population, workers: workers, progress: progress) { _ in
            SimulationSink(instruments: ids.count, population: population, pooled: pooled, counters: counters.map(\.counter))
        }
        var total = sinks[0]
        for s in sinks.dropFirst() { total.merge(s) }
        return result(total, scenario: scenario, library: library, population: population, ids: ids,
                      countedMeasures: counters.map { ($0.target, $0.measure.id) })
    }

    /// The measures of targets.yaml counted in projects, each with what the sink counts for it.
    static func counters(library: PolicyLibrary, population: Population, ids: [String])
        -> [(target: String, measure: TargetMeasure, counter: SimulationSink.Counter)] {
        var out: [(String, TargetMeasure, SimulationSink.Counter)] = []
        for target in library.targets {
            for measure in target.measures {
                guard case .projects(let instrument, let category)? = measure.counted?.figure,
                      let position = ids.firstIndex(of: instrument) else { continue }
                var bit: UInt64?
                if let category {
                    bit = population.categoryIds.firstIndex(of: category).map { UInt64(1) << UInt64($0) } ?? SimulationSink.Counter.noCategory
                }
                out.append((target.id, measure, SimulationSink.Counter(instrument: position, categoryBit: bit)))
            }
        }
        return out
    }

    /// `countedMeasures`: the (target, measure) of each of the sink's counters, in its order.
    func result(_ s: SimulationSink, scenario: String, library: PolicyLibrary, population: Population, ids: [String],
                countedMeasures: [(target: String, measure: String)]) -> SimulationResult {
        let slots = SimulationSink.yearSlots
        let years = (SimulationSink.firstYear...SimulationSink.lastYear).map(String.init) + ["later"]
        let city = library.cityInstruments
        let instruments = city.enumerated().map { f, def in
            let byYear = (0..<slots).map { Money(fen: s.cost[f * slots + $0]) }
            return SimulationResult.InstrumentCost(id: def.id, clause: def.clause, name: def.name, byYear: byYear,
                                                   total: byYear.sum(), beneficiaries: s.beneficiaries[f])
        }
        let totalByYear = (0..<slots).map { y in instruments.map { $0.byYear[y] }.sum() }
        func groups(_ values: [Int64], _ keys: [String], _ name: (String) -> LocalizedText) -> [SimulationResult.GroupCost] {
            keys.enumerated().map { g, key in
                var by: [String: Money] = [:]
                for (f, def) in city.enumerated() where values[g * ids.count + f] != 0 { by[def.id] = Money(fen: values[g * ids.count + f]) }
                return .init(id: key, name: name(key), byInstrument: by, total: by.values.sum())
            }.filter { $0.total > .zero }
        }
        let districts = groups(s.byDistrict, population.districtIds) { id in
            library.vocabulary.districts.first { $0.id == id }?.name ?? LocalizedText(zh: id, en: id)
        }
        let industries = groups(s.byIndustry, population.industryCodes) { LocalizedText(zh: $0, en: $0) }
        return SimulationResult(
            scenario: scenario, projects: population.count, years: years, instruments: instruments,
            totalByYear: totalByYear, total: totalByYear.sum(), districts: districts, industries: industries,
            supportedProjects: s.supportedProjects, unstatedProjects: s.unstatedProjects, notExhaustive: s.notExhaustive,
            targets: targets(s, library: library, countedMeasures: countedMeasures),
            pools: Rationing.run(pools, payments: s.payments, ids: ids))
    }

    /// The supported projects' contribution to each measure that targets.yaml says how to count.
    func targets(_ s: SimulationSink, library: PolicyLibrary, countedMeasures: [(target: String, measure: String)]) -> [SimulationResult.TargetContribution] {
        let perYear = { (values: [Int]) in values.prefix(SimulationSink.lastYear - SimulationSink.firstYear + 1).max() ?? 0 }
        var out: [SimulationResult.TargetContribution] = []
        for target in library.targets {
            for measure in target.measures {
                guard let count = measure.counted else { continue }
                switch count.figure {
                case .sum(let quantity):
                    let fen = quantity == .declaredInvestment ? s.supportedInvestment.reduce(0, +) : s.renewalEquipment.reduce(0, +)
                    out.append(.init(target: target.id, label: count.label, value: Money(fen: fen).decimalString, goal: measure.value, unit: measure.unit))
                case .projects:
                    // A measure of an instrument the library does not have has no counter and counts nothing.
                    guard let c = countedMeasures.firstIndex(where: { $0.target == target.id && $0.measure == measure.id }) else { continue }
                    out.append(.init(target: target.id, label: count.label, value: String(perYear(s.counts[c])), goal: measure.value, unit: measure.unit))
                }
            }
        }
        return out
    }

    /// The reform's result beside the baseline's, with the differences.
    public func compare(_ baseline: SimulationResult, population: Population, reform: ParameterOverlay, name: String,
                        progress: (@Sendable (Int) -> Void)? = nil) throws -> ReformComparison {
        let reformed = try library.applying(reform)
        let result = run(population, scenario: name, library: reformed, progress: progress)
        var byInstrument: [String: [Money]] = [:]
        var beneficiaries: [String: Int] = [:]
        for (a, b) in zip(baseline.instruments, result.instruments) {
            byInstrument[a.id] = zip(b.byYear, a.byYear).map { $0 - $1 }
            beneficiaries[a.id] = b.beneficiaries - a.beneficiaries
        }
        return ReformComparison(name: name, changes: reform.changes.map { change in
            switch change.change {
            case .always(let v): return "\(change.key) = \(v)"
            case .dated(let items): return "\(change.key) = " + items.map { "\($0.value) from \($0.from)" }.joined(separator: ", ")
            }
        }, result: result, differenceByInstrument: byInstrument,
           differenceByYear: zip(result.totalByYear, baseline.totalByYear).map { $0 - $1 },
           difference: result.total - baseline.total, beneficiaryDifference: beneficiaries)
    }
}
