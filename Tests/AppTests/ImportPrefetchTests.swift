import Foundation
import Policy
@testable import Registry
import Tabular
import Testing

/// The import's read-ahead (`ChunkPrefetch`): the file's good rows in order, in chunks of the
/// job's size, the refused ones left out; stopping it ends the reading thread.
@Suite struct ImportPrefetchTests {
    static func rows(_ n: Int, failing: Set<Int> = []) -> AnySequence<Result<ImportedRow, RowFailure>> {
        let enterprise = Enterprise(creditCode: "91310000MA00000001", name: "企业", district: "pudong", industryCode: "C34")
        return AnySequence((1...n).map { i -> Result<ImportedRow, RowFailure> in
            failing.contains(i) ? .failure(RowFailure(row: i, issues: []))
                                : .success(ImportedRow(row: i, enterprise: enterprise, project: Project(id: "P\(i)")))
        })
    }

    @Test func chunksComeInTheFilesOrderWithoutTheRefusedRows() async {
        let prefetch = ChunkPrefetch(Self.rows(23, failing: [4, 17]), chunkSize: 5, depth: 2)
        defer { prefetch.stop() }
        var chunks: [[Int]] = []
        while let chunk = await prefetch.next() { chunks.append(chunk.map(\.row)) }
        #expect(chunks.map(\.count) == [5, 5, 5, 5, 1])
        let expected: [Int] = (1...23).filter { $0 != 4 && $0 != 17 }
        let read: [Int] = chunks.flatMap { $0 }
        #expect(read == expected)
    }

    @Test func anEmptyFileGivesNoChunk() async {
        let prefetch = ChunkPrefetch(AnySequence([]), chunkSize: 5)
        let chunk = await prefetch.next()
        #expect(chunk == nil)
    }

    @Test func stoppingEndsTheReadingThread() async {
        // Far more rows than the read-ahead holds: the thread waits for the writer, then stops.
        let prefetch = ChunkPrefetch(Self.rows(10_000), chunkSize: 10, depth: 2)
        let first = await prefetch.next()
        #expect(first?.map(\.row) == Array(1...10))
        prefetch.stop()
        let after = await prefetch.next()
        #expect(after == nil)
    }
}
