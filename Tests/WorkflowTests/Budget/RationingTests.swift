import Policy
import Testing
@testable import Workflow

/// The rationing of a pool, on its own: priority (reading 1) and pro rata with the remainder fen.
@Suite struct RationingTests {
    static let threshold = Money(yuan: 20_000_000)

    static func request(_ id: String, _ yuan: Int64, investment: Int64 = 10_000_000, on day: String = "2025-03-01") -> PoolRequest {
        PoolRequest(id: id, amount: Money(yuan: yuan), investment: Money(yuan: investment), appliedOn: Day(iso: day)!)
    }

    @Test func aPoolLargerThanTheRequestsPaysEveryoneInFull() {
        let requests = [Self.request("b", 300, on: "2025-02-01"), Self.request("a", 200, on: "2025-01-01")]
        for method in RationingMethod.allCases {
            let out = Rationing.ration(requests, pool: Money(yuan: 1_000), method: method, threshold: Self.threshold)
            #expect(out.map(\.request.id) == ["a", "b"])
            #expect(out.map(\.allotted) == [Money(yuan: 200), Money(yuan: 300)])
            #expect(out.allSatisfy { $0.reason == .poolSuffices })
        }
    }

    @Test func priorityServesTheThresholdFirstThenByDateAndCutsTheFirstThatDoesNotFit() {
        let requests = [
            Self.request("early-small", 400, investment: 19_999_999, on: "2025-01-02"),
            Self.request("late-large", 500, investment: 20_000_000, on: "2025-03-01"),
            Self.request("early-large", 300, investment: 25_000_000, on: "2025-02-01"),
            Self.request("last-small", 100, on: "2025-04-01"),
        ]
        let out = Rationing.ration(requests, pool: Money(yuan: 1_000), method: .priority, threshold: Self.threshold)
        #expect(out.map(\.request.id) == ["early-large", "late-large", "early-small", "last-small"])
        #expect(out.map(\.allotted) == [Money(yuan: 300), Money(yuan: 500), Money(yuan: 200), .zero])
        #expect(out.map(\.place) == [1, 2, 3, 4])
        #expect(out[0].reason == .priority(aboveThreshold: true, threshold: Self.threshold))
        #expect(out[2].reason == .priority(aboveThreshold: false, threshold: Self.threshold))
        #expect(out.map(\.allotted).sum() == Money(yuan: 1_000))
        #expect(out[0].explanation.zh.contains("优先"))
    }

    @Test func priorityTiesOnTheSameDayGoByCaseIDWhateverTheInputOrder() {
        let a = Self.request("a", 600), b = Self.request("b", 600)
        let one = Rationing.ration([b, a], pool: Money(yuan: 1_000), method: .priority, threshold: Self.threshold)
        let two = Rationing.ration([a, b], pool: Money(yuan: 1_000), method: .priority, threshold: Self.threshold)
        #expect(one == two)
        #expect(one.map(\.request.id) == ["a", "b"])
        #expect(one.map(\.allotted) == [Money(yuan: 600), Money(yuan: 400)])
    }

    @Test func proRataRoundsDownAndHandsTheRemainderFenToTheLargestFractions() {
        // 1 fen, 1 fen, 1 fen asked of 2 fen: each share is 2/3 fen, floors 0, remainder 2 fen;
        // equal fractions, so the two earliest applications get one fen each.
        let requests = [PoolRequest(id: "c", amount: Money(fen: 1), investment: .zero, appliedOn: Day(iso: "2025-01-03")!),
                        PoolRequest(id: "a", amount: Money(fen: 1), investment: .zero, appliedOn: Day(iso: "2025-01-01")!),
                        PoolRequest(id: "b", amount: Money(fen: 1), investment: .zero, appliedOn: Day(iso: "2025-01-02")!)]
        let out = Rationing.ration(requests, pool: Money(fen: 2), method: .proRata, threshold: Self.threshold)
        #expect(out.map(\.request.id) == ["a", "b", "c"])
        #expect(out.map(\.allotted) == [Money(fen: 1), Money(fen: 1), .zero])
        #expect(out.map(\.allotted).sum() == Money(fen: 2))
    }

    @Test func proRataIsExactOnLargeAmountsAndTheLargestFractionWins() {
        // 100,000,000.00 and 200,000,000.01 yuan asked of 100,000,000.00: products pass 2^63.
        let a = PoolRequest(id: "a", amount: Money(fen: 10_000_000_000), investment: .zero, appliedOn: Day(iso: "2025-01-01")!)
        let b = PoolRequest(id: "b", amount: Money(fen: 20_000_000_001), investment: .zero, appliedOn: Day(iso: "2025-01-02")!)
        let pool = Money(fen: 10_000_000_000)
        let out = Rationing.ration([a, b], pool: pool, method: .proRata, threshold: Self.threshold)
        // exact shares: a = 10^10·10^10 / 30000000001 = 3333333333.22…, b = 6666666666.77…
        #expect(out.map(\.allotted) == [Money(fen: 3_333_333_333), Money(fen: 6_666_666_667)])
        #expect(out.map(\.allotted).sum() == pool)
        #expect(out[1].reason == .proRata(pool: pool, requested: Money(fen: 30_000_000_001), share: Money(fen: 6_666_666_666), extraFen: true))
        #expect(out.allSatisfy { $0.allotted <= $0.request.amount })
    }

    @Test func proRataNeverGivesMoreThanAsked() {
        var requests: [PoolRequest] = []
        for n in 1...37 { requests.append(PoolRequest(id: "r\(n)", amount: Money(fen: Int64(n * 7_919 % 10_007 + 1)), investment: .zero, appliedOn: Day(iso: "2025-01-01")!)) }
        let asked = requests.map(\.amount).sum()
        for pool in [Money(fen: 1), Money(fen: asked.fen / 3), Money(fen: asked.fen - 1)] {
            let out = Rationing.ration(requests, pool: pool, method: .proRata, threshold: Self.threshold)
            #expect(out.map(\.allotted).sum() == pool)
            #expect(out.allSatisfy { $0.allotted <= $0.request.amount && $0.allotted >= .zero })
        }
    }

    @Test func theLibraryHasTheFourQuotas() throws {
        let library = try WorkflowLibrary.loadDefault(policy: Fixtures.policy)
        #expect(library.quotas.map(\.id) == ["new-material-certification", "first-set", "first-version", "first-batch"])
        #expect(library.quotas.map(\.perYear) == [10, 30, 15, 10])
        let firstSet = library.quotas[1]
        #expect(firstSet.counts(granted: ["16": Money(yuan: 1)], categories: ["first-set"]))
        #expect(!firstSet.counts(granted: ["16": Money(yuan: 1)], categories: ["first-batch"]))
        #expect(!firstSet.counts(granted: ["16": .zero], categories: ["first-set"]))
    }
}
