import Foundation
import Policy
import Testing

/// The engine's check of 16 against the recognitions (十六) and of 18 against the scenario
/// tasks' designations (十八): matched with the list entry or the task cited, an unknown,
/// expired or not-yet-recognised product told why, and without a snapshot the declaration stands.
@Suite struct RecognitionCheckTests {
    static func project(_ name: String) throws -> ProjectFile {
        let text = try String(contentsOf: CatalogueCheckTests.repo.appendingPathComponent("Examples/instruments/\(name).json"), encoding: .utf8)
        return try ProjectFileReader.read(text: text, vocabulary: TestLibrary.shared().vocabulary).get()
    }

    static func day(_ s: String) -> Day { Day(iso: s)! }

    static func recognition(_ key: String, kind: String = "first-sets", year: Int = 2025, published: String = "2025-06-30", edition: Int = 1) -> RecognitionEntry {
        RecognitionEntry(key: key, name: "自动铺丝装备", kind: kind, year: year, edition: edition, editionTitle: "2025年第一批", publishedOn: day(published))
    }

    static func condition(_ id: String, _ instrument: String, _ e: ProjectEvaluation) -> (InstrumentResult, ConditionResult) {
        let r = e.instruments.first { $0.id == instrument }!
        return (r, r.conditions.first { $0.id == id }!)
    }

    /// Example 16: ST-2025-002's contract names SH-CX-2025-0213, evaluated on 2025-09-12.
    @Test func withoutRecognitionsTheDeclaredCategoryStands() throws {
        let engine = Engine(library: try TestLibrary.shared())
        let (r, c) = Self.condition("three-firsts", "16", engine.evaluate(try Self.project("16").projects[0]))
        #expect(r.status == .matched)
        #expect(c.listEntry == nil)
    }

    @Test func aRecognisedProductMatchesWithTheEntryCited() throws {
        var engine = Engine(library: try TestLibrary.shared())
        engine.recognitions = RecognitionSnapshot(entries: [Self.recognition("SH-CX-2025-0213")])
        let (r, c) = Self.condition("three-firsts", "16", engine.evaluate(try Self.project("16").projects[0]))
        #expect(r.status == .matched)
        #expect(c.held)
        #expect(c.listEntry?.kind == "first-sets")
        #expect(c.listEntry?.edition == 1)
        #expect(c.listEntry?.checkedOn == Self.day("2025-09-12"))
        let json = String(decoding: PlanJSONWriter.bytes(engine.plan(for: try Self.project("16"))), as: UTF8.self)
        #expect(json.contains(#""listEntry":{"key":"SH-CX-2025-0213""#))
    }

    @Test func unknownNotYetOtherKindAndExpiredAreToldWhy() throws {
        let project = try Self.project("16").projects[0]
        var engine = Engine(library: try TestLibrary.shared())
        engine.recognitions = RecognitionSnapshot(entries: [Self.recognition("OTHER")])
        var (r, c) = Self.condition("three-firsts", "16", engine.evaluate(project))
        #expect(r.status == .notMatched)
        #expect(c.detail?.en == "product SH-CX-2025-0213 is not recognised as a first set, first version or first batch")

        engine.recognitions = RecognitionSnapshot(entries: [Self.recognition("SH-CX-2025-0213", published: "2026-01-15")])
        (r, c) = Self.condition("three-firsts", "16", engine.evaluate(project))
        #expect(r.status == .notMatched)
        #expect(c.detail?.en.hasPrefix("product SH-CX-2025-0213 is not yet recognised on 2025-09-12") == true)

        engine.recognitions = RecognitionSnapshot(entries: [Self.recognition("SH-CX-2025-0213", kind: "pilot-projects")])
        (r, c) = Self.condition("three-firsts", "16", engine.evaluate(project))
        #expect(!c.held)
        #expect(c.listEntry?.kind == "pilot-projects")

        // Recognised in 2021, published then: with valid_years 3 it counts through 2023.
        engine.recognitions = RecognitionSnapshot(entries: [Self.recognition("SH-CX-2025-0213", year: 2021, published: "2021-06-30")])
        (r, c) = Self.condition("three-firsts", "16", engine.evaluate(project))
        #expect(r.status == .notMatched)
        #expect(c.detail?.en.contains("is over by 2025-09-12") == true)
        #expect(c.detail?.zh.contains("已过期") == true)
    }

    @Test func aContractNamingNoProductFailsWithRecognitions() throws {
        var project = try Self.project("16").projects[0]
        project.innovativeProductContract?.productId = nil
        var engine = Engine(library: try TestLibrary.shared())
        engine.recognitions = RecognitionSnapshot(entries: [Self.recognition("SH-CX-2025-0213")])
        let (r, c) = Self.condition("three-firsts", "16", engine.evaluate(project))
        #expect(r.status == .notMatched)
        #expect(c.detail?.en == "the innovative-product contract names no product, so the recognitions cannot confirm it")
    }

    // MARK: 18

