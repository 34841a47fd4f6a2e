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
    ///
    /// The join runs a block behind: the shares of the previous block are joined into `builder`
    /// on one core while the next block's are scanned on the others (so no core waits for the
    /// join), and the lines returned are those the previous block refused (none for the first,
    /// the last block's at the end).
    public func nextPopulation(into builder: inout PopulationBuilder) throws(ReadError) -> [Line]? {
        if let error = pending {
            pending = nil
            throw error
        }
        if parts.isEmpty {
            let tables = ProjectLineTables(vocabulary: vocabulary, categoryIds: builder.population.categoryIds,
                                           districtIds: builder.population.districtIds)
            let shares = workers * Self.sharesPerCore
            parts = (0..<shares).map { _ in Part(builder: builder.peer(), scanner: ProjectLineScanner(tables: tables)) }
            waiting = (0..<shares).map { _ in Part(builder: builder.peer(), scanner: ProjectLineScanner(tables: tables)) }
        }
        if !readsDecided {
            byPosition = try openByPosition()
            readsDecided = true
        }
        var joined: Joined?
        var scanned = false
        if let file = byPosition {
            if file.position < file.size {
                let to = min(file.position + blockSize, file.size)
                joined = take(from: file.position, to: to, size: file.size, source: .file(handle!.fileDescriptor), joining: &builder)
                let end = parts.reduce(to) { max($0, $1.end) }
                byPosition = (file.size, end)
                // The first block says how large the population will be: room for it, once, when it is joined.
                if file.position == 0 { reserveFor = (file.size, end) }
                scanned = true
            }
        } else if let cuts = try streamBlock(joiningFirst: &builder) {
            guard lines == true else {
                // Not JSON Lines: the whole input is one project file, for the general reader.
                parts[0].lines = 1
                buffer.withUnsafeBufferPointer { b in parts[0].take(UnsafeBufferPointer(rebasing: b[0..<cuts[0]]), number: 1, vocabulary: vocabulary, whole: true) }
                let whole = parts.withUnsafeMutableBufferPointer { Self.join(UnsafeMutableBufferPointer(rebasing: $0[0..<1]), into: &builder, after: lineNumber, reserve: nil) }
                return settle(whole)
            }
            // The block's whole lines, through the end of the last.
            let size = min(cuts[cuts.count - 1] + 1, buffer.count)
            joined = buffer.withUnsafeBytes { b in take(from: 0, to: size, size: size, source: .memory(b), joining: &builder) }
            scanned = true
        }
        if scanned {
            swap(&parts, &waiting)
            isWaiting = true
        } else {
            // A failure kept behind the last block's refused lines, which go out first.
            if let lines = held {
                held = nil
                return lines
            }
            // The end of the input: the last block's shares, joined now.
            guard isWaiting else { return nil }
            joined = waiting.withUnsafeMutableBufferPointer { Self.join($0, into: &builder, after: lineNumber, reserve: takeReserve()) }
            isWaiting = false
        }
        guard let joined else { return [] }
        return settle(joined)
    }

    /// The stream reader's next block. When it fails (a line too long) with a block waiting,
    /// that block is joined first and the failure kept for the next call (`pending`, after the
    /// waiting block's refused lines are returned): the lines before it are out, as by position.
    private func streamBlock(joiningFirst builder: inout PopulationBuilder) throws(ReadError) -> [Int]? {
        do {
            return try nextBlock()
        } catch {
            guard isWaiting else { throw error }
            let joined = waiting.withUnsafeMutableBufferPointer { Self.join($0, into: &builder, after: lineNumber, reserve: takeReserve()) }
            isWaiting = false
            held = settle(joined)
            pending = error
            return nil
        }
    }

    /// What a join found, into the reader's counts; a line too long ends the read after the
    /// lines before it (thrown on the next call), and drops whatever was scanned after it.
    private func settle(_ joined: Joined) -> [Line] {
        lineNumber += joined.lines
        fastLines += joined.fast
        generalLines += joined.general
        if let long = joined.tooLong {
            pending = .lineTooLong(line: long)
            byPosition = byPosition.map { ($0.size, $0.size) }
            finished = true
            for k in waiting.indices { waiting[k].reset() }
            isWaiting = false
        }
        return joined.refused
    }

    /// The room to reserve at the first join, once.
    private func takeReserve() -> (total: Int, done: Int)? {
        defer { reserveFor = nil }
        return reserveFor
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

    /// The lines starting in `from ..< to` of the input, a share of the range to each part, on
    /// the cores; the shares waiting from the last block joined into `builder` at the same time,
    /// on one of them (what that join found, nil when none was waiting).
    private func take(from: Int, to: Int, size: Int, source: Source, joining builder: inout PopulationBuilder) -> Joined? {
        let count = parts.count
        let vocabulary = self.vocabulary
        // The join is the first task handed out, so that it runs beside the scanning, not after it.
        let join = isWaiting ? 1 : 0
        let after = lineNumber
        let reserve = join == 1 ? takeReserve() : nil
        var joined: Joined?
        parts.withUnsafeMutableBufferPointer { out in
            waiting.withUnsafeMutableBufferPointer { wait in
                withUnsafeMutablePointer(to: &builder) { builder in
                    withUnsafeMutablePointer(to: &joined) { joined in
                        let out = Shared(out), wait = Shared(wait), builder = Shared(builder), result = Shared(joined)
                        Self.perform(count + join, on: workers) { task in
                            guard task >= join else {
                                result.value.pointee = Self.join(wait.value, into: &builder.value.pointee, after: after, reserve: reserve)
                                return
                            }
                            // Each share is worked on by one core, moved out of the shared array onto the
                            // core's own stack and back (moved, not copied: its columns stay uniquely held).
                            // Worked on in place, neighbouring shares' fields — the scanner's position,
                            // written at every byte — shared cache lines between the cores.
                            let part = task - join
                            let slot = out.value.baseAddress! + part
                            var mine = slot.move()
                            defer { slot.initialize(to: mine) }
                            let length = to - from
                            Self.takeLines(&mine, from: from + part * length / count, to: from + (part + 1) * length / count,
                                           size: size, source: source, vocabulary: vocabulary)
                        }
                    }
                }
            }
        }
        return joined
    }

    /// What joining a block's shares found: the refused lines numbered, the lines joined, a
    /// line too long (its number; the shares after it are dropped).
    struct Joined {
        var refused: [Line] = []
        var lines = 0
        var fast = 0, general = 0
        var tooLong: Int?
    }

    /// The shares joined into `builder` in order (`after`: the lines before them), each emptied;
    /// then, after the first block, room reserved for the whole population.
    static func join(_ parts: UnsafeMutableBufferPointer<Part>, into builder: inout PopulationBuilder, after: Int,
                     reserve: (total: Int, done: Int)?) -> Joined {
        var joined = Joined()
        for k in parts.indices {
            if joined.tooLong != nil { parts[k].reset(); continue }
            let before = after + joined.lines
            builder.append(contentsOf: parts[k].builder.population)
            joined.refused += parts[k].refused.map { Line(number: before + $0.number, result: $0.result) }
            joined.fast += parts[k].fast
            joined.general += parts[k].general
            if let long = parts[k].tooLong {
                joined.tooLong = before + long
                joined.lines += long - 1
            } else {
                joined.lines += parts[k].lines
            }
            parts[k].reset()
        }
        if let reserve { builder.reserve(scaling: reserve.total, over: reserve.done) }
        return joined
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
