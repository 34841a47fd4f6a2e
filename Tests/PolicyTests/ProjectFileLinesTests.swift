import Foundation
import Policy
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

    @Test func anOverlongLineEndsTheRead() throws {
        let reader = ProjectFileLines(data: Data(repeating: UInt8(ascii: " "), count: ProjectFileLines.maxLineBytes + 2),
                                      vocabulary: try TestLibrary.shared().vocabulary, jsonLines: true, blockSize: 16 << 20)
        #expect(throws: ProjectFileLines.ReadError.self) { while try reader.next() != nil {} }
    }
}
