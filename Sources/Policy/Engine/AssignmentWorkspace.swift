/// The contract-assignment search on flat, reusable buffers: the one implementation behind both
/// `ContractAssignmentSearch` (one project, rich results) and the batch engine (millions of
/// projects, no allocation per project once the buffers have grown).
///
/// Fill it with `reset`, `setCap` and `addContract`/`addOption`, then `run()`; read `choice`,
/// `total`, `instrumentCount`, `nodes`, `exhaustive`.
struct AssignmentWorkspace {
    // Input.
    private(set) var instrumentCount = 0
    private var caps: [Int64] = []
    private var optionStart: [Int] = [0]
    private var optionInstrument: [Int] = []
    private var optionValue: [Int64] = []
    var nodeBudget = 1 << 21

    // Output.
    /// Per contract: the chosen instrument position, or -1 when it has no option.
    private(set) var choice: [Int] = []
    private(set) var total: Int64 = 0
    private(set) var usedCount = 0
    private(set) var nodes = 0
    private(set) var exhaustive = true

    // Scratch.
    private var sums: [Int64] = []
    private var used: [Int] = []
    private var current: [Int] = []
    private var searched: [Int] = []
    private var remaining: [Int64] = []   // (searched.count + 1) × m
    private var reach: [Bool] = []        // (searched.count + 1) × m
    private var bestRemaining: [Int64] = []
    private var hasBest = false
    private var cut = false

    static let uncapped = Int64.max

    mutating func reset(instruments m: Int) {
        instrumentCount = m
        caps.removeAll(keepingCapacity: true)
        caps.append(contentsOf: repeatElement(Self.uncapped, count: m))
        optionStart.removeAll(keepingCapacity: true)
        optionStart.append(0)
        optionInstrument.removeAll(keepingCapacity: true)
        optionValue.removeAll(keepingCapacity: true)
    }

    mutating func setCap(_ instrument: Int, _ cap: Int64) { caps[instrument] = cap }

    /// Adds an option to the contract being built; options must come in instrument order.
    mutating func addOption(instrument: Int, value: Int64) {
        optionInstrument.append(instrument)
        optionValue.append(value)
    }

    /// Closes the contract being built.
    mutating func endContract() { optionStart.append(optionInstrument.count) }

    var contractCount: Int { optionStart.count - 1 }

    @inline(__always) private func capped(_ f: Int, _ s: Int64) -> Int64 { s < caps[f] ? s : caps[f] }

    private func cappedTotal() -> Int64 {
        var t: Int64 = 0
        for f in 0..<instrumentCount { t += capped(f, sums[f]) }
        return t
    }

    mutating func run() {
        let n = contractCount, m = instrumentCount
        sums.removeAll(keepingCapacity: true); sums.append(contentsOf: repeatElement(0, count: m))
        used.removeAll(keepingCapacity: true); used.append(contentsOf: repeatElement(0, count: m))
        current.removeAll(keepingCapacity: true); current.append(contentsOf: repeatElement(-1, count: n))
        searched.removeAll(keepingCapacity: true)
        for u in 0..<n {
            let start = optionStart[u], end = optionStart[u + 1]
            if end - start == 1 {
                current[u] = optionInstrument[start]
                sums[optionInstrument[start]] += optionValue[start]
                used[optionInstrument[start]] += 1
            } else if end - start > 1 { searched.append(u) }
        }
        let depth = searched.count
        remaining.removeAll(keepingCapacity: true); remaining.append(contentsOf: repeatElement(0, count: (depth + 1) * m))
        reach.removeAll(keepingCapacity: true); reach.append(contentsOf: repeatElement(false, count: (depth + 1) * m))
        bestRemaining.removeAll(keepingCapacity: true); bestRemaining.append(contentsOf: repeatElement(0, count: depth + 1))
        var d = depth - 1
        while d >= 0 {
            let u = searched[d]
            var best: Int64 = 0
            for f in 0..<m {
                remaining[d * m + f] = remaining[(d + 1) * m + f]
                reach[d * m + f] = reach[(d + 1) * m + f]
            }
            for k in optionStart[u]..<optionStart[u + 1] {
                remaining[d * m + optionInstrument[k]] += optionValue[k]
                reach[d * m + optionInstrument[k]] = true
                if optionValue[k] > best { best = optionValue[k] }
            }
            bestRemaining[d] = bestRemaining[d + 1] + best
            d -= 1
        }
        hasBest = false
        cut = false
        nodes = 0
        total = 0
        usedCount = 0
        visit(0)
        if !hasBest {
            choice = current
            total = cappedTotal()
            usedCount = used.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        }
        exhaustive = !cut
    }

    private mutating func visit(_ d: Int) {
        nodes += 1
        if nodes > nodeBudget { cut = true; return }
        let m = instrumentCount
        if d == searched.count {
            let t = cappedTotal()
            var count = 0
            for f in 0..<m where used[f] > 0 { count += 1 }
            if hasBest && (t < total || (t == total && count <= usedCount)) { return }
            hasBest = true
            total = t
            usedCount = count
            choice = current
            return
        }
        if hasBest {
            // Two upper bounds, both valid: every instrument takes every remaining contract it
            // could (up to its cap); or every remaining contract adds its best value.
            var fill: Int64 = 0
            for f in 0..<m { fill += capped(f, sums[f] + remaining[d * m + f]) }
            let bound = min(fill, cappedTotal() + bestRemaining[d])
            if bound < total { return }
            // Equal total at best: only more instruments could still win (later branches lose
            // the order tie-break), so cut when no more can be listed.
            if bound == total {
                var reachable = 0
                for f in 0..<m where used[f] > 0 || reach[d * m + f] { reachable += 1 }
                if reachable <= usedCount { return }
            }
        }
        let u = searched[d]
        for k in optionStart[u]..<optionStart[u + 1] {
            let f = optionInstrument[k]
            sums[f] += optionValue[k]
            used[f] += 1
            current[u] = f
            visit(d + 1)
            sums[f] -= optionValue[k]
            used[f] -= 1
            if cut { return }
        }
        current[u] = -1
    }
}
