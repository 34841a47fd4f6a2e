import Foundation
import Tabular

/// The import's second pass reads the file a chunk ahead, on a thread of its own, while the
/// chunk before is written: reading (the reader parses and checks on all cores) and the
/// database's work overlap instead of taking turns — on SQLite the database works on one core and
/// the other would wait; on PostgreSQL the server works while the client would wait.
///
/// At most `depth` chunks wait to be written, so memory stays flat in the file's size. The rows
/// come out in the file's order, the refused ones left out (pass 1 refused the file if any was).
final class ChunkPrefetch: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var ready: [[ImportedRow]] = []
    private var finished = false
    private var stopped = false
    private let depth: Int

    /// The sequence is only touched on the reading thread from here on.
    private final class Rows: @unchecked Sendable {
        let sequence: AnySequence<Result<ImportedRow, RowFailure>>
        init(_ sequence: AnySequence<Result<ImportedRow, RowFailure>>) { self.sequence = sequence }
    }

    init(_ rows: AnySequence<Result<ImportedRow, RowFailure>>, chunkSize: Int, depth: Int = 2) {
        self.depth = max(1, depth)
        let rows = Rows(rows)
        let size = max(1, chunkSize)
        let thread = Thread { [self] in
            var chunk: [ImportedRow] = []
            chunk.reserveCapacity(size)
            for row in rows.sequence {
                guard case .success(let r) = row else { continue }
                chunk.append(r)
                if chunk.count == size {
                    if !put(chunk) { return }
                    chunk = []
                    chunk.reserveCapacity(size)
                }
            }
            if !chunk.isEmpty { _ = put(chunk) }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "import-prefetch"
        thread.start()
    }

    /// Hands a chunk over, waiting while `depth` are waiting; false once the writer has stopped.
    private func put(_ chunk: [ImportedRow]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= depth, !stopped { condition.wait() }
        if stopped { return false }
        ready.append(chunk)
        condition.broadcast()
        return true
    }

    /// The next chunk, or nil at the end of the file. The wait is on a thread outside Swift's
    /// cooperative pool, which must never block.
    func next() async -> [ImportedRow]? {
        await withCheckedContinuation { (continuation: CheckedContinuation<[ImportedRow]?, Never>) in
            DispatchQueue.global().async { [self] in
                condition.lock()
                while ready.isEmpty, !finished, !stopped { condition.wait() }
                let chunk = ready.isEmpty ? nil : ready.removeFirst()
                condition.broadcast()
                condition.unlock()
                continuation.resume(returning: chunk)
            }
        }
    }

    /// Stops the reading thread (the writer failed or was cancelled): it ends at its next chunk.
    func stop() {
        condition.lock()
        stopped = true
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    deinit { stop() }
}
