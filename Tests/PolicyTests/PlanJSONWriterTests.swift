import Foundation
import Policy
import Testing

/// The API writes plans with `PlanJSONWriter`, not `JSONEncoder`: the two must give the same
/// JSON (members, values, omissions) for every example, so that the fast path changes nothing
/// a caller sees.
@Suite struct PlanJSONWriterTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var exampleFiles: [URL] {
        let fm = FileManager.default
        let top = repo.appendingPathComponent("Examples")
        let inst = top.appendingPathComponent("instruments")
        let names = ((try? fm.contentsOfDirectory(at: top, includingPropertiesForKeys: nil)) ?? [])
            + ((try? fm.contentsOfDirectory(at: inst, includingPropertiesForKeys: nil)) ?? [])
        return names.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }

    /// Object members sorted by key, so that two writers' orders do not matter.
    static func canonical(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let members): return .object(members.map { ($0.key, canonical($0.value)) }.sorted { $0.0 < $1.0 })
        case .array(let items): return .array(items.map(canonical))
        default: return v
        }
    }

    @Test func everyExampleIsWrittenAsItsCodableEncoding() throws {
        let library = try TestLibrary.shared()
        let engine = Engine(library: library, defaultDay: Day(iso: "2025-06-30")!)
        let files = Self.exampleFiles
        #expect(files.count >= 15)
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            let file = try ProjectFileReader.read(text: text, vocabulary: library.vocabulary).get()
            let plan = engine.plan(for: file)
            let fast = try JSONParser.parse(PlanJSONWriter.bytes(plan))
            let codable = try JSONParser.parse(Array(try JSONEncoder().encode(plan)))
            #expect(Self.canonical(fast) == Self.canonical(codable), "\(url.lastPathComponent)")
            for evaluation in plan.projects {
                let one = try JSONParser.parse(PlanJSONWriter.bytes(evaluation))
                let oneCodable = try JSONParser.parse(Array(try JSONEncoder().encode(evaluation)))
                #expect(Self.canonical(one) == Self.canonical(oneCodable), "\(url.lastPathComponent) \(evaluation.projectId)")
            }
        }
    }

    @Test func stringsAreEscapedAsJSONRequires() throws {
        var out = JSONOutput()
        out.beginArray()
        out.string("引号\"反斜杠\\换行\n回车\r制表\t\u{01}结束")
        out.endArray()
        let parsed = try JSONParser.parse(out.bytes)
        #expect(parsed == .array([.string("引号\"反斜杠\\换行\n回车\r制表\t\u{01}结束")]))
    }

    @Test func summaryKeepsTheRecommendationAndTheFailedConditions() throws {
        let library = try TestLibrary.shared()
        let engine = Engine(library: library, defaultDay: Day(iso: "2025-06-30")!)
        let text = try String(contentsOf: Self.repo.appendingPathComponent("Examples/enterprise-plan.json"), encoding: .utf8)
        let plan = engine.plan(for: try ProjectFileReader.read(text: text, vocabulary: library.vocabulary).get())
        let summary = try JSONParser.parse(PlanSummaryWriter.bytes(plan))
        #expect(summary["cityTotal"] == .string(plan.cityTotal.decimalString))
        guard case .array(let projects)? = summary["projects"], let first = projects.first else { Issue.record("no projects"); return }
        #expect(first["recommendation"]?["total"] == .string(plan.projects[0].recommendation.total.decimalString))
        guard case .array(let instruments)? = first["instruments"] else { Issue.record("no instruments"); return }
        #expect(instruments.count == plan.projects[0].instruments.count)
        for (written, result) in zip(instruments, plan.projects[0].instruments) {
            #expect(written["id"] == .string(result.id))
            #expect(written["status"] == .string(result.status.rawValue))
            if !result.isEligible {
                guard case .array(let failed)? = written["failed"] else { Issue.record("\(result.id): no failed conditions"); continue }
                #expect(failed.count == result.failedConditions.count)
            }
        }
        #expect(PlanSummaryWriter.bytes(plan).count * 2 < PlanJSONWriter.bytes(plan).count)
    }
}
