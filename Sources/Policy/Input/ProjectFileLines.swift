import Dispatch
import Foundation

/// The one reader of project files in bulk: JSON Lines (an enterprise and its projects a line)
/// read from a file in blocks, each block's lines parsed and checked by `ProjectFileReader` —
/// every check `match` makes — on all cores, handed out in line order. Memory holds a block and
/// its results, never the file: a gigabyte reads in the memory of a few megabytes.
///
/// Two ways out: `next()` gives each line's `ProjectFile` (import, risk scan), and
/// `nextPopulation(into:)` lays the lines straight out into a batch population (`simulate
/// --file`), through the scanner that checks as it scans (`ProjectLineScanner`) and, for any
/// line it declines, the same `ProjectFileReader`. Into a population, a regular file is read by
/// position: each core reads its own bytes of the block (`ProjectFileLines+Ranges.swift`).
///
/// A file that is not JSON Lines (a pretty-printed JSON or a YAML project file) is one project
/// file; it is read whole, up to `maxLineBytes`. Issues keep their JSON paths; each result
/// carries its line number (from 1, as an editor shows it); blank lines are skipped.
public final class ProjectFileLines {
    /// One line's project file, or every problem found in it.
    public struct Line: Sendable {
        public let number: Int
        public let result: Result<ProjectFile, ValidationFailure>
    }

    /// Bytes read at a time: large enough that the workers' share of a block dwarfs their start.
    public static let blockSize = 8 << 20
    /// The longest line (or single project file) taken: a line is a whole enterprise, and a
    /// larger one is a file that is not JSON Lines or a runaway writer.
    public static let maxLineBytes = 64 << 20

    public enum ReadError: Error, CustomStringConvertible, Sendable {
        case unreadable(String)
        case lineTooLong(line: Int)
        public var message: LocalizedText {
            switch self {
            case .unreadable(let path): return LocalizedText(zh: "无法读取文件 \(path)", en: "cannot read \(path)")
            case .lineTooLong(let line):
                let mb = ProjectFileLines.maxLineBytes >> 20
                return LocalizedText(zh: "第 \(line) 行超过 \(mb) MB", en: "line \(line) is longer than \(mb) MB")
            }
        }
        public var line: Int? { if case .lineTooLong(let n) = self { n } else { nil } }
        public var description: String { "\(message.zh) / \(message.en)" }
    }

    let vocabulary: Vocabulary
    let workers: Int
    /// Lines the fast path laid out, and lines the general reader read (`nextPopulation`).
    public internal(set) var fastLines = 0
    public internal(set) var generalLines = 0
    /// The scanner's tables, made on the first population block.
    var tables: ProjectLineTables?
    let blockSize: Int
    let handle: FileHandle?
    private var data: Data?
    private var offset = 0
    /// The block being read: the start of a line the last block cut (carried), then the bytes
    /// read after it. Kept from block to block, so that reading allocates nothing per block.
    var buffer: [UInt8] = []
    /// Where the last block's lines ended: what follows is carried to the buffer's front.
    private var consumed = 0
    /// Each core's share of a population block, kept (with their columns' capacity) between blocks.
    var parts: [Part] = []
    /// The last block's shares, scanned and waiting to be joined (while the next block is scanned).
    var waiting: [Part] = []
    var isWaiting = false
    /// The refused lines of the block joined when the stream reader failed, returned before the failure.
    var held: [Line]?
    /// The room to reserve for the population once the first block is joined: the file's size
    /// and where the first block ended.
    var reserveFor: (total: Int, done: Int)?
    var lineNumber = 0
    var finished = false
    /// A regular file of JSON Lines read by position (`pread`): its size and where the next block
    /// starts. Decided on the first population block; nil for the stream reader.
    var byPosition: (size: Int, position: Int)?
    var readsDecided = false
    /// A line too long, met after lines the last block returned: thrown on the next call.
    var pending: ReadError?
    /// Whether the file is JSON Lines, decided on its first block.
    var lines: Bool?

