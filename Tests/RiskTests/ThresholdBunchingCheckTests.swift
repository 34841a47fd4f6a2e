import Policy
import Testing
@testable import Risk

@Suite struct ThresholdBunchingCheckTests {
    typealias F = RiskFixtures

    /// A smooth population: `perBin` projects in each 1,000,000-yuan bin from 16,000,000 to
    /// 25,000,000 (the threshold 20,000,000, the window 5% = 1,000,000 wide, four bins each side),
    /// and `extra` more in the window.
    static func population(perBin: Int, extra: Int) -> RiskPopulation {
        var files: [ProjectFile] = []
        var n = 0
        func add(_ yuan: Int64) {
            n += 1
            files.append(ProjectFile(enterprise: F.enterprise(n), projects: [F.project("P", declared: yuan)]))
        }
        for bin in 0..<9 {
            for k in 0..<perBin { add(16_000_000 + Int64(bin) * 1_000_000 + Int64(k) * 1000) }
        }
        for k in 0..<extra { add(20_000_000 + Int64(k) * 100) }
        return RiskPopulation(files)
    }

    @Test func anOrdinaryWindowFlagsNothing() throws {
        #expect(try F.scanner().scan(Self.population(perBin: 20, extra: 0)).isEmpty)
        // Over the mean, but within three standard deviations: 20 + 12 < 20 + 3·√20 ≈ 33.4.
        #expect(try F.scanner().scan(Self.population(perBin: 20, extra: 12)).isEmpty)
    }

    @Test func anOverFullWindowFlagsEveryProjectInIt() throws {
        let flags = try F.scanner().scan(Self.population(perBin: 20, extra: 15))
        #expect(flags.count == 35)
        #expect(flags.allSatisfy { $0.kind == .thresholdBunching })
        let first = try #require(flags.first)
        #expect(first.fact("observed") == "35")
        #expect(first.fact("expected") == "20.0")
        #expect(first.fact("windowEnd") == "21000000.00")
    }

    @Test func anArrivingProjectIsFlaggedOnlyInsideTheWindow() throws {
        let scanner = try F.scanner()
        let population = Self.population(perBin: 20, extra: 20)
        let inside = ProjectFile(enterprise: F.enterprise(9001), projects: [F.project("NEW", declared: 20_400_000)])
        let outside = ProjectFile(enterprise: F.enterprise(9002), projects: [F.project("NEW", declared: 21_400_000)])
        #expect(scanner.check(inside, against: population).map(\.kind) == [.thresholdBunching])
        #expect(scanner.check(outside, against: population).isEmpty)
    }
}
