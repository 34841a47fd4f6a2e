import Foundation
import Policy

/// `--read-file FILE`: the bulk reader (`ProjectFileLines`, every check of `match`), straight into a
/// population (the fast path, `simulate --file`) and into project files (the general reader), beside a
/// plain scan of the same bytes for line ends — the most any line reader can do — in MB/s, on
/// one core and on all. Each figure is the best of three passes (the file is in the page cache
/// after the first), so the ratio is of work, not of the disk. `--fast-path-only` leaves out the
/// general reader (tens of seconds at a million projects), for profiling the fast path.
enum ReaderSpeed {
    static func run(path: String, fastPathOnly: Bool = false) throws {
        let library = try PolicyLibraryLoader.loadDefault()
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let mb = Double(size) / 1_048_576
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var lineEnds = 0
        let scan = try best { lineEnds = try scanLineEnds(path) }
        var projects = 0, refused = 0
        func read(_ workers: Int) throws {
            projects = 0; refused = 0
            try ProjectFileLines(path: path, vocabulary: library.vocabulary, workers: workers).forEach { lines in
                for line in lines {
                    switch line.result {
                    case .success(let file): projects += file.projects.count
                    case .failure: refused += 1
                    }
                }
            }
        }
        var fast = 0, general = 0
        func layOut(_ workers: Int) throws {
            var builder = try PopulationBuilder(vocabulary: library.vocabulary)
            let reader = try ProjectFileLines(path: path, vocabulary: library.vocabulary, workers: workers)
            try reader.readPopulation(into: &builder) { refused += $0.count }
            projects = builder.population.count
            fast = reader.fastLines; general = reader.generalLines
        }
        let popOne = try best { refused = 0; try layOut(1) }
        let popAll = try best { refused = 0; try layOut(cores) }
        print(String(format: "reader: %@, %.1f MB, %d lines, %d projects, %d refused lines", path, mb, lineEnds, projects, refused))
        print(String(format: "  plain scan for line ends (1 core):        %8.3f s  %7.0f MB/s", scan, mb / scan))
        print(String(format: "  into a population (fast path), 1 core:   %8.3f s  %7.0f MB/s per core", popOne, mb / popOne))
        print(String(format: "  into a population (fast path), %d cores:  %8.3f s  %7.0f MB/s (%.0f MB/s per core)", cores, popAll, mb / popAll, mb / popAll / Double(cores)))
        print("    \(fast) lines by the fast path, \(general) by the general reader")
        print(String(format: "  fast path per core / plain scan: %.3f", (mb / popOne) / (mb / scan)))
        guard !fastPathOnly else { return }
        let one = try best { try read(1) }
        let all = try best { try read(cores) }
        print(String(format: "  ProjectFileLines, 1 core:                 %8.3f s  %7.0f MB/s per core", one, mb / one))
        print(String(format: "  ProjectFileLines, %d cores:                %8.3f s  %7.0f MB/s (%.0f MB/s per core)", cores, all, mb / all, mb / all / Double(cores)))
        print(String(format: "  reader per core / plain scan: %.3f", (mb / one) / (mb / scan)))
    }

    static func best(_ body: () throws -> Void) rethrows -> Double {
        var b = Double.infinity
        let clock = ContinuousClock()
        for _ in 0..<3 {
            let start = clock.now
            try body()
            b = min(b, PopulationFile.seconds(clock.now - start))
        }
        return b
    }

    /// Reads the file in the reader's block size into one buffer, reused, and counts line ends
    /// with memchr: nothing allocated or zero-filled per block, the least reading can cost.
    static func scanLineEnds(_ path: String) throws -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        defer { try? handle.close() }
        let size = ProjectFileLines.blockSize
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        defer { buffer.deallocate() }
        var count = 0
        while true {
            let got = read(handle.fileDescriptor, buffer, size)
            guard got > 0 else { break }
            var p = UnsafeRawPointer(buffer)
            let end = p + got
            while p < end, let hit = memchr(p, 0x0A, end - p) {
                count += 1
                p = UnsafeRawPointer(hit) + 1
            }
        }
        return count
    }
}
