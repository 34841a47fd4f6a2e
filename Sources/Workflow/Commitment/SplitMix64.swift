/// SplitMix64 (Steele, Lea and Flood, 2014; the seeding generator of Java's SplittableRandom and
/// of xoshiro): a 64-bit state advanced by the golden-ratio increment, then mixed. Small, fast,
/// and the same on every platform and Swift version, which a sample drawn from a recorded seed
/// needs (the standard library's generators make no such promise).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The output function alone: a good 64-bit hash of one value.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
