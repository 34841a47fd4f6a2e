@testable import Policy
import Testing

/// The contract search must return the true optimum (with reading 7's tie order), not a greedy
/// guess: checked against brute force on many random instances with binding caps.
@Suite struct ContractAssignmentSearchTests {
    typealias Search = ContractAssignmentSearch

    struct Rng {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// Every assignment, ranked by (total, instruments listed, earliest contracts under lower
    /// instruments).
    func bruteForce(_ s: Search) -> (total: Money, count: Int, choice: [Int?]) {
        var best: (Money, Int, [Int?])?
        func total(_ choice: [Int?]) -> (Money, Int) {
            var sums = [Money](repeating: .zero, count: s.instruments.count)
            for (u, f) in choice.enumerated() {
                guard let f else { continue }
                sums[f] += s.options[u].first { $0.instrument == f }!.value
            }
            let t = sums.indices.map { f in s.instruments[f].cap.map { Money.min($0, sums[f]) } ?? sums[f] }.sum()
            let used = Set(choice.compactMap { $0 }).count
            return (t, used)
        }
        func visit(_ u: Int, _ choice: [Int?]) {
            if u == s.options.count {
                let (t, c) = total(choice)
                let key = choice.map { $0 ?? Int.max }
                if let b = best {
                    if (t, c) < (b.0, b.1) { return }
                    if (t, c) == (b.0, b.1) && !key.lexicographicallyPrecedes(b.2.map { $0 ?? Int.max }) { return }
                }
                best = (t, c, choice)
                return
            }
            if s.options[u].isEmpty { visit(u + 1, choice + [nil]); return }
            for o in s.options[u] { visit(u + 1, choice + [o.instrument]) }
        }
        visit(0, [])
        return best!
    }

    @Test func matchesBruteForceOnRandomInstances() {
        var rng = Rng(state: 20240531)
        for _ in 0..<400 {
            let m = 2 + rng.next(2)
            let instruments = (0..<m).map { _ in Search.Instrument(cap: rng.next(4) == 0 ? nil : Money(yuan: Int64(1 + rng.next(40)) * 100_000)) }
            let n = 1 + rng.next(9)
            let options: [[Search.Option]] = (0..<n).map { _ in
                (0..<m).compactMap { f in rng.next(3) == 0 ? nil : Search.Option(instrument: f, value: Money(yuan: Int64(rng.next(30)) * 100_000)) }
            }
            let search = Search(instruments: instruments, options: options)
            let got = search.run()
            let want = bruteForce(search)
            #expect(got.exhaustive)
            #expect(got.total == want.total && got.instrumentCount == want.count && got.choice == want.choice,
                    "instance \(instruments) \(options): got \(got.total) \(got.choice), want \(want.total) \(want.choice)")
        }
    }

    @Test func greedyIsWrongWhenACapBinds() {
        // Two loans, each worth 3,000,000 under either instrument; instrument 1 is capped at
        // 5,000,000, instrument 0 at 20,000,000. Greedy "each to the larger" cannot tell them
        // apart; putting both under 1 loses 1,000,000. The optimum splits them.
        let search = Search(
            instruments: [.init(cap: Money(yuan: 20_000_000)), .init(cap: Money(yuan: 5_000_000))],
            options: [[.init(instrument: 0, value: Money(yuan: 3_000_000)), .init(instrument: 1, value: Money(yuan: 3_000_000))],
                      [.init(instrument: 0, value: Money(yuan: 3_000_000)), .init(instrument: 1, value: Money(yuan: 3_000_000))]])
        let outcome = search.run()
        #expect(outcome.total == Money(yuan: 6_000_000))
        #expect(outcome.choice == [0, 1])
    }

    @Test func saysWhenTheBudgetCutsTheSearch() {
        // A subset-sum trap: 40 even values under two instruments whose caps add up to the whole
        // but the first cap is odd, so no split fills both; proving the best (one fen short)
        // needs the whole space, and a small budget must stop and say so.
        let values: [Money] = (0..<40).map { Money(fen: Int64(2_000_000 + $0 * 15_838)) }
        let total = values.sum()
        let cap0 = Money(fen: total.fen / 2 | 1)
        let options: [[Search.Option]] = values.map { [Search.Option(instrument: 0, value: $0), Search.Option(instrument: 1, value: $0)] }
        var search = Search(instruments: [.init(cap: cap0), .init(cap: total - cap0)], options: options)
        search.nodeBudget = 1000
        let outcome = search.run()
        #expect(!outcome.exhaustive)
        #expect(outcome.nodes > 1000)
    }

    @Test func manyContractsUnderUnboundCapsAreSolvedAtOnce() {
        // 60 contracts, each worth the same under both instruments, caps far away: every
        // assignment totals the same; the first one listing both instruments is the answer,
        // found without walking 2^60 leaves.
        let options = (0..<60).map { _ in [Search.Option(instrument: 0, value: Money(yuan: 1)), Search.Option(instrument: 1, value: Money(yuan: 1))] }
        let outcome = Search(instruments: [.init(cap: nil), .init(cap: nil)], options: options).run()
        #expect(outcome.exhaustive)
        #expect(outcome.total == Money(yuan: 60) && outcome.instrumentCount == 2)
        #expect(outcome.choice == Array(repeating: 0, count: 59) + [1])
        #expect(outcome.nodes < 1000)
    }
}
