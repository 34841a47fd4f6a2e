import Dispatch
import Foundation
import Policy
import Tabular

/// The projects of a JSON Lines file (one project file — an enterprise and its projects — a
/// line), read as they are consumed: the file is read in blocks of a megabyte and each batch of
/// lines is validated on all cores, so memory stays flat whatever the size of the file and a
/// million projects do not wait on one core.
///
/// Rows are numbered by line (from 1), blank lines skipped, as an editor shows them.
final class JSONLinesRows: Sequence {
    let source: BlockSource
    let vocabulary: Vocabulary
    /// Bytes read but not yet split into lines (the start of a line the block cut).
    var carry: [UInt8] = []
    var lineNumber = 0
    var ready: [Result<ImportedRow, RowFailure>] = []
    var readyIndex = 0
    var finished = false
    let workers = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)

    init(source: TabularSource, vocabulary: Vocabulary) throws {
        self.source = try BlockSource(source)
        self.vocabulary = vocabulary
    }

    struct Iterator: IteratorProtocol {
        let rows: JSONLinesRows
        mutating func next() -> Result<ImportedRow, RowFailure>? { rows.next() }
    }

    func makeIterator() -> Iterator { Iterator(rows: self) }

    func next() -> Result<ImportedRow, RowFailure>? {
        while readyIndex == ready.count {
            if finished { return nil }
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            fill()
        }
        defer { readyIndex += 1 }
        return ready[readyIndex]
    }

    /// Reads the next block, cuts it into whole lines and validates them in parallel.
    func fill() {
        var lines: [(number: Int, bytes: ArraySlice<UInt8>)] = []
        let block = source.next()
        if block.isEmpty {
            finished = true
            if !carry.isEmpty {
                lineNumber += 1
                lines.append((lineNumber, carry[...]))
                carry = []
            }
        } else {
            carry.append(contentsOf: block)
            var start = carry.startIndex
            while let newline = carry[start...].firstIndex(of: 0x0A) {
                lineNumber += 1
                lines.append((lineNumber, carry[start..<newline]))
                start = newline + 1
            }
            carry = Array(carry[start...])
        }
        // Blank lines are not rows.
        lines.removeAll { $0.bytes.allSatisfy { $0 == 32 || $0 == 13 || $0 == 9 } }
        guard !lines.isEmpty else { return }

        let slices = Swift.min(workers, lines.count)
        var results = [[Result<ImportedRow, RowFailure>]](repeating: [], count: slices)
        let vocabulary = self.vocabulary
        let batch = lines
        results.withUnsafeMutableBufferPointer { out in
            let out = UncheckedBuffer(out)
            DispatchQueue.concurrentPerform(iterations: slices) { s in
                var mine: [Result<ImportedRow, RowFailure>] = []
                var i = s * batch.count / slices
                let end = (s + 1) * batch.count / slices
                while i < end {
                    Self.parse(batch[i].bytes, row: batch[i].number, vocabulary: vocabulary, into: &mine)
                    i += 1
                }
                out.buffer[s] = mine
            }
        }
        for r in results { ready.append(contentsOf: r) }
    }

    static func parse(_ bytes: ArraySlice<UInt8>, row: Int, vocabulary: Vocabulary, into out: inout [Result<ImportedRow, RowFailure>]) {
        switch ProjectFileReader.read(text: String(decoding: bytes, as: UTF8.self), vocabulary: vocabulary) {
        case .success(let file):
            for p in file.projects { out.append(.success(ImportedRow(row: row, enterprise: file.enterprise, project: p))) }
        case .failure(let failure):
            out.append(.failure(RowFailure(row: row, issues: failure.issues.map {
                CellIssue(column: $0.path, message: $0.message, path: $0.path)
            })))
        }
    }
}

/// Each worker writes only its own element.
private struct UncheckedBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

/// A file, or bytes in memory, handed out in blocks of about a megabyte.
final class BlockSource {
    static let blockSize = 1 << 20
    let handle: FileHandle?
    let data: Data?
    var offset = 0

    init(_ source: TabularSource) throws {
        switch source {
        case .file(let url):
            do { handle = try FileHandle(forReadingFrom: url) } catch {
                throw TabularError(row: nil, issues: [CellIssue(column: nil, message: LocalizedText(
                    zh: "无法读取文件 \(url.lastPathComponent)", en: "cannot read \(url.lastPathComponent)"))])
            }
            data = nil
        case .data(let d):
            handle = nil
            data = d
        }
    }

    deinit { try? handle?.close() }

    /// The next block; empty at the end.
    func next() -> [UInt8] {
        if let handle {
            return (try? handle.read(upToCount: Self.blockSize)).map { [UInt8]($0) } ?? []
        }
        guard let data, offset < data.count else { return [] }
        let end = min(offset + Self.blockSize, data.count)
        defer { offset = end }
        return [UInt8](data[(data.startIndex + offset)..<(data.startIndex + end)])
    }
}
