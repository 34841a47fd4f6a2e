import Foundation
import Policy

/// How the recommended-combination search grows with the number of contracts that are eligible
/// under two instruments (a loan buying a catalogue product for a technical-renovation project
/// qualifies for both 7a and 17a). Interest amounts are pseudo-random so that the 17a cap
/// (5,000,000) binds and the best split is a real subset-sum question.
enum SearchScaling {
    static func run(engine: Engine) {
        print("search scaling: n loans each eligible for 7a and 17a, 17a cap binding")
        print("  n    nodes searched   exhaustive   time")
        var seed: UInt64 = 355
        func next() -> Int64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int64((seed >> 33) % 900_000) + 100_000
        }
        let clock = ContinuousClock()
        for n in [2, 5, 10, 15, 20, 25, 30, 40, 60] {
            let loans = (0..<n).map { i in
                Loan(id: "L\(i + 1)", principal: Money(yuan: 50_000_000),
                     interestPaid: [YearAmount(year: 2024, amount: Money(fen: next() * 100 + Int64(i))),
                                    YearAmount(year: 2025, amount: Money(fen: next() * 100))],
                     catalogueProductId: "C\(i)", firstOnMarket: true)
            }
            let project = Project(id: "S\(n)", categories: ["technical-renovation"], applicationDate: Day(iso: "2025-06-01"),
                                  investment: Investment(declared: Money(yuan: 500_000_000)), loans: loans)
            let start = clock.now
            let evaluation = engine.evaluate(project)
            let elapsed = clock.now - start
            let r = evaluation.recommendation
            let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3
            print("  \(String(n).padding(toLength: 4, withPad: " ", startingAt: 0)) \(String(r.searched).padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(r.exhaustive).padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(format: "%.1f ms", ms))")
        }
    }
}
