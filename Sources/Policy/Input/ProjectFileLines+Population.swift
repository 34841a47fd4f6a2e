import Dispatch

/// The bulk reader straight into a population (`simulate --file`, the benchmarks): each block's
/// lines split among the cores, each core scanning its lines into its own part of the population
/// (`ProjectLineScanner`) and handing any line the scanner declines to `ProjectFileReader`,
/// whose projects it lays out with `PopulationBuilder.append` and whose refusal it keeps; the
/// parts are then joined in line order. The population and the refusals are those of reading
/// every line with `ProjectFileReader` and laying it out in order (a test holds them equal).
extension ProjectFileLines {
    /// Lays the next block's lines out into `builder`; returns the lines refused (in order,
    /// with every issue), or nil at the end of the file.
    public func nextPopulation(into builder: inout PopulationBuilder) throws(ReadError) -> [Line]? {
        guard let cuts = try nextBlock() else { return nil }
        let first = lineNumber + 1
        lineNumber += cuts.count
        let single = lines == false
        // More shares than cores, taken as cores come free: a core the machine takes away for
        // a while holds up one small share, not half the block.
        let count = min(workers * Self.sharesPerCore, cuts.count)
        if parts.isEmpty {
            let tables = ProjectLineTables(vocabulary: vocabulary, categoryIds: builder.population.categoryIds,
                                           districtIds: builder.population.districtIds)
            parts = (0..<(workers * Self.sharesPerCore)).map { _ in Part(builder: builder.peer(), scanner: ProjectLineScanner(tables: tables)) }
        }
        let vocabulary = self.vocabulary
        buffer.withUnsafeBufferPointer { b in
            let input = Shared(b)
            parts.withUnsafeMutableBufferPointer { out in
                let out = Shared(out)
                Self.perform(count, on: workers) { part in
                    // Each share is worked on by one core, moved out of the shared array onto
                    // the core's own stack and back (moved, not copied: its columns stay uniquely
                    // held). Worked on in place, neighbouring shares' fields — the scanner's
                    // position, written at every byte — shared cache lines between the cores.
                    let slot = out.value.baseAddress! + part
                    var mine = slot.move()
                    defer { slot.initialize(to: mine) }
                    let from = part * cuts.count / count, to = (part + 1) * cuts.count / count
                    var start = from == 0 ? 0 : cuts[from - 1] + 1
                    for k in from..<to {
                        let line = UnsafeBufferPointer(rebasing: input.value[start..<cuts[k]])
                        start = cuts[k] + 1
                        if !single && Self.isBlank(line) { continue }
                        if !single, mine.scanner.scan(line, into: &mine.builder) { mine.fast += 1; continue }
                        mine.general += 1
                        switch ProjectFileReader.read(bytes: line, vocabulary: vocabulary) {
                        case .success(let file):
                            for p in file.projects { mine.builder.append(p, enterprise: file.enterprise) }
                        case .failure(let failure):
                            mine.refused.append(Line(number: first + k, result: .failure(failure)))
                        }
                    }
                }
            }
        }
        var refused: [Line] = []
        for k in 0..<count {
            builder.append(contentsOf: parts[k].builder.population)
            refused += parts[k].refused
            fastLines += parts[k].fast
            generalLines += parts[k].general
            parts[k].reset()
        }
        return refused
    }

    /// Every line into `builder`; `refused` sees each block's refused lines (throw to stop).
    public func readPopulation(into builder: inout PopulationBuilder, refused: ([Line]) throws -> Void = { _ in }) throws {
        while let lines = try nextPopulation(into: &builder) { if !lines.isEmpty { try refused(lines) } }
    }

    static let sharesPerCore = 4

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
    /// the industry table kept, the join maps industries by code).
    struct Part {
        var builder: PopulationBuilder
        var scanner: ProjectLineScanner
        var refused: [Line] = []
        var fast = 0, general = 0

        mutating func reset() {
            builder.population.truncate(to: Population.Mark(projects: 0, loans: 0, interest: 0, leases: 0, products: 0, items: 0))
            builder.population.count = 0
            if !builder.population.planChecks.isEmpty { builder.population.planChecks.removeAll(keepingCapacity: true) }
            if !refused.isEmpty { refused.removeAll() }
            fast = 0
            general = 0
        }
    }
}
