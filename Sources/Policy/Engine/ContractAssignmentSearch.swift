/// Chooses, for each contract of one kind (all loans, or all leases), the instrument it is
/// subsidised under, so that the sum over instruments — each capped over the project's share of
/// contracts — is largest (reading 3). Greedy per contract is wrong when a cap binds, so this is
/// a depth-first search over every assignment with an upper-bound cut:
///
/// - a contract eligible under one instrument only is fixed, not searched;
/// - contracts eligible under k instruments multiply the space by k; with n of them it is k^n;
/// - a branch is cut when even giving every remaining contract its best instrument, capped,
///   cannot reach the best total found, which removes most of the space once a cap binds;
/// - after `nodeBudget` nodes the search stops and says it is not exhaustive.
///
/// Ties (reading 7): more instruments listed wins, then the assignment that puts earlier
/// contracts under lower instruments — the search visits assignments in that order and keeps
/// the first of equal rank.
struct ContractAssignmentSearch {
    struct Option {
        /// Instrument position (index into `instruments`).
        var instrument: Int
        /// The contract's amount under it before the project cap (after a per-unit cap).
        var value: Money
    }

    struct Instrument {
        var cap: Money?
    }

    struct Outcome {
        /// For each contract, the chosen instrument position, or nil when it has no option.
        var choice: [Int?]
        var total: Money
        var instrumentCount: Int
        var nodes: Int
        var exhaustive: Bool
    }

    let instruments: [Instrument]
    /// For each contract in input order, its options in instrument order.
    let options: [[Option]]
    var nodeBudget = 1 << 21

    func run() -> Outcome {
        let n = options.count
        let m = instruments.count
        var sums = [Money](repeating: .zero, count: m)
        var used = [Int](repeating: 0, count: m)
        var choice = [Int?](repeating: nil, count: n)
        var searched: [Int] = []
        for (u, opts) in options.enumerated() {
            if opts.count == 1 {
                choice[u] = opts[0].instrument
                sums[opts[0].instrument] += opts[0].value
                used[opts[0].instrument] += 1
            } else if opts.count > 1 { searched.append(u) }
        }
        // remaining[d][f]: the most instrument f could still gain from searched contracts d...
        var remaining = [[Money]](repeating: [Money](repeating: .zero, count: m), count: searched.count + 1)
        for d in stride(from: searched.count - 1, through: 0, by: -1) {
            remaining[d] = remaining[d + 1]
            for o in options[searched[d]] { remaining[d][o.instrument] += o.value }
        }

        // bestRemaining[d]: the sum over searched contracts d... of their best option.
        var bestRemaining = [Money](repeating: .zero, count: searched.count + 1)
        for d in stride(from: searched.count - 1, through: 0, by: -1) {
            bestRemaining[d] = bestRemaining[d + 1] + (options[searched[d]].map(\.value).max() ?? .zero)
        }
        // reach[d][f]: some searched contract from d on can go to instrument f.
        var reach = [[Bool]](repeating: [Bool](repeating: false, count: m), count: searched.count + 1)
        for d in stride(from: searched.count - 1, through: 0, by: -1) {
            reach[d] = reach[d + 1]
            for o in options[searched[d]] { reach[d][o.instrument] = true }
        }

        func capped(_ f: Int, _ s: Money) -> Money { instruments[f].cap.map { Money.min($0, s) } ?? s }
        func total(_ s: [Money]) -> Money { (0..<m).map { capped($0, s[$0]) }.sum() }

        var best: Outcome?
        var nodes = 0
        var cut = false

        func visit(_ d: Int) {
            nodes += 1
            if nodes > nodeBudget { cut = true; return }
            if d == searched.count {
                let t = total(sums)
                let count = used.filter { $0 > 0 }.count
                if let b = best, (t, count) <= (b.total, b.instrumentCount) { return }
                best = Outcome(choice: choice, total: t, instrumentCount: count, nodes: 0, exhaustive: true)
                return
            }
            if let b = best {
                // Two upper bounds, both valid: every instrument takes every remaining contract
                // it could (up to its cap); or every remaining contract adds its best value.
                let bound = Money.min((0..<m).map { capped($0, sums[$0] + remaining[d][$0]) }.sum(),
                                      total(sums) + bestRemaining[d])
                if bound < b.total { return }
                // Equal total at best: only more instruments could still win (later branches
                // lose the order tie-break), so cut when no more can be listed.
                if bound == b.total {
                    let reachable = (0..<m).filter { used[$0] > 0 || reach[d][$0] }.count
                    if reachable <= b.instrumentCount { return }
                }
            }
            let u = searched[d]
            for o in options[u] {
                sums[o.instrument] += o.value
                used[o.instrument] += 1
                choice[u] = o.instrument
                visit(d + 1)
                sums[o.instrument] -= o.value
                used[o.instrument] -= 1
                if cut { return }
            }
            choice[u] = nil
        }
        visit(0)
        var outcome = best ?? Outcome(choice: choice, total: total(sums), instrumentCount: used.filter { $0 > 0 }.count,
                                      nodes: 0, exhaustive: true)
        outcome.nodes = nodes
        outcome.exhaustive = !cut
        return outcome
    }
}