    /// `jsonLines`: every line a project file, whatever the first (an import of a `.jsonl`
    /// file); otherwise the first line decides.
    public init(path: String, vocabulary: Vocabulary, jsonLines: Bool = false,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount, blockSize: Int = ProjectFileLines.blockSize) throws(ReadError) {
        self.blockSize = max(1, blockSize)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path) }
        self.handle = handle
        if jsonLines { lines = true }
        self.vocabulary = vocabulary
        self.workers = max(1, workers)
    }

    public init(data: Data, vocabulary: Vocabulary, jsonLines: Bool = false,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount, blockSize: Int = ProjectFileLines.blockSize) {
        self.blockSize = max(1, blockSize)
        handle = nil
        if jsonLines { lines = true }
        self.data = data
        self.vocabulary = vocabulary
        self.workers = max(1, workers)
    }

    deinit { try? handle?.close() }

    /// The next lines' results, in order; nil at the end of the file.
    public func next() throws(ReadError) -> [Line]? {
        guard let cuts = try nextBlock() else { return nil }
        return parse(cuts: cuts)
    }

    /// Reads the next block into `buffer` and returns the ends of its lines (the last may end
    /// at the buffer's end); nil at the end of the file. The buffer holds them until the next call.
    func nextBlock() throws(ReadError) -> [Int]? {
        if consumed > 0 { buffer.removeSubrange(0..<consumed); consumed = 0 }
        while !finished {
            let carried = buffer.count
            guard fill() > 0 else {
                finished = true
                guard !buffer.isEmpty else { return nil }
                if lines == nil { lines = false }
                consumed = buffer.count
                return [buffer.count]
            }
            if lines == nil { lines = Self.isJSONLines(buffer) }
            guard lines == true else {
                // Not JSON Lines, or a first line not yet ended: gather it.
                if buffer.count > Self.maxLineBytes { throw .lineTooLong(line: 1) }
                continue
            }
            // The carried bytes hold no line end: the scan starts after them.
            var cuts: [Int] = []
            buffer.withUnsafeBufferPointer { b in
                var i = carried
                while let n = Self.lineEnd(b, from: i) { cuts.append(n); i = n + 1 }
            }
            guard let last = cuts.last else {
                if buffer.count > Self.maxLineBytes { throw .lineTooLong(line: lineNumber + 1) }
                continue
            }
            consumed = last + 1
            return cuts
        }
        return nil
    }

    /// Every line, batch by batch.
    public func forEach(_ body: ([Line]) throws -> Void) throws {
        while let batch = try next() { try body(batch) }
    }

    /// JSON Lines when the first line is a whole object (`{` … `}` on one line); a pretty-printed
    /// file's first line is `{` alone, a YAML file's is no object. Nil while the first line has
    /// not ended.
    static func isJSONLines(_ bytes: [UInt8]) -> Bool? {
        bytes.withUnsafeBufferPointer { isJSONLines($0) }
    }

    static func isJSONLines(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var start = 0
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { start = 3 }
        while start < b.count, b[start] == 32 || b[start] == 9 || b[start] == 13 || b[start] == 10 { start += 1 }
        guard start < b.count, b[start] == UInt8(ascii: "{") else { return false }
        guard var end = lineEnd(b, from: start) else { return nil }
        while end > start + 1, b[end - 1] == 32 || b[end - 1] == 9 || b[end - 1] == 13 { end -= 1 }
        return end > start + 1 && b[end - 1] == UInt8(ascii: "}")
    }

    /// The next line end at or after `from`: the plain scan the reader cannot beat.
    @inline(__always)
    static func lineEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < b.count, let base = b.baseAddress else { return nil }
        guard let p = memchr(base + from, 0x0A, b.count - from) else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    /// Parses the lines ending at `cuts` (the last may end at the buffer's end) across the workers.
    private func parse(cuts: [Int]) -> [Line] {
        let first = lineNumber + 1
        lineNumber += cuts.count
        let single = lines == false
        let parts = min(workers, cuts.count)
        var results = [[Line]](repeating: [], count: parts)
        let vocabulary = self.vocabulary
        buffer.withUnsafeBufferPointer { b in
            let input = Shared(b)
            results.withUnsafeMutableBufferPointer { out in
                let out = Shared(out)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    var mine: [Line] = []
                    let from = part * cuts.count / parts, to = (part + 1) * cuts.count / parts
                    mine.reserveCapacity(to - from)
                    var start = from == 0 ? 0 : cuts[from - 1] + 1
                    for k in from..<to {
                        let line = UnsafeBufferPointer(rebasing: input.value[start..<cuts[k]])
                        start = cuts[k] + 1
                        if !single && Self.isBlank(line) { continue }
                        mine.append(Line(number: first + k, result: ProjectFileReader.read(bytes: line, vocabulary: vocabulary)))
                    }
                    out.value[part] = mine
                }
            }
        }
        return results.count == 1 ? results[0] : results.flatMap { $0 }
    }

    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 32 || $0 == 13 || $0 == 9 }
    }

    /// Appends up to a block of the input to `buffer`; the count read, 0 at the end.
    private func fill() -> Int {
        let old = buffer.count
        if let handle {
            // Read straight into the buffer: no block copied on its way in.
            buffer.append(contentsOf: repeatElement(0, count: blockSize))
            var got = 0
            let fd = handle.fileDescriptor
            buffer.withUnsafeMutableBufferPointer { b in
                while got < blockSize {
                    let r = read(fd, b.baseAddress! + old + got, blockSize - got)
                    if r <= 0 { break }
                    got += r
                }
            }
            buffer.removeLast(blockSize - got)
            return got
        }
        guard let data, offset < data.count else { return 0 }
        let end = min(offset + blockSize, data.count)
        buffer.append(contentsOf: data[(data.startIndex + offset)..<(data.startIndex + end)])
        defer { offset = end }
        return end - offset
    }
}

/// Each worker reads the shared input and writes only its own element of the output.
struct Shared<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
