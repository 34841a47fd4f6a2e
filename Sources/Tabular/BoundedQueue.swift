import Foundation

/// A queue between threads that holds at most `capacity` items not yet taken, hands them out in
/// the order of their numbers, and ends with an optional failure. The import uses it twice: raw
/// rows from the parsing thread (numbered as they are put), and converted batches from the worker
/// threads (numbered when a worker takes the raw batch, filled when it is done, so that results
/// come out in file order whichever worker finishes first).
final class BoundedQueue<Element>: @unchecked Sendable {
    let capacity: Int
    private let condition = NSCondition()
    private var items: [Int: Element] = [:]
    /// Numbers handed out by `reserve`, and taken by `take`.
    private var reserved = 0
    private var delivered = 0
    /// The count of items, once the producer has closed the queue.
    private var total: Int?
    private var failure: RowFailure?
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// The number of the next item, once fewer than `capacity` wait to be taken; nil when the
    /// queue was cancelled or closed (stop producing).
    func reserve() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && total == nil && reserved - delivered >= capacity { condition.wait() }
        if cancelled || total != nil { return nil }
        reserved += 1
        return reserved - 1
    }

    /// Puts the item of a reserved number.
    func fill(_ number: Int, _ item: Element) {
        condition.lock()
        items[number] = item
        condition.broadcast()
        condition.unlock()
    }

    /// Reserves and fills at once; false when the consumer has gone.
    func put(_ item: Element) -> Bool {
        guard let number = reserve() else { return false }
        fill(number, item)
        return true
    }

    /// No more items after the first `count` (those reserved so far by default); `failure` says
    /// why the input ended early.
    func close(_ failure: RowFailure?, count: Int? = nil) {
        condition.lock()
        if total == nil {
            total = count ?? reserved
            self.failure = failure
        }
        condition.broadcast()
        condition.unlock()
    }

    /// The next item in order, or nil at the end (with the failure that ended it, if any).
    func take() -> (Element?, RowFailure?) {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && items[delivered] == nil && !(total.map { delivered >= $0 } ?? false) { condition.wait() }
        if !cancelled, let item = items.removeValue(forKey: delivered) {
            delivered += 1
            condition.broadcast()
            return (item, nil)
        }
        return (nil, failure)
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
