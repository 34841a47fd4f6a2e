import Policy

/// The thresholds of the risk tests, read from the policy library's `risk.yaml` (policy is data:
/// no window, factor or count is a constant in code). Thresholds of money (the 20,000,000 of
/// (七)) are keys of the library's parameters, looked up on the day of the test.
public struct RiskSettings: Sendable, Equatable {
    /// (b) Money parameters of the library that an investment might be split to stay under.
    public var splitThresholds: [String]
    /// (b) The parts' application dates at most this many days apart.
    public var splitMaxDaysApart: Int

    /// (c) The money parameter whose neighbourhood is tested for bunching.
    public var bunchingThreshold: String
    /// (c) Width of the window just above the threshold, and of each neighbouring bin, as a share
    /// of the threshold.
    public var bunchingWidth: Ratio
    /// (c) Bins on each side of the window that estimate what the window should hold.
    public var bunchingNeighbourBins: Int
    /// (c) How many standard deviations (Poisson) the window must be over its expectation.
    public var bunchingMinZ: Ratio
    /// (c) And at least this many projects in the window.
    public var bunchingMinCount: Int

    /// (d) Shortest normalised phone (digits) and address (letters and digits) compared: shorter
    /// values are placeholders ("无", "-"), not identities.
    public var identityMinPhoneDigits: Int
    public var identityMinAddressCharacters: Int

    /// (e) Fewest other items of the same name in the same industry for a price to be judged.
    public var priceMinPeers: Int
    /// (e) A price is flagged when it is further from the peers' median than this many MADs …
    public var priceMADFactor: Ratio
    /// (e) … where the MAD is taken as at least this share of the median (identical peers would
    /// otherwise flag a one-fen difference).
    public var priceMADFloor: Ratio

    public init(splitThresholds: [String], splitMaxDaysApart: Int, bunchingThreshold: String, bunchingWidth: Ratio,
                bunchingNeighbourBins: Int, bunchingMinZ: Ratio, bunchingMinCount: Int, identityMinPhoneDigits: Int,
                identityMinAddressCharacters: Int, priceMinPeers: Int, priceMADFactor: Ratio, priceMADFloor: Ratio) {
        self.splitThresholds = splitThresholds
        self.splitMaxDaysApart = splitMaxDaysApart
        self.bunchingThreshold = bunchingThreshold
        self.bunchingWidth = bunchingWidth
        self.bunchingNeighbourBins = bunchingNeighbourBins
        self.bunchingMinZ = bunchingMinZ
        self.bunchingMinCount = bunchingMinCount
        self.identityMinPhoneDigits = identityMinPhoneDigits
        self.identityMinAddressCharacters = identityMinAddressCharacters
        self.priceMinPeers = priceMinPeers
        self.priceMADFactor = priceMADFactor
        self.priceMADFloor = priceMADFloor
    }
}
