import Testing
@testable import Workflow

@Suite struct SplitMix64Tests {
    @Test func referenceOutputs() {
        // The reference sequence of splitmix64.c (Vigna) for seed 1234567.
        var g = SplitMix64(seed: 1_234_567)
        #expect([g.next(), g.next(), g.next()] == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }

    @Test func sameSeedSameSequence() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        for _ in 0..<100 { #expect(a.next() == b.next()) }
    }
}
