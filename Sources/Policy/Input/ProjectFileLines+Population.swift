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
        guard let (bytes, cuts) = try nextBlock() else { return nil }
        let first = lineNumber + 1
        lineNumber += cuts.count
        let single = lines == false
        let parts = min(workers, cuts.count)
        let tables = self.tables ?? ProjectLineTables(vocabulary: vocabulary, categoryIds: builder.population.categoryIds,
                                                      districtIds: builder.population.districtIds)
        self.tables = tables
        let vocabulary = self.vocabulary
        let peer = builder.peer()
        var results = [Part](repeating: Part(builder: peer), count: parts)
        bytes.withUnsafeBufferPointer { b in
            let input = Shared(b)
            results.withUnsafeMutableBufferPointer { out in
                let out = Shared(out)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    var mine = Part(builder: peer)
                    var scanner = ProjectLineScanner(tables: tables)
                    let from = part * cuts.count / parts, to = (part + 1) * cuts.count / parts
                    var start = from == 0 ? 0 : cuts[from - 1] + 1
                    for k in from..<to {
                        let line = UnsafeBufferPointer(rebasing: input.value[start..<cuts[k]])
                        start = cuts[k] + 1
                        if !single && Self.isBlank(line) { continue }
                        if !single, scanner.scan(line, into: &mine.builder) { mine.fast += 1; continue }
                        mine.general += 1
                        switch ProjectFileReader.read(bytes: line, vocabulary: vocabulary) {
                        case .success(let file):
                            for p in file.projects { mine.builder.append(p, enterprise: file.enterprise) }
                        case .failure(let failure):
                            mine.refused.append(Line(number: first + k, result: .failure(failure)))
                        }
                    }
                    out.value[part] = mine
                }
            }
        }
        var refused: [Line] = []
        for part in results {
            builder.append(contentsOf: part.builder.population)
            refused += part.refused
            fastLines += part.fast
            generalLines += part.general
        }
        return refused
    }

    /// Every line into `builder`; `refused` sees each block's refused lines (throw to stop).
    public func readPopulation(into builder: inout PopulationBuilder, refused: ([Line]) throws -> Void = { _ in }) throws {
        while let lines = try nextPopulation(into: &builder) { if !lines.isEmpty { try refused(lines) } }
    }

    /// One core's share of a block.
    struct Part {
        var builder: PopulationBuilder
        var refused: [Line] = []
        var fast = 0, general = 0
    }
}
