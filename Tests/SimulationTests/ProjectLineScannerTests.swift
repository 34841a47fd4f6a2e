import Foundation
@testable import Policy
import Simulation
import Testing

/// The bulk reader's fast path (`ProjectLineScanner`) against the general reader, line by line:
/// whenever the fast path takes a line, the general reader accepts it too and lays out the same
/// population, to the fen and the day; whatever the general reader refuses, the fast path
/// declines. Over generated populations, the examples, the policy cases' projects, the edge
/// cases of the OpenFisca comparison, and 25,000 broken lines made from them.
@Suite struct ProjectLineScannerTests {
    static let library = Result { try PolicyLibraryLoader.loadDefault() }
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The general reader's answer for a line: its population, or its refusal.
    static func general(_ line: [UInt8], _ vocabulary: Vocabulary) throws -> Population? {
        let result = line.withUnsafeBufferPointer { ProjectFileReader.read(bytes: $0, vocabulary: vocabulary) }
        guard case .success(let file) = result else { return nil }
        var builder = try PopulationBuilder(vocabulary: vocabulary)
        for p in file.projects { builder.append(p, enterprise: file.enterprise) }
        return builder.population
    }

    /// The fast path's population for a line, or nil when it declines (its builder untouched).
    static func fast(_ line: [UInt8], _ vocabulary: Vocabulary) throws -> Population? {
        var builder = try PopulationBuilder(vocabulary: vocabulary)
        let empty = builder.population
        var scanner = ProjectLineScanner(tables: ProjectLineTables(vocabulary: vocabulary, categoryIds: builder.population.categoryIds,
                                                                   districtIds: builder.population.districtIds))
        let taken = line.withUnsafeBufferPointer { scanner.scan($0, into: &builder) }
        if !taken {
            #expect(builder.population == empty, "a declined line left columns behind: \(String(decoding: line, as: UTF8.self))")
            return nil
        }
        return builder.population
    }

    /// Holds the property for each line; returns how many the fast path took.
    static func check(_ lines: [[UInt8]], _ vocabulary: Vocabulary) throws -> Int {
        var taken = 0
        for line in lines {
            guard let mine = try fast(line, vocabulary) else { continue }
            taken += 1
            let theirs = try general(line, vocabulary)
            #expect(theirs != nil, "the fast path took a line the general reader refuses: \(String(decoding: line, as: UTF8.self))")
            if let theirs, theirs != mine {
                Issue.record("populations differ for \(String(decoding: line, as: UTF8.self))")
            }
        }
        return taken
    }

    static func generated(_ count: Int, seed: UInt64, identities: Bool) throws -> [[UInt8]] {
        var generator = SyntheticProjects(seed: seed, vocabulary: try library.get().vocabulary)
        generator.identities = identities
        var lines: [[UInt8]] = []
        while generator.made < count { lines.append(Array(ProjectFileWriter.text(generator.nextFile()).utf8)) }
        return lines
    }

