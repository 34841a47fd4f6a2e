import Foundation
import Policy

/// The rows of a table, validated, in order: a single-pass sequence (iterate it once).
public final class TabularRows: Sequence {
    public let header: TabularHeader
    let converter: RowConverter
    let pipe: RowPipe
    /// Converts batches on worker threads; nil when converting on the caller's thread.
    let pool: ConvertPool?
    var raw: ArraySlice<RawRow> = []
    var ready: [Result<ImportedRow, RowFailure>] = []
    var readyIndex = 0
    var finished = false

    init(format: TabularFormat, source: TabularSource, vocabulary: Vocabulary, parallel: Bool) throws {
        pipe = try RowPipe.start(format: format, source: source)
        // The header: the first row with a value.
        var headerRow: RawRow?
        var pending: ArraySlice<RawRow> = []
        while headerRow == nil {
            let (batch, failure) = pipe.take()
            guard let batch else {
                if let failure { throw TabularError(row: failure.row, issues: failure.issues) }
                throw TabularError(row: 1, zh: "文件为空：没有表头行", en: "the file is empty: no header row")
            }
            pending = batch[...]
            while let first = pending.first {
                pending = pending.dropFirst()
                if first.cells.contains(where: { !$0.trimmingCharacters(in: .tabularWhitespace).isEmpty }) {
                    headerRow = first
                    break
                }
            }
        }
        switch RowConverter.make(headerRow: headerRow!, vocabulary: vocabulary) {
        case .success(let c): converter = c
        case .failure(let e): pipe.cancel(); throw e
        }
        header = converter.header
        raw = pending
        let workers = ProcessInfo.processInfo.activeProcessorCount
        pool = parallel && workers > 1 ? ConvertPool(pipe: pipe, converter: converter, workers: workers) : nil
    }

    deinit {
        pipe.cancel()
        pool?.cancel()
    }

    public struct Iterator: IteratorProtocol {
        let rows: TabularRows
        public mutating func next() -> Result<ImportedRow, RowFailure>? { rows.next() }
    }

    public func makeIterator() -> Iterator { Iterator(rows: self) }

    func next() -> Result<ImportedRow, RowFailure>? {
        while readyIndex == ready.count {
            if finished { return nil }
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            if !raw.isEmpty {
                // The rest of the header's batch.
                for row in raw { if let r = converter.convert(row) { ready.append(r) } }
                raw = []
                continue
            }
            if let pool {
                let (results, failure) = pool.take()
                if let results { ready = results; continue }
                finished = true
                return failure.map { .failure($0) }
            }
            let (batch, failure) = pipe.take()
            guard let batch else {
                finished = true
                return failure.map { .failure($0) }
            }
            for row in batch { if let r = converter.convert(row) { ready.append(r) } }
        }
        defer { readyIndex += 1 }
        return ready[readyIndex]
    }
}
