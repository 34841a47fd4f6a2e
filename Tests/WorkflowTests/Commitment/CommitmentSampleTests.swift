import Foundation
import Testing
@testable import Workflow

@Suite struct CommitmentSampleTests {
    let filings = (1...50).map { String(format: "F-2025-%03d", $0) }
    let rate = Fixtures.workflow.process.commitmentFiling.sampleRate

    @Test func twentyPercentRoundedUp() {
        #expect(CommitmentSample.draw(filings: filings, rate: rate, seed: 7).selected.count == 10)
        #expect(CommitmentSample.sampleSize(population: 11, rate: rate) == 3)
        #expect(CommitmentSample.sampleSize(population: 0, rate: rate) == 0)
        #expect(CommitmentSample.sampleSize(population: 10, rate: 0) == 0)
        #expect(CommitmentSample.sampleSize(population: 10, rate: 1) == 10)
        #expect(CommitmentSample.sampleSize(population: 10, rate: 2) == 10)
    }

    @Test func reproducibleFromTheRecordedSeed() {
        let first = CommitmentSample.draw(filings: filings, rate: rate, seed: 2025)
        let again = CommitmentSample.draw(filings: filings, rate: first.rate, seed: first.seed)
        #expect(first == again)
        #expect(first.population == 50)
        #expect(first.selected == first.selected.sorted())
    }

    @Test func independentOfInputOrderAndDuplicates() {
        let a = CommitmentSample.draw(filings: filings, rate: rate, seed: 99)
        let b = CommitmentSample.draw(filings: filings.reversed() + filings.prefix(5), rate: rate, seed: 99)
        #expect(a.selected == b.selected)
        #expect(b.population == 50)
    }

    @Test func anotherSeedAnotherSample() {
        let a = CommitmentSample.draw(filings: filings, rate: rate, seed: 1)
        let b = CommitmentSample.draw(filings: filings, rate: rate, seed: 2)
        #expect(a.selected != b.selected)
    }

    @Test func aStableHash() {
        // FNV-1a 64 reference values.
        #expect(CommitmentSample.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(CommitmentSample.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
    }
}
