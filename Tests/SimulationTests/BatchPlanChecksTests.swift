import Foundation
import Policy
import Simulation
import Testing

/// The checks the plan states (十二)(十四)(十五) in the batch engine: projects that declare a data
/// centre, an IT renewal, second-hand items or a smart-factory assessment get, project by
/// project, what `renewal match` gives — with instrument 12's tiers unset and set.
@Suite struct BatchPlanChecksTests {
    /// Each project gets one of the variations in turn: passing and failing each check.
    static func declare(_ p: inout Project, _ k: Int) {
        let rising = SmartFactoryAnswers(before: Dictionary(uniqueKeysWithValues: (1...8).map { ("Q\($0)", "b") }),
                                         after: Dictionary(uniqueKeysWithValues: (1...8).map { ("Q\($0)", k % 2 == 0 ? "c" : "d") }))
        let flat = SmartFactoryAnswers(before: rising.after, after: rising.after)
        switch k % 8 {
        case 0: p.planChecks = PlanChecks(dataCentre: DataCentre(kind: .new, pue: Ratio(text: "1.2")!))
        case 1: p.planChecks = PlanChecks(dataCentre: DataCentre(kind: .new, pue: Ratio(text: "1.3")!))
        case 2: p.planChecks = PlanChecks(itEquipment: ITEquipmentRenewal(efficiencyGain: Ratio(text: "0.19")!))
        case 3: p.planChecks = PlanChecks(smartFactory: rising)
        case 4: p.planChecks = PlanChecks(smartFactory: flat)
        case 5:
            p.categories.insert("smart-factory-upgrade")
            p.planChecks = PlanChecks(smartFactory: rising)
        case 6 where !p.equipment.isEmpty:
            p.planChecks = PlanChecks(secondHand: [SecondHandGrading(item: 1, grade: k % 3 == 0 ? "4" : "2", identifiedBy: "鉴定所",
                                                                     reportNumber: "R-\(k)", identifiedOn: Day(iso: "2025-01-01"))])
        default: p.planChecks = nil
        }
    }

    @Test(arguments: [false, true])
    func batchEqualsMatchOnProjectsThatDeclareTheChecks(tiersSet: Bool) throws {
        var library = try BatchEquivalenceTests.library.get()
        if tiersSet {
            library = try library.applying(ParameterOverlay.read(try JSONValue.parseYAML(#"{"12.tier_2": "300000", "12.tier_4": "900000"}"#)))
        }
        var generator = SyntheticProjects(seed: 20261201, vocabulary: library.vocabulary)
        var files: [ProjectFile] = []
        var k = 0
        while generator.made < 4_000 {
            var file = generator.nextFile()
            for i in file.projects.indices { Self.declare(&file.projects[i], k); k += 1 }
            files.append(file)
        }
        let projects = files.flatMap(\.projects)
        let population = try PopulationBuilder.build(files, vocabulary: library.vocabulary)
        let defaultDay = Day(iso: "2025-06-30")!
        let engine = Engine(library: library, defaultDay: defaultDay)
        let batch = BatchEvaluator(library: library, categoryIds: population.categoryIds, defaultDay: defaultDay)
        var problems: [String] = []
        var twelvePaid = 0, barred = 0
        for (i, p) in projects.enumerated() {
            let rich = engine.evaluate(p)
            if let problem = BatchEquivalenceTests.compare(rich, batch.evaluate(population, project: i), p) { problems.append("\(p.id): \(problem)") }
            if rich.instruments.first(where: { $0.id == "12" }).map({ $0.status == .matched && $0.amount > .zero }) ?? false { twelvePaid += 1 }
            if rich.instruments.contains(where: { r in r.conditions.contains { !$0.held && ["data-centre-pue", "it-efficiency-gain", "second-hand-graded"].contains($0.id) } }) { barred += 1 }
        }
        #expect(problems.isEmpty, "\(problems.count) differ; first: \(problems.prefix(5).joined(separator: "\n"))")
        #expect(barred >= 20, "only \(barred) projects failed a stated check")
        #expect(tiersSet ? twelvePaid >= 20 : twelvePaid == 0, "12 paid by tier on \(twelvePaid) projects")
    }
}
