import Dispatch
import Foundation

/// The bulk reader straight into a population (`simulate --file`, the benchmarks): each block
/// split among the cores by bytes (`takeLines`), each core scanning the lines of its share into
/// its own part of the population (`ProjectLineScanner`) and handing any line the scanner
/// declines to `ProjectFileReader`, whose projects it lays out with `PopulationBuilder.append`
/// and whose refusal it keeps; the parts are then joined in line order. The population and the
/// refusals are those of reading every line with `ProjectFileReader` and laying it out in order
/// (a test holds them equal).
///
/// A regular file of JSON Lines is read by position, each share its own bytes; anything else
/// (bytes in memory, a pipe, a file that is one pretty-printed or YAML project file) through
/// the stream reader's blocks, each block's bytes then split among the shares the same way.
extension ProjectFileLines {
    /// Lays the next block's lines out into `builder`; returns the lines refused (in order,
    /// with every issue), or nil at the end of the file.
    public func nextPopulation(into builder: inout PopulationBuilder) throws(ReadError) -> [Line]? {
        if let error = pending {
            pending = nil
            throw error
        }
        if parts.isEmpty {
            let tables = ProjectLineTables(vocabulary: vocabulary, categoryIds: builder.population.categoryIds,
                                           districtIds: builder.population.districtIds)
            parts = (0..<(workers * Self.sharesPerCore)).map { _ in Part(builder: builder.peer(), scanner: ProjectLineScanner(tables: tables)) }
        }
        if !readsDecided {
            byPosition = try openByPosition()
            readsDecided = true
        }
        if let file = byPosition {
            guard file.position < file.size else { return nil }
            let to = min(file.position + blockSize, file.size)
            take(from: file.position, to: to, size: file.size, source: .file(handle!.fileDescriptor))
            let end = parts.reduce(to) { max($0, $1.end) }
            byPosition = (file.size, end)
            let refused = join(into: &builder)
            // The first block says how large the population will be: room for it, once.
            if file.position == 0 { builder.reserve(scaling: file.size, over: end) }
            return refused
        }
        guard let cuts = try nextBlock() else { return nil }
        guard lines == true else {
            // Not JSON Lines: the whole input is one project file, for the general reader.
            parts[0].lines = 1
            buffer.withUnsafeBufferPointer { b in parts[0].take(UnsafeBufferPointer(rebasing: b[0..<cuts[0]]), number: 1, vocabulary: vocabulary, whole: true) }
            return join(into: &builder, shares: 1)
        }
        // The block's whole lines, through the end of the last.
        let size = min(cuts[cuts.count - 1] + 1, buffer.count)
        buffer.withUnsafeBytes { b in take(from: 0, to: size, size: size, source: .memory(b)) }
        return join(into: &builder)
    }

    /// Every line into `builder`; `refused` sees each block's refused lines (throw to stop).
    public func readPopulation(into builder: inout PopulationBuilder, refused: ([Line]) throws -> Void = { _ in }) throws {
        while let lines = try nextPopulation(into: &builder) { if !lines.isEmpty { try refused(lines) } }
    }

    static let sharesPerCore = 4

