import Foundation

/// The verification sample of commitment filings (承诺备案抽查): which filings are checked after
/// the fact, drawn at random from a recorded seed.
///
/// Each filing gets a key that depends only on the seed and its own id (SplitMix64 over the seed
/// and an FNV-1a hash of the id); the filings with the smallest keys are drawn. So the same seed
/// and the same filings give the same sample in whatever order they are listed, and a filing
/// added later does not reshuffle the others' keys. The sample size is the rate times the number
/// of filings, rounded up (a 20% rate never verifies less than 20%); duplicates count once.
public struct CommitmentSample: Sendable, Hashable, Codable {
    public var seed: UInt64
    public var rate: Decimal
    /// How many distinct filings the sample was drawn from.
    public var population: Int
    /// The filings drawn, sorted by id.
    public var selected: [String]

    public static func draw(filings: [String], rate: Decimal, seed: UInt64) -> CommitmentSample {
        let ids = Set(filings)
        let size = sampleSize(population: ids.count, rate: rate)
        let ranked = ids.map { (key: key(of: $0, seed: seed), id: $0) }
            .sorted { $0.key != $1.key ? $0.key < $1.key : $0.id < $1.id }
        let selected = ranked.prefix(size).map(\.id).sorted()
        return CommitmentSample(seed: seed, rate: rate, population: ids.count, selected: selected)
    }

    /// ⌈population × rate⌉, the rate clamped to 0…1, in exact decimal arithmetic.
    public static func sampleSize(population: Int, rate: Decimal) -> Int {
        let clamped = min(max(rate, 0), 1)
        var product = Decimal(population) * clamped
        var rounded = Decimal()
        NSDecimalRound(&rounded, &product, 0, .up)
        return NSDecimalNumber(decimal: rounded).intValue
    }

    /// A fresh seed to record with a new draw.
    public static func newSeed() -> UInt64 {
        var system = SystemRandomNumberGenerator()
        return system.next()
    }

    static func key(of id: String, seed: UInt64) -> UInt64 {
        var generator = SplitMix64(seed: seed ^ fnv1a(id))
        return generator.next()
    }

    /// FNV-1a, 64 bits, over the UTF-8 bytes: a stable hash (Swift's `Hasher` is seeded per run).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