    /// Every JSON example as written (pretty, many lines) and on one line.
    static func examples() throws -> (valid: [[UInt8]], invalid: [[UInt8]]) {
        var valid: [[UInt8]] = [], invalid: [[UInt8]] = []
        for folder in ["Examples", "Examples/instruments", "Examples/invalid"] {
            let dir = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".json") {
                let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(name)))
                if folder.hasSuffix("invalid") { invalid.append(bytes) } else { valid.append(bytes) }
                guard let value = try? JSONParser.parse(bytes) else { continue }
                if folder.hasSuffix("invalid") { invalid.append(Array(value.serialized().utf8)) } else { valid.append(Array(value.serialized().utf8)) }
            }
        }
        return (valid, invalid)
    }

    /// Each project of the policy cases (Tests/PolicyTests/Cases), in a file of its own.
    static func caseProjects() throws -> [[UInt8]] {
        let dir = root.appendingPathComponent("Tests/PolicyTests/Cases")
        let enterprise = #"{"creditCode":"91310115MA1K4ABCDD","name":"示例企业","district":"pudong","industryCode":"C3484"}"#
        var lines: [[UInt8]] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".yaml") {
            let value = try JSONValue.parseYAML(String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8))
            guard case .array(let cases) = value else { continue }
            for c in cases { if let project = c["project"] { lines.append(Array(#"{"enterprise":\#(enterprise),"projects":[\#(project.serialized())]}"#.utf8)) } }
        }
        return lines
    }

    static func edgeCases() throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        for name in ["edge-cases.jsonl", "n4-missing-tariff.jsonl"] {
            let text = try String(contentsOf: root.appendingPathComponent("Benchmarks/OpenFisca/\(name)"), encoding: .utf8)
            lines += text.split(separator: "\n").map { Array($0.utf8) }
        }
        return lines
    }

    @Test func generatedPopulationsTakeTheFastPathAndLayOutAsTheGeneralReader() throws {
        let vocabulary = try Self.library.get().vocabulary
        for identities in [false, true] {
            let lines = try Self.generated(3000, seed: identities ? 7 : 20241123, identities: identities)
            let taken = try Self.check(lines, vocabulary)
            // Every generated line is the common shape: the comparison is not on empty ground.
            #expect(taken == lines.count, "identities \(identities): \(taken) of \(lines.count) taken")
        }
    }

    @Test func examplesCasesAndEdgeCases() throws {
        let vocabulary = try Self.library.get().vocabulary
        let (valid, invalid) = try Self.examples()
        let cases = try Self.caseProjects()
        let edges = try Self.edgeCases()
        #expect(try Self.check(valid, vocabulary) > valid.count / 2)
        #expect(try Self.check(invalid, vocabulary) == 0)
        #expect(try Self.check(cases, vocabulary) > cases.count / 2)
        #expect(try Self.check(edges, vocabulary) == edges.count)
    }

    /// Values that are almost right, for the mutations: each either read as the general reader
    /// reads it or declined.
    static let tricky: [String] = [
        #""""#, #"" x""#, #""x ""#, #""\u0041""#, #""a\"b""#, #""-1""#, #""01""#, #""0""#, #""0.00""#, #""1.234""#,
        #""1e5""#, "1e5", "-1", "01", "0", "1.5", "1.50", "1.505", "1000000", "1000001", "0.0", "00.5",
        #""2024-02-29""#, #""2023-02-29""#, #""2024-13-01""#, #""2024-1-01""#, #""1899-12-31""#, #""2100-01-01""#,
        #""9999""#, #""2024""#, #""1989""#, "true", "false", "null", "{}", "[]", #""A""#, #""T1234""#, #""U1""#, #""C12345""#,
        #""0.5%""#, #""150%""#, #""1""#, #""1.0""#, #""1.0000000001""#, #""0.035""#, #"" 0.035""#, #""3.5 %""#,
        "\"\u{2028}\"", "\"\u{85}\"", "\"\u{FEFF}x\"", "\"\u{202E}x\"", "\"e\u{301}\"", "\"\u{E9}\"",
        "\"" + String(repeating: "长", count: 65) + "\"", "\"" + String(repeating: "名", count: 201) + "\"",
        #""999999999999999.99""#, #""10000000000000.00""#, #""10000000000000.01""#, #""pudong""#, #""浦东新区""#,
        #""Pudong""#, #""310115""#, #""equipment""#, #""fixedAsset""#, #""testing""#, #""technical-renovation""#,
        #""91310115MA1K4ABCDD""#, #""91310115MA1K3YJ12Y""#, #""2024-310115-34-03-000001""#, #""2024-110115-34-03-000001""#,
        #""+86 21-1234""#, #""--""#,
    ]

    /// Broken lines: a byte changed, dropped or doubled; a value swapped for a tricky one; an
    /// unknown field (as another helper's new optional field would be) or a duplicate key added.
    static func mutations(of lines: [[UInt8]], count: Int) -> [[UInt8]] {
        var rng = SystemRandomNumberGenerator.Seeded(seed: 42)
        let bytes: [UInt8] = Array(#"{}[],:"\ 0129.-eE+nt"#.utf8) + [0x7F, 0xC2, 0x80, 0xE2, 0xFF, 9, 13, 10]
        var out: [[UInt8]] = []
        while out.count < count {
            var line = lines[Int(rng.next() % UInt64(lines.count))]
            let at = Int(rng.next() % UInt64(line.count))
            switch rng.next() % 7 {
            case 0: line[at] = bytes[Int(rng.next() % UInt64(bytes.count))]
            case 1: line.remove(at: at)
            case 2: line.insert(line[at], at: at)
            case 3, 4:
                // A value (after a colon, or an element) replaced.
                guard let colon = line[at...].firstIndex(where: { $0 == 58 || $0 == 91 }) else { continue }
                var end = colon + 1
                var depth = 0, quoted = false
                while end < line.count {
                    let c = line[end]
                    if quoted { if c == 92 { end += 1 } else if c == 34 { quoted = false } }
                    else if c == 34 { quoted = true }
                    else if c == 123 || c == 91 { depth += 1 }
                    else if c == 125 || c == 93 { if depth == 0 { break }; depth -= 1 }
                    else if c == 44 && depth == 0 { break }
                    end += 1
                }
                line.replaceSubrange((colon + 1)..<end, with: Array(tricky[Int(rng.next() % UInt64(tricky.count))].utf8))
            case 5:
                guard let brace = line[at...].firstIndex(of: 123) else { continue }
                line.insert(contentsOf: Array(#""pue":"1.3","#.utf8), at: brace + 1)
            default:
                // The first member of an object repeated.
                guard let brace = line[at...].firstIndex(of: 123), let comma = line[(brace + 1)...].firstIndex(of: 44) else { continue }
                line.insert(contentsOf: Array(line[(brace + 1)...comma]), at: brace + 1)
            }
            out.append(line)
        }
        return out
    }

    @Test func brokenLinesAreNeverTakenWrongly() throws {
        let vocabulary = try Self.library.get().vocabulary
        let seeds = try Self.generated(200, seed: 99, identities: true) + Self.edgeCases() + Self.caseProjects()
            + Self.examples().valid.filter { !$0.contains(10) }
        let broken = Self.mutations(of: seeds, count: 25_000)
        let taken = try Self.check(broken, vocabulary)
        // Some mutations leave a valid line (a digit changed): those must be taken and agree.
        #expect(taken > 1000)
        #expect(taken < broken.count)
    }

    /// The reader as `simulate --file` uses it: the population and the refused lines those of
    /// reading each line with the general reader and laying it out in order, whatever the
    /// workers and the blocks, from memory (the stream reader's blocks) and from a file (read by
    /// position, each share its own bytes: most lines here cross a share's or a block's end);
    /// a line with a field the fast path does not know takes the general path and is refused
    /// (or, once the general reader knows the field, read) by it.
    @Test(arguments: [(1, 1 << 20), (2, 4096), (3, 977), (2, 97)])
    func readerIntoAPopulationEqualsTheGeneralReader(_ workers: Int, _ blockSize: Int) throws {
        let vocabulary = try Self.library.get().vocabulary
        var lines = try Self.generated(2000, seed: 5, identities: true)
        lines[10] = Array(String(decoding: lines[10], as: UTF8.self).replacingOccurrences(of: #""projects":"#, with: #""pue":"1.3","projects":"#).utf8)
        lines[11] = Array(String(decoding: lines[11], as: UTF8.self).replacingOccurrences(of: #""name":""#, with: #""name":"\u5408"#).utf8)
        lines[500] = Array(String(decoding: lines[500], as: UTF8.self).replacingOccurrences(of: #""unitPrice":""#, with: #""unitPrice":"-"#).utf8)
        // Stated checks: the general reader's, kept by project position through the join of the shares.
        for k in [12, lines.count / 2] {
            var text = String(decoding: lines[k], as: UTF8.self)
            let at = try #require(text.range(of: #""projects":[{"#))
            text.insert(contentsOf: #""planChecks":{"dataCentre":{"kind":"renovated","pue":"1.55"}},"#, at: at.upperBound)
            lines[k] = Array(text.utf8)
        }
        lines[900] = []
        var data = Data()
        for (k, line) in lines.enumerated() { data += line; data += Array((k % 5 == 0 ? "\r\n" : "\n").utf8) }
        // The last line with no line end.
        data.removeLast()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("renewal-lines-\(UUID().uuidString).jsonl")
        try data.write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }

        var theirs = try PopulationBuilder(vocabulary: vocabulary)
        var theirRefused: [ProjectFileLines.Line] = []
        try ProjectFileLines(data: data, vocabulary: vocabulary, workers: workers, blockSize: blockSize).forEach { batch in
            for line in batch {
                switch line.result {
                case .success(let file): for p in file.projects { theirs.append(p, enterprise: file.enterprise) }
                case .failure: theirRefused.append(line)
                }
            }
        }
        #expect(theirs.population.count > 1900)
        for reader in [ProjectFileLines(data: data, vocabulary: vocabulary, workers: workers, blockSize: blockSize),
                       try ProjectFileLines(path: path.path, vocabulary: vocabulary, workers: workers, blockSize: blockSize)] {
            let source = reader.handle == nil ? "memory" : "file"
            var mine = try PopulationBuilder(vocabulary: vocabulary)
            var refused: [ProjectFileLines.Line] = []
            try reader.readPopulation(into: &mine) { refused += $0 }
            #expect((reader.byPosition != nil) == (source == "file"), "\(source): read by position")
            #expect(mine.population == theirs.population, "\(source)")
            #expect(refused.map(\.number) == theirRefused.map(\.number), "\(source)")
            #expect(refused.map(\.number) == [11, 501], "\(source)")
            for (a, b) in zip(refused, theirRefused) {
                if case .failure(let x) = a.result, case .failure(let y) = b.result { #expect(x.issues == y.issues, "\(source)") }
            }
            #expect(mine.population.planChecks.count == 2, "\(source): the stated checks were lost joining the shares")
            // The escaped name and the stated checks are read by the general reader; the rest by the fast path.
            #expect(reader.generalLines == 5, "\(source)")
            #expect(reader.fastLines == lines.count - 6, "\(source)")
        }
    }
}

extension SystemRandomNumberGenerator {
    /// A small deterministic generator (SplitMix64) for the mutations: the same broken lines on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
