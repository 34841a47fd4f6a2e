import Foundation
import Testing
@testable import Tabular

/// The import's one queue between threads: items come out in the order of their numbers
/// whoever fills them first, at most `capacity` wait, and the end carries its failure.
@Suite struct BoundedQueueTests {
    @Test func itemsComeOutInNumberOrderWhateverTheOrderTheyAreFilled() {
        let queue = BoundedQueue<String>(capacity: 4)
        let numbers = (0..<3).compactMap { _ in queue.reserve() }
        #expect(numbers == [0, 1, 2])
        queue.fill(2, "c")
        queue.fill(0, "a")
        queue.fill(1, "b")
        queue.close(nil)
        #expect(queue.take().0 == "a")
        #expect(queue.take().0 == "b")
        #expect(queue.take().0 == "c")
        let end = queue.take()
        #expect(end.0 == nil && end.1 == nil)
    }

    @Test func theEndCarriesItsFailureAndAReservedPlaceCanBeLeftOut() {
        let queue = BoundedQueue<Int>(capacity: 2)
        #expect(queue.put(7))
        let unused = queue.reserve()!
        let failure = RowFailure(row: 9, issues: [], endsImport: true)
        queue.close(failure, count: unused)
        #expect(queue.take().0 == 7)
        let end = queue.take()
        #expect(end.0 == nil && end.1 == failure)
        #expect(queue.reserve() == nil)
    }

    @Test func aFullQueueWaitsForTheConsumerAndCancelReleasesTheProducer() {
        let queue = BoundedQueue<Int>(capacity: 1)
        #expect(queue.put(1))
        let producer = Thread {
            // Blocks until the consumer has taken item 0, then is released by cancel.
            _ = queue.put(2)
            _ = queue.put(3)
        }
        producer.start()
        #expect(queue.take().0 == 1)
        #expect(queue.take().0 == 2)
        queue.cancel()
        #expect(queue.take().0 == nil)
        #expect(queue.isCancelled)
        #expect(!queue.put(4))
    }
}
