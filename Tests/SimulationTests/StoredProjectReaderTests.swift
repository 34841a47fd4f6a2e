import Foundation
@testable import Policy
import Simulation
import Testing

/// A stored project's object (as `ProjectFileWriter` writes it) read into a population by
/// `StoredProjectReader` lays out exactly what `PopulationBuilder.append` lays out for the
/// project the object describes (as the general reader reads it back), whether the fast path takes the object or the general reader does
/// (stated checks, an escaped text); an object that is not a valid project is refused with the
/// general reader's issues and leaves nothing behind.
@Suite struct StoredProjectReaderTests {
    static let library = Result { try PolicyLibraryLoader.loadDefault() }

    /// Generated enterprises' projects, the examples' projects, and two the fast path declines.
    static func projects() throws -> [(Project, Enterprise)] {
        let vocabulary = try Self.library.get().vocabulary
        var generator = SyntheticProjects(seed: 7, vocabulary: vocabulary)
        var all: [(Project, Enterprise)] = []
        while generator.made < 3000 {
            let file = generator.nextFile()
            for p in file.projects { all.append((p, file.enterprise)) }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for folder in ["Examples", "Examples/instruments"] {
            let dir = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".json") {
                let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                guard case .success(let file) = ProjectFileReader.read(text: text, vocabulary: vocabulary) else { continue }
                for p in file.projects { all.append((p, file.enterprise)) }
            }
        }
        var escaped = all[0].0
        escaped.name = "名称带\"引号\"和\\反斜杠"
        all.append((escaped, all[0].1))
        var checked = all[1].0
        checked.planChecks = PlanChecks(dataCentre: DataCentre(kind: .renovated, pue: Ratio(text: "1.55")!))
        all.append((checked, all[1].1))
        return all
    }

    /// The names of the columns in which two populations differ.
    static func differingColumns(_ a: Population, _ b: Population) -> [String] {
        zip(Mirror(reflecting: a).children, Mirror(reflecting: b).children).compactMap { x, y in
            String(describing: x.value) == String(describing: y.value) ? nil : x.label
        }
    }

    @Test func storedObjectsLayOutAsTheProjectsThemselves() throws {
        let vocabulary = try Self.library.get().vocabulary
        var expected = try PopulationBuilder(vocabulary: vocabulary)
        var builder = try PopulationBuilder(vocabulary: vocabulary)
        var reader = StoredProjectReader(vocabulary: vocabulary, for: builder)
        let all = try Self.projects()
        for (p, e) in all {
            let json = ProjectFileWriter.project(p).serialized()
            // What the registry's rows hold is the project as read back from what was written
            // (a rate as its decimal text, say): the population of that project is the measure.
            let stored = try ProjectFileReader.readProject(try JSONParser.parse(json), vocabulary: vocabulary).get()
            expected.append(stored, enterprise: e)
            let refused = reader.append(json: json, district: e.district, industryCode: e.industryCode, into: &builder)
            #expect(refused == nil, "\(json): \(refused.map { $0.description } ?? "")")
        }
        // Compared as a Bool, the differing columns named: the populations themselves run to megabytes.
        let same = builder.population == expected.population
        #expect(same, "the stored objects laid out otherwise than the projects: \(Self.differingColumns(builder.population, expected.population))")
        #expect(builder.population.count == all.count)
        #expect(reader.fast > all.count / 2, "the fast path took \(reader.fast) of \(all.count)")
        #expect(reader.general >= 2, "the escaped name and the stated checks are the general reader's: \(reader.general)")
    }

    @Test func anObjectThatIsNotAProjectIsRefusedAndLeavesNothing() throws {
        let vocabulary = try Self.library.get().vocabulary
        var builder = try PopulationBuilder(vocabulary: vocabulary)
        var reader = StoredProjectReader(vocabulary: vocabulary, for: builder)
        let empty = builder.population
        for bad in [#"{"id": "X", "investment": {"declared": -1}}"#, #"{"id": "#, "", #"{"name": "no id"}"#] {
            let refused = reader.append(json: bad, district: "pudong", industryCode: "C3484", into: &builder)
            #expect(refused.map { !$0.issues.isEmpty } == true, "\(bad) was taken")
            #expect(builder.population == empty, "\(bad) left columns behind")
        }
    }
}
