/// A small, fast, seedable generator (SplitMix64): the same seed gives the same population on
/// every machine, which the equivalence test and the benchmarks rely on.
public struct SplitMix: RandomNumberGenerator, Sendable {
    var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    /// Uniform in lo...hi.
    public mutating func int(_ lo: Int64, _ hi: Int64) -> Int64 {
        lo + Int64(next() % UInt64(hi - lo + 1))
    }

    /// True with probability percent / 100.
    public mutating func chance(_ percent: Int) -> Bool { next() % 100 < UInt64(percent) }

    /// An index drawn with the given integer weights.
    public mutating func pick(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var r = Int(next() % UInt64(total))
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }
}
