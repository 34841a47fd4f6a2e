import Foundation
import Policy

/// Worker threads that take batches of raw rows from the pipe as they come, convert them, and
/// hand the results out in the order of the batches, a bounded number ahead of the reader.
final class ConvertPool: @unchecked Sendable {
    let pipe: RowPipe
    let converter: RowConverter
    let results = BoundedQueue<[Result<ImportedRow, RowFailure>]>(capacity: 8)
    /// One worker at a time takes from the pipe, so that batches are numbered in file order.
    let taking = NSLock()

    init(pipe: RowPipe, converter: RowConverter, workers: Int) {
        self.pipe = pipe
        self.converter = converter
        for _ in 0..<workers {
            let thread = Thread { [self] in work() }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    func work() {
        while true {
            taking.lock()
            // Not too far ahead of the reader: wait for a place before taking a batch.
            guard let number = results.reserve() else { taking.unlock(); return }
            let (batch, failure) = pipe.take()
            guard let batch else {
                // The place reserved stays empty: the queue ends before it.
                results.close(failure, count: number)
                taking.unlock()
                return
            }
            taking.unlock()
            var converted: [Result<ImportedRow, RowFailure>] = []
            converted.reserveCapacity(batch.count)
            for row in batch { if let r = converter.convert(row) { converted.append(r) } }
            results.fill(number, converted)
        }
    }

    /// The next batch's results in order, or nil at the end (with the failure that ended the
    /// file early, if any).
    func take() -> ([Result<ImportedRow, RowFailure>]?, RowFailure?) { results.take() }

    func cancel() { results.cancel() }
}
