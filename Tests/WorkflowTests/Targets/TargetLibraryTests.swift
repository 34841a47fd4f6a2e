import Foundation
import Testing
import Policy
@testable import Workflow

/// The dashboard's data in the shipped library (targets.yaml, dashboard.yaml), and broken copies
/// refused by file and path.
@Suite struct TargetLibraryTests {
    func target(_ id: String) throws -> Target { try #require(Fixtures.policy.targets.first { $0.id == id }) }
    func measure(_ id: String) throws -> TargetMeasure {
        try #require(Fixtures.policy.targets.flatMap(\.measures).first { $0.id == id })
    }

    @Test func everyTargetHasResponsibleUnitsLeadFirst() throws {
        #expect(Fixtures.policy.targets.map(\.id) == (1...21).map { "T\($0)" })
        for t in Fixtures.policy.targets { #expect(!t.responsibleUnits.isEmpty, "\(t.id)") }
        // The preamble names none: the documented default, the lead issuer first.
        #expect(try target("T1").responsibleUnits.map(\.zh) == ["市经济信息化委", "市发展改革委", "各区政府"])
        // A clause's own line, in its order: (二十) is led by market regulation, (四) by health.
        #expect(try target("T20").responsibleUnits.first?.zh == "市市场监管局")
        #expect(try target("T10").responsibleUnits.first?.zh == "市卫生健康委")
        #expect(try target("T10").responsibleUnits.first?.en == "Municipal Health Commission")
        #expect(try target("T12").responsibleUnits == Fixtures.policy.clauses["七"]?.responsibleUnits)
    }

    @Test func baselinesPacesAndTheStatusRule() throws {
        #expect(try measure("equipment-renewal-cumulative").baseline == TargetBaseline(value: "0", day: Day(iso: "2024-05-31")!))
        #expect(try measure("equipment-investment-growth").baseline?.day == Day(iso: "2023-12-31")!)
        #expect(try measure("digital-rd-tools-penetration").baseline == nil)
        #expect(try measure("first-sets-yearly").pace == .yearly)
        #expect(try measure("annual-energy-saving").pace == .level)
        #expect(try measure("pilot-bases").pace == .straight)
        #expect(Fixtures.policy.dashboard.status == TargetStatusRule(amberFrom: "0.8", aboutBand: "0.1"))
    }

    /// A copy of the shipped library with one file edited; the load's errors.
    func problems(editing file: String, _ edit: (String) -> String) throws -> [PolicyLibraryError] {
        let fm = FileManager.default
        let source = try #require(PolicyLibraryLoader.defaultDirectory())
        let copy = fm.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString)")
        try fm.copyItem(at: source, to: copy)
        defer { try? fm.removeItem(at: copy) }
        let url = copy.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text, "the edit changed \(file)")
        try edited.write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try PolicyLibraryLoader.load(directory: copy)
            return []
        } catch let e as PolicyLibraryErrors {
            return e.errors
        }
    }

    func expect(_ errors: [PolicyLibraryError], file: String, path: String, _ text: String,
                sourceLocation: SourceLocation = #_sourceLocation) {
        let hit = errors.first { $0.file == file && $0.path == path && $0.message.contains(text) }
        #expect(hit != nil, "expected \(file) \(path): \(text) among \(errors)", sourceLocation: sourceLocation)
    }

    @Test func aBadPaceQuarterOrBaselineIsRefusedByPath() throws {
        let errors = try problems(editing: "targets.yaml") {
            $0.replacingOccurrences(of: "      kind: at_least\n      baseline: {value: \"0\", day: 2024-05-31}\n      counted:\n        sum: renewal-equipment",
                                    with: "      kind: at_least\n      baseline: {value: \"-1\", day: 2024-05-31}\n      pace: weekly\n      milestones:\n        - {quarter: 2025-Q4, value: \"10\"}\n      counted:\n        sum: renewal-equipment")
        }
        expect(errors, file: "targets.yaml", path: "$[0].measures[0].baseline", "value: '-1' is not a plain non-negative decimal")
        expect(errors, file: "targets.yaml", path: "$[0].measures[0]", "pace: unknown 'weekly'")
        expect(errors, file: "targets.yaml", path: "$[0].measures[0].milestones[0]", "'2025-Q4' is not written YYYYQn")
    }

    @Test func aTargetOfAnUnknownClauseHasNoUnitsAndIsRefused() throws {
        let errors = try problems(editing: "targets.yaml") {
            $0.replacingOccurrences(of: "- id: T21\n  clause: 二十一", with: "- id: T21\n  clause: 二十九")
        }
        expect(errors, file: "targets.yaml", path: "$[20].clause", "T21: clause '二十九' is neither in clauses.yaml nor 总体目标")
    }

    @Test func aShareAboveOneIsRefused() throws {
        let errors = try problems(editing: "dashboard.yaml") {
            $0.replacingOccurrences(of: "amber_from: \"0.8\"", with: "amber_from: \"1.5\"")
        }
        expect(errors, file: "dashboard.yaml", path: "$.status", "amber_from: '1.5' is not a share above 0 and at most 1")
    }
}
