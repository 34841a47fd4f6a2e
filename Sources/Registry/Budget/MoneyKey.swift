/// Where an amount belongs in the money reports: an instrument, a year, a district.
public struct MoneyKey: Sendable, Hashable, Comparable {
    public var instrument: String
    public var year: Int
    public var district: String

    public init(instrument: String, year: Int, district: String) {
        self.instrument = instrument
        self.year = year
        self.district = district
    }

    public static func < (a: MoneyKey, b: MoneyKey) -> Bool {
        (a.year, a.instrument, a.district) < (b.year, b.instrument, b.district)
    }
}
