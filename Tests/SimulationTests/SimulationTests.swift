import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Policy
@testable import Simulation
import Testing

@Suite struct SimulationTests {
    static let library = Result { try PolicyLibraryLoader.loadDefault() }

    static func population(_ n: Int, seed: UInt64 = 99) throws -> ([ProjectFile], Population) {
        let library = try library.get()
        var generator = SyntheticProjects(seed: seed, vocabulary: library.vocabulary)
        var files: [ProjectFile] = []
        while generator.made < n { files.append(generator.nextFile()) }
        return (files, try PopulationBuilder.build(files, vocabulary: library.vocabulary))
    }

    @Test func costTableAddsUpToTheMatchTotals() throws {
        let library = try Self.library.get()
        let (files, population) = try Self.population(3_000)
        let day = Day(iso: "2025-06-30")!
        let result = Simulation(library: library, defaultDay: day).run(population)
        let engine = Engine(library: library, defaultDay: day)
        var perInstrument: [String: Money] = [:]
        var total = Money.zero
        var supported = 0
        for file in files {
            for p in file.projects {
                let c = engine.evaluate(p).recommendation
                total += c.total
                if !c.lines.isEmpty { supported += 1 }
                for line in c.lines { perInstrument[line.id, default: .zero] += line.amount }
            }
        }
        #expect(result.total == total)
        #expect(result.totalByYear.sum() == total)
        #expect(result.supportedProjects == supported)
        for cost in result.instruments {
            #expect(cost.total == (perInstrument[cost.id] ?? .zero), "\(cost.id)")
            #expect(cost.byYear.sum() == cost.total)
        }
        #expect(result.districts.map(\.total).sum() == total)
        #expect(result.industries.map(\.total).sum() == total)
        #expect(total > .zero)
    }

    @Test func aReformChangesWhatItTouchesAndNothingElse() throws {
        let library = try Self.library.get()
        let (_, population) = try Self.population(3_000)
        let simulation = Simulation(library: library, defaultDay: Day(iso: "2025-06-30")!)
        let baseline = simulation.run(population)
        let same = try simulation.compare(baseline, population: population,
                                          reform: ParameterOverlay(changes: [("7a.cap", .always("20000000"))]), name: "same")
        #expect(same.difference == .zero)
        let lower = try simulation.compare(baseline, population: population,
                                           reform: ParameterOverlay(changes: [("13.ratio", .always("10%"))]), name: "13-at-10")
        let thirteen = baseline.instruments.first { $0.id == "13" }!.total
        #expect(thirteen > .zero)
        // Halving the ratio roughly halves 13 (capped projects halve less) and touches no loan.
        let diff13 = lower.differenceByInstrument["13"]!.sum()
        #expect(diff13 < .zero && Money(fen: -diff13.fen) <= Money(fen: thirteen.fen / 2 + 100))
        #expect(lower.differenceByInstrument["7a"]!.sum() == .zero)
    }

    @Test func aReformNamingAnUnknownParameterIsRefused() throws {
        let library = try Self.library.get()
        #expect(throws: PolicyLibraryErrors.self) {
            _ = try library.applying(ParameterOverlay(changes: [("7a.capp", .always("1"))]))
        }
        #expect(throws: PolicyLibraryErrors.self) {
            _ = try library.applying(ParameterOverlay(changes: [("7a.cap", .always("-5"))]))
        }
    }

    @Test func rationingServesPriorityThenDate() {
        typealias P = SimulationSink.Payment
        let payments = [
            P(project: 0, instrument: 0, year: 2025, priority: 0, date: 20250101, amount: 400),   // early but no priority
            P(project: 1, instrument: 0, year: 2025, priority: 1, date: 20250301, amount: 500),
            P(project: 2, instrument: 0, year: 2025, priority: 1, date: 20250201, amount: 300),
            P(project: 3, instrument: 1, year: 2025, priority: -1, date: 20250101, amount: 999),  // another pool's
            P(project: 4, instrument: 0, year: 2026, priority: 1, date: 20250101, amount: 100),
        ]
        let pool = BudgetPool(id: "p", name: LocalizedText(zh: "p", en: "p"), instruments: ["7a"],
                              annual: [2025: Money(fen: 900)], total: nil)
        let outcome = Rationing.run([pool], payments: payments, ids: ["7a", "7b"])[0]
        #expect(outcome.demanded == Money(fen: 1300))
        // 2025: project 2 (300) then 1 (500) are paid in full, project 0 gets the last 100.
        #expect(outcome.years[0].paid == Money(fen: 900))
        #expect(outcome.years[0].exhaustedAt == "2025-01-01")
        #expect(outcome.years[0].rationedProjects == 1)
        // 2026 has no budget.
        #expect(outcome.years[1].paid == .zero && outcome.years[1].rationedProjects == 1)
        #expect(outcome.rationedProjects == 2)

        let total = BudgetPool(id: "t", name: LocalizedText(zh: "t", en: "t"), instruments: ["7a"], annual: [:], total: Money(fen: 1000))
        let t = Rationing.run([total], payments: payments, ids: ["7a", "7b"])[0]
        #expect(t.paid == Money(fen: 1000))
        #expect(t.years[1].exhaustedBefore)
    }

    @Test func outputsAreWellFormed() throws {
        let library = try Self.library.get()
        let (_, population) = try Self.population(500)
        let simulation = Simulation(library: library, defaultDay: Day(iso: "2025-06-30")!)
        let baseline = simulation.run(population)
        let reform = try simulation.compare(baseline, population: population,
                                            reform: ParameterOverlay(changes: [("7a.ratio", .always("40%"))]), name: "r")
        let files = SimulationCSV.files(baseline, reforms: [reform])
        #expect(files.keys.contains("cost-by-year.csv") && files.keys.contains("reform-r.csv"))
        let lines = files["cost-by-year.csv"]!.split(separator: "\r\n")
        #expect(lines.count == baseline.instruments.count + 2)
        #expect(lines[0].hasPrefix("\u{FEFF}instrument,clause"))
        let svg = CostChart.svg(baseline, reforms: [reform], language: .zh)
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(try XMLDocument(xmlString: svg).rootElement()?.name == "svg")
        let text = SimulationText(language: .en).render(baseline, reforms: [reform])
        #expect(text.contains("Reform r"))
    }

    /// A name holding a carriage return, a quote or a comma stays one field (the CSV writer of
    /// the spreadsheet module quotes all three; the old hand-made quoting missed `\r`).
    @Test func csvQuotesCarriageReturnsQuotesAndCommas() throws {
        let library = try Self.library.get()
        let (_, population) = try Self.population(50)
        var result = Simulation(library: library, defaultDay: Day(iso: "2025-06-30")!).run(population)
        result.instruments[0].name = LocalizedText(zh: "甲\r乙", en: "a \"b\", c")
        let text = SimulationCSV.files(result, reforms: [])["cost-by-year.csv"]!
        let row = text.split(separator: "\r\n", omittingEmptySubsequences: false)[1]
        #expect(row.contains(",\"甲\r乙\",\"a \"\"b\"\", c\","))
    }
}