    static func designation(project: String?, field: String = "low-altitude", category: String? = "scenario-low-altitude",
                            credit: String = "91310105MA1FT8JD39") -> DesignationEntry {
        DesignationEntry(taskId: "T-1", taskTitle: "低空物流配送场景", batch: "2025-01", field: field, fieldCategory: category,
                         creditCode: credit, projectCode: project, designatedOn: day("2025-08-01"))
    }

    /// Example 18: CJ-2025-014 of 91310105MA1FT8JD39 declares benchmark-demonstration and low-altitude.
    @Test func aDesignatedProjectMatchesWithTheTaskCited() throws {
        var engine = Engine(library: try TestLibrary.shared())
        engine.designations = DesignationSnapshot(entries: [Self.designation(project: "CJ-2025-014")])
        let plan = engine.plan(for: try Self.project("18"))
        let (r, c) = Self.condition("benchmark-demonstration", "18", plan.projects[0])
        #expect(r.status == .matched)
        #expect(c.scenarioTask?.taskId == "T-1")
        #expect(c.scenarioTask?.namesProject == true)
        #expect(Self.condition("field", "18", plan.projects[0]).1.held)
        #expect(String(decoding: PlanJSONWriter.bytes(plan), as: UTF8.self).contains(#""scenarioTask":{"taskId":"T-1""#))
    }

    @Test func undesignatedOtherFieldAndOtherEnterpriseAreToldWhy() throws {
        let file = try Self.project("18")
        var engine = Engine(library: try TestLibrary.shared())
        engine.designations = DesignationSnapshot(entries: [])
        var (r, c) = Self.condition("benchmark-demonstration", "18", engine.plan(for: file).projects[0])
        #expect(r.status == .notMatched)
        #expect(c.detail?.en == "the project is not designated a benchmark demonstration project of a scenario task")

        // Designated, but from a metaverse task: not one of (十八)'s fields.
        engine.designations = DesignationSnapshot(entries: [Self.designation(project: "CJ-2025-014", field: "metaverse", category: nil)])
        (r, c) = Self.condition("field", "18", engine.plan(for: file).projects[0])
        #expect(r.status == .notMatched)
        #expect(c.scenarioTask?.field == "metaverse")

        // Another enterprise's designation of a project with the same id does not count.
        engine.designations = DesignationSnapshot(entries: [Self.designation(project: "CJ-2025-014", credit: "91310000MA1K35Y23X")])
        (r, _) = Self.condition("benchmark-demonstration", "18", engine.plan(for: file).projects[0])
        #expect(r.status == .notMatched)
    }

    @Test func aDesignationNamingNoProjectConfirmsTheDeclaration() throws {
        var file = try Self.project("18")
        var engine = Engine(library: try TestLibrary.shared())
        engine.designations = DesignationSnapshot(entries: [Self.designation(project: nil)])
        #expect(engine.plan(for: file).projects[0].instruments.first { $0.id == "18" }?.status == .matched)
        file.projects[0].categories.remove("benchmark-demonstration")
        #expect(engine.plan(for: file).projects[0].instruments.first { $0.id == "18" }?.status == .notMatched)
    }

    @Test func librariesMayDecideOnlyProjectsTheyConcern() throws {
        var engine = Engine(library: try TestLibrary.shared())
        let plain = Project(id: "X", categories: ["technical-renovation"], investment: Investment(declared: Money(fen: 100)))
        #expect(!engine.librariesMayDecide(try Self.project("16").projects[0]))
        engine.recognitions = RecognitionSnapshot(entries: [])
        #expect(engine.librariesMayDecide(try Self.project("16").projects[0]))
        #expect(engine.librariesMayDecide(try Self.project("18").projects[0]))
        #expect(!engine.librariesMayDecide(plain))
        // And where they say nothing of it, the outcome is the one without them (only the
        // explanations of the conditions they decide differ).
        let with = engine.evaluate(plain), without = Engine(library: try TestLibrary.shared()).evaluate(plain)
        #expect(with.recommendation == without.recommendation)
        #expect(with.instruments.map(\.status) == without.instruments.map(\.status))
    }

    /// The API's writer and the Codable encoding agree on the citations too.
    @Test func theCitationsAreWrittenAsTheirCodableEncoding() throws {
        var engine = Engine(library: try TestLibrary.shared())
        engine.recognitions = RecognitionSnapshot(entries: [Self.recognition("SH-CX-2025-0213")])
        engine.designations = DesignationSnapshot(entries: [Self.designation(project: "CJ-2025-014")])
        for name in ["16", "18"] {
            let plan = engine.plan(for: try Self.project(name))
            let fast = try JSONParser.parse(PlanJSONWriter.bytes(plan))
            let codable = try JSONParser.parse(Array(try JSONEncoder().encode(plan)))
            #expect(PlanJSONWriterTests.canonical(fast) == PlanJSONWriterTests.canonical(codable), "\(name)")
        }
    }
}
