import Foundation
import Policy
import Testing
@testable import Workflow

/// `lists.yaml` as loaded and as refused: the shipped kinds and the targets they feed; a list
/// feeding a counted measure, a measure fed twice, an unknown clause, target or instrument.
@Suite struct ListKindsTests {
    @Test func theShippedKindsFeedTheListTargets() throws {
        let lists = Fixtures.workflow.lists
        #expect(lists.kinds.count == 15)
        let fed = Set(lists.kinds.flatMap { k in k.counts.map(\.target) })
        #expect(fed == ["T7", "T8", "T9", "T10", "T11", "T13", "T14", "T15", "T18"])
        let firstSets = try #require(lists.feeding(measure: "first-sets-yearly"))
        #expect(firstSets.kind.id == "first-sets" && firstSets.count.perYear && firstSets.kind.drives == "16")
        #expect(lists.kind("research-instruments")?.required == [.enterprise])
        // Each fed measure exists in targets.yaml and is not counted from the projects.
        for m in lists.fedMeasures {
            let measure = Fixtures.policy.targets.flatMap(\.measures).first { $0.id == m }
            #expect(measure != nil && measure?.counted == nil, "\(m)")
        }
    }

    @Test func theScenarioFieldsAreTheSixOf18AndTheMetaverseOf11() {
        let fields = Fixtures.workflow.scenarios.fields
        #expect(fields.filter { $0.clause == "十八" }.compactMap(\.category) == ["scenario-ai", "scenario-5g-a", "scenario-industrial-internet",
                                                                              "scenario-commercial-aerospace", "scenario-low-altitude", "scenario-deep-sea"])
        #expect(fields.last?.id == "metaverse" && fields.last?.clause == "十一")
    }

    func problems(_ edit: (String) -> String) throws -> [WorkflowLibraryError] {
        let fm = FileManager.default
        let source = try #require(WorkflowLibrary.defaultDirectory())
        let copy = fm.temporaryDirectory.appendingPathComponent("workflow-\(UUID().uuidString)")
        try fm.copyItem(at: source, to: copy)
        defer { try? fm.removeItem(at: copy) }
        let url = copy.appendingPathComponent("lists.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text)
        try edited.write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try WorkflowLibrary.load(directory: copy, policy: Fixtures.policy)
            return []
        } catch {
            return error.errors.filter { $0.file == "lists.yaml" }
        }
    }

    @Test func aListCannotFeedACountedMeasureNorOneFedAlready() throws {
        var errors = try problems {
            $0.replacingOccurrences(of: "{target: T7, measure: iconic-product-categories}", with: "{target: T12, measure: equipment-investment-cumulative}")
        }
        #expect(errors.contains { $0.path == "$.kinds[0].counts[0]" && $0.message.en.contains("counted from the projects") && $0.message.zh.contains("项目库统计") }, "\(errors)")
        errors = try problems {
            $0.replacingOccurrences(of: "{target: T8, measure: smart-manufacturing-scenarios}", with: "{target: T7, measure: iconic-product-categories}")
        }
        #expect(errors.contains { $0.path == "$.kinds[1].counts[0]" && $0.message.en.contains("fed by the list iconic-equipment") }, "\(errors)")
        errors = try problems {
            $0.replacingOccurrences(of: "{target: T13, measure: metaverse-scenarios-yearly, per: year}", with: "{target: T13, measure: metaverse-scenarios-yearly}")
        }
        #expect(errors.contains { $0.message.en.contains("pace disagrees") }, "\(errors)")
    }

    @Test func unknownClausesTargetsAndInstrumentsAreNamed() throws {
        let errors = try problems {
            $0.replacingOccurrences(of: "    clause: 一\n", with: "    clause: 九十九\n")
                .replacingOccurrences(of: "{target: T9, measure: research-instrument-supply-list}", with: "{target: T99, measure: x}")
                .replacingOccurrences(of: "    drives: \"16\"\n    fields:\n      - {id: model", with: "    drives: \"99\"\n    fields:\n      - {id: model")
        }
        #expect(errors.contains { $0.path == "$.kinds[0]" && $0.message.en.contains("no clause") })
        #expect(errors.contains { $0.message.en.contains("no target 'T99'") })
        #expect(errors.contains { $0.message.en.contains("no instrument '99'") }, "\(errors)")
    }
}
