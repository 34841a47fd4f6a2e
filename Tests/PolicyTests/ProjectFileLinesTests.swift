import Foundation
@testable import Policy
import Testing

/// The bulk reader gives, line by line, what `ProjectFileReader` gives for the line alone,
/// whatever the blocks, the workers and the line ends.
@Suite struct ProjectFileLinesTests {
    static func example() throws -> ProjectFile {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/enterprise-plan.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try ProjectFileReader.read(text: text, vocabulary: try TestLibrary.shared().vocabulary).get()
    }

    /// Every line of the file read through `ProjectFileLines`, flattened.
    static func readAll(_ data: Data, workers: Int, blockSize: Int, jsonLines: Bool = false) throws -> [ProjectFileLines.Line] {
        var out: [ProjectFileLines.Line] = []
        try ProjectFileLines(data: data, vocabulary: try TestLibrary.shared().vocabulary, jsonLines: jsonLines,
                             workers: workers, blockSize: blockSize).forEach { out += $0 }
        return out
    }

    /// Forty lines: copies of the example with their own ids, a blank line, a bad amount on line 17,
    /// a line cut off on line 30, CRLF line ends on some, no line end after the last.
    static func population() throws -> (Data, [Int: ProjectFile]) {
        let base = try example()
        var text = ""
        var expected: [Int: ProjectFile] = [:]
        for n in 1...40 {
            var file = base
            for k in file.projects.indices { file.projects[k].id += "-\(n)" }
            switch n {
            case 9: text += "   \n"
            case 17: text += ProjectFileWriter.text(file).replacingOccurrences(of: "\"declared\":\"", with: "\"declared\":\"-") + "\n"
            case 30: text += String(ProjectFileWriter.text(file).dropLast(5)) + "\n"
            default:
                text += ProjectFileWriter.text(file) + (n % 3 == 0 ? "\r\n" : n == 40 ? "" : "\n")
                expected[n] = file
            }
        }
        return (Data(text.utf8), expected)
    }

    @Test(arguments: [(1, 1 << 20), (3, 97), (2, 4096), (4, 1)])
    func everyLineAsReadAlone(_ workers: Int, _ blockSize: Int) throws {
        let (data, expected) = try Self.population()
        let lines = try Self.readAll(data, workers: workers, blockSize: blockSize)
        #expect(lines.map(\.number) == (1...40).filter { $0 != 9 })
        for line in lines {
            switch (line.result, expected[line.number]) {
            case (.success(let file), let want?): #expect(file == want, "line \(line.number)")
            case (.failure(let failure), nil):
                if line.number == 17 {
                    #expect(failure.issues.first?.path == "$.projects[0].investment.declared")
                    #expect(failure.issues.allSatisfy { $0.path.hasSuffix(".investment.declared") })
                    #expect(failure.issues[0].message.zh.contains("负数"))
                } else {
                    #expect(line.number == 30)
                    #expect(failure.issues.first?.message.en.contains("malformed JSON") == true)
                }
            default: Issue.record("line \(line.number): \(line.result)")
            }
        }
    }

