import Foundation
import Policy
import Tabular

/// The projects of a JSON Lines file (one project file — an enterprise and its projects — a
/// line), read as they are consumed through the engine's one bulk reader (`ProjectFileLines`:
/// blocks of the file, each block's lines checked on all cores), so memory stays flat whatever
/// the size of the file and a million projects do not wait on one core.
///
/// Rows are numbered by line (from 1), blank lines skipped, as an editor shows them.
final class JSONLinesRows: Sequence {
    let lines: ProjectFileLines
    var ready: [Result<ImportedRow, RowFailure>] = []
    var readyIndex = 0
    var finished = false

    init(source: TabularSource, vocabulary: Vocabulary) throws {
        switch source {
        case .file(let url):
            do { lines = try ProjectFileLines(path: url.path, vocabulary: vocabulary, jsonLines: true) } catch {
                throw TabularError(row: nil, issues: [CellIssue(column: nil, message: LocalizedText(
                    zh: "无法读取文件 \(url.lastPathComponent)", en: "cannot read \(url.lastPathComponent)"))])
            }
        case .data(let d):
            lines = ProjectFileLines(data: d, vocabulary: vocabulary, jsonLines: true)
        }
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

    /// The next block's lines as rows: a project file's projects each a row, a refused line one failure.
    func fill() {
        let batch: [ProjectFileLines.Line]?
        do { batch = try lines.next() } catch {
            ready.append(.failure(RowFailure(row: error.line ?? 0, issues: [CellIssue(column: nil, message: error.message)], endsImport: true)))
            finished = true
            return
        }
        guard let batch else { finished = true; return }
        for line in batch {
            switch line.result {
            case .success(let file):
                for p in file.projects { ready.append(.success(ImportedRow(row: line.number, enterprise: file.enterprise, project: p))) }
            case .failure(let failure):
                ready.append(.failure(RowFailure(row: line.number, issues: failure.issues.map {
                    CellIssue(column: $0.path, message: $0.message, path: $0.path)
                })))
            }
        }
    }
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