    /// A regular file whose first line shows JSON Lines, to read by position: its size, and the
    /// first block at its start. Nil otherwise: the stream reader's (which then reads from the
    /// start, as `pread` moves no file offset).
    private func openByPosition() throws(ReadError) -> (size: Int, position: Int)? {
        guard let handle, lines != false else { return nil }
        var status = stat()
        guard fstat(handle.fileDescriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        if lines == nil {
            // The first line, as far as it takes to see whether it is a whole object.
            let window = Window()
            var length = 1 << 16
            while true {
                window.load(handle.fileDescriptor, from: 0, to: min(length, size))
                let bytes = UnsafeBufferPointer(start: window.base.assumingMemoryBound(to: UInt8.self), count: window.count)
                if let decided = Self.isJSONLines(bytes) {
                    guard decided else { return nil }
                    break
                }
                // Not ended within the file or the longest line: the stream reader decides.
                guard window.count < size, length <= Self.maxLineBytes else { return nil }
                length *= 2
            }
            lines = true
        }
        return (size, 0)
    }

    /// The lines starting in `from ..< to` of the input, a share of the range to each part, on the cores.
    private func take(from: Int, to: Int, size: Int, source: Source) {
        let count = parts.count
        let vocabulary = self.vocabulary
        parts.withUnsafeMutableBufferPointer { out in
            let out = Shared(out)
            Self.perform(count, on: workers) { part in
                // Each share is worked on by one core, moved out of the shared array onto the
                // core's own stack and back (moved, not copied: its columns stay uniquely held).
                // Worked on in place, neighbouring shares' fields — the scanner's position,
                // written at every byte — shared cache lines between the cores.
                let slot = out.value.baseAddress! + part
                var mine = slot.move()
                defer { slot.initialize(to: mine) }
                let length = to - from
                Self.takeLines(&mine, from: from + part * length / count, to: from + (part + 1) * length / count,
                               size: size, source: source, vocabulary: vocabulary)
            }
        }
    }

    /// The shares' parts joined into `builder` in order, their refused lines numbered; a line
    /// too long ends the read after the lines before it (thrown on the next call).
    private func join(into builder: inout PopulationBuilder, shares: Int? = nil) -> [Line] {
        var refused: [Line] = []
        var before = lineNumber
        for k in 0..<(shares ?? parts.count) {
            let part = parts[k]
            builder.append(contentsOf: part.builder.population)
            refused += part.refused.map { Line(number: before + $0.number, result: $0.result) }
            fastLines += part.fast
            generalLines += part.general
            if let long = part.tooLong {
                pending = .lineTooLong(line: before + long)
                byPosition = byPosition.map { ($0.size, $0.size) }
                finished = true
                for j in k..<parts.count { parts[j].reset() }
                lineNumber = before + long
                return refused
            }
            before += part.lines
            parts[k].reset()
        }
        lineNumber = before
        return refused
    }

    /// `work` for each share: on the calling thread alone for one worker (the shares outnumber
    /// the workers, and Dispatch would spread them over every core), else across the cores.
    static func perform(_ iterations: Int, on workers: Int, _ work: @Sendable (Int) -> Void) {
        if workers == 1 {
            for k in 0..<iterations { work(k) }
        } else {
            DispatchQueue.concurrentPerform(iterations: iterations, execute: work)
        }
    }

    /// One share of a block: its columns, emptied after each join (their capacity and
    /// the industry table kept, the join maps industries by code), and its bytes' buffer.
    struct Part {
        var builder: PopulationBuilder
        var scanner: ProjectLineScanner
        let window = Window()
        /// Refused lines, numbered from the share's first line (1).
        var refused: [Line] = []
        var fast = 0, general = 0
        /// Lines that started in the share's range; where the last ended; a line too long.
        var lines = 0, end = 0
        var tooLong: Int?

        /// One line (numbered from the share's first): blank, laid out by the scanner, or read by
        /// the general reader. `whole`: the input is one project file, never the scanner's.
        mutating func take(_ line: UnsafeBufferPointer<UInt8>, number: Int, vocabulary: Vocabulary, whole: Bool = false) {
            if !whole {
                if ProjectFileLines.isBlank(line) { return }
                if scanner.scan(line, into: &builder) { fast += 1; return }
            }
            general += 1
            switch ProjectFileReader.read(bytes: line, vocabulary: vocabulary) {
            case .success(let file):
                for p in file.projects { builder.append(p, enterprise: file.enterprise) }
            case .failure(let failure):
                refused.append(Line(number: number, result: .failure(failure)))
            }
        }

        mutating func reset() {
            builder.population.truncate(to: Population.Mark(projects: 0, loans: 0, interest: 0, leases: 0, products: 0, items: 0))
            builder.population.count = 0
            if !builder.population.planChecks.isEmpty { builder.population.planChecks.removeAll(keepingCapacity: true) }
            if !refused.isEmpty { refused.removeAll() }
            fast = 0
            general = 0
            lines = 0
            end = 0
            tooLong = nil
        }
    }
}