    @Test func aPrettyPrintedFileIsOneProjectFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/enterprise-plan.json")
        let lines = try Self.readAll(try Data(contentsOf: url), workers: 2, blockSize: 100)
        #expect(lines.count == 1)
        #expect(try lines[0].result.get() == Self.example())
    }

    @Test func aJSONLinesImportTakesEveryLineAsAFile() throws {
        // Forced JSON Lines: a first line that is not an object is a refused line, not a YAML file.
        let lines = try Self.readAll(Data("x: 1\n\(ProjectFileWriter.text(try Self.example()))\n".utf8), workers: 2, blockSize: 7, jsonLines: true)
        #expect(lines.map(\.number) == [1, 2])
        if case .success = lines[0].result { Issue.record("line 1 accepted") }
        #expect(try lines[1].result.get() == Self.example())
    }

    @Test func bytesThatAreNotUTF8AreRefused() throws {
        var text = Array(ProjectFileWriter.text(try Self.example()).utf8)
        // The enterprise's name, cut in the middle of a character.
        let name = Array("\"name\":\"".utf8)
        let at = text.indices.first { Array(text[$0..<min($0 + name.count, text.count)]) == name }!
        text.insert(0xE6, at: at + name.count)
        let lines = try Self.readAll(Data(text), workers: 1, blockSize: 1 << 20)
        guard case .failure(let failure) = lines[0].result else { Issue.record("accepted"); return }
        #expect(failure.issues[0].message.en.contains("UTF-8"))
        #expect(failure.issues[0].message.zh.contains("UTF-8"))
    }

    /// A file on disk, removed when the test ends.
    static func file(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("renewal-lines-\(UUID().uuidString).jsonl")
        try data.write(to: url)
        return url
    }

    /// The forty lines read from a file into a population, by position: the same refused lines,
    /// numbered as the line-by-line reader numbers them (the blank line 9 counted), and every
    /// accepted line's projects, whatever the blocks and the workers.
    @Test(arguments: [(1, 1 << 20), (2, 1), (3, 97), (4, 4096)])
    func aFileIntoAPopulationByPositionNumbersEveryLine(_ workers: Int, _ blockSize: Int) throws {
        let (data, expected) = try Self.population()
        let url = try Self.file(data)
        defer { try? FileManager.default.removeItem(at: url) }
        let vocabulary = try TestLibrary.shared().vocabulary
        let reader = try ProjectFileLines(path: url.path, vocabulary: vocabulary, workers: workers, blockSize: blockSize)
        var builder = try PopulationBuilder(vocabulary: vocabulary)
        var refused: [ProjectFileLines.Line] = []
        try reader.readPopulation(into: &builder) { refused += $0 }
        #expect(reader.byPosition != nil)
        #expect(refused.map(\.number) == [17, 30])
        #expect(builder.population.count == expected.values.reduce(0) { $0 + $1.projects.count })
        #expect(Set(builder.population.projectIds) == Set(expected.values.flatMap { $0.projects.map(\.id) }))
        #expect(reader.fastLines + reader.generalLines == 39)
    }

    /// A pretty-printed project file on disk is one file (the stream reader's); an empty file is no line.
    @Test func aPrettyPrintedOrEmptyFileOnDisk() throws {
        let vocabulary = try TestLibrary.shared().vocabulary
        let example = try Self.example()
        let pretty = try Self.file(Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/enterprise-plan.json")))
        let empty = try Self.file(Data())
        defer { for url in [pretty, empty] { try? FileManager.default.removeItem(at: url) } }
        var builder = try PopulationBuilder(vocabulary: vocabulary)
        let reader = try ProjectFileLines(path: pretty.path, vocabulary: vocabulary, workers: 2, blockSize: 100)
        try reader.readPopulation(into: &builder) { Issue.record("refused: \($0.map(\.number))") }
        #expect(reader.byPosition == nil)
        #expect(builder.population.projectIds == example.projects.map(\.id))
        #expect(reader.generalLines == 1)
        var none = try PopulationBuilder(vocabulary: vocabulary)
        #expect(try ProjectFileLines(path: empty.path, vocabulary: vocabulary).nextPopulation(into: &none) == nil)
    }

    /// By position, a line longer than the longest taken ends the read once the lines before it are out.
    @Test func anOverlongLineInAFileEndsThePopulation() throws {
        var data = Data(ProjectFileWriter.text(try Self.example()).utf8)
        data += Data("\n".utf8) + Data(repeating: UInt8(ascii: " "), count: ProjectFileLines.maxLineBytes + 2) + Data("\n{}\n".utf8)
        let url = try Self.file(data)
        defer { try? FileManager.default.removeItem(at: url) }
        let vocabulary = try TestLibrary.shared().vocabulary
        let reader = try ProjectFileLines(path: url.path, vocabulary: vocabulary, workers: 2, blockSize: 1 << 20)
        var builder = try PopulationBuilder(vocabulary: vocabulary)
        var blocks = 0
        do {
            while try reader.nextPopulation(into: &builder) != nil { blocks += 1 }
            Issue.record("no error")
        } catch {
            #expect(error.line == 2)
        }
        #expect(blocks >= 1)
        #expect(builder.population.count == (try Self.example()).projects.count)
    }

    @Test func anOverlongLineEndsTheRead() throws {
        let reader = ProjectFileLines(data: Data(repeating: UInt8(ascii: " "), count: ProjectFileLines.maxLineBytes + 2),
                                      vocabulary: try TestLibrary.shared().vocabulary, jsonLines: true, blockSize: 16 << 20)
        #expect(throws: ProjectFileLines.ReadError.self) { while try reader.next() != nil {} }
    }
}
