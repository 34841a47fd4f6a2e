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
        var workspace = AssignmentWorkspace()
        workspace.nodeBudget = nodeBudget
        workspace.reset(instruments: instruments.count)
        for (f, instrument) in instruments.enumerated() {
            if let cap = instrument.cap { workspace.setCap(f, cap.fen) }
        }
        for contract in options {
            for option in contract { workspace.addOption(instrument: option.instrument, value: option.value.fen) }
            workspace.endContract()
        }
        workspace.run()
        return Outcome(choice: workspace.choice.map { $0 < 0 ? nil : $0 }, total: Money(fen: workspace.total),
                       instrumentCount: workspace.usedCount, nodes: workspace.nodes, exhaustive: workspace.exhaustive)
    }
}
