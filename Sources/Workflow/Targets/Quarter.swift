import Policy

/// A calendar quarter, `2025Q4`: the step of the dashboard's milestones and reports.
public struct Quarter: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1 to 4.
    public let number: Int

    public init?(year: Int, number: Int) {
        guard (1...4).contains(number), (1900...9999).contains(year) else { return nil }
        self.year = year
        self.number = number
    }

    /// The quarter a day falls in.
    public init(day: Day) {
        year = day.year
        number = (day.month - 1) / 3 + 1
    }

    /// `2025Q4`; nil for anything else.
    public init?(text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[4] == UInt8(ascii: "Q"), bytes[0..<4].allSatisfy({ (48...57).contains($0) }),
              let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)) else { return nil }
        self.init(year: year, number: Int(bytes[5]) - 48)
    }

    public var text: String { "\(year)Q\(number)" }
    public var description: String { text }

    /// Quarters since year 0: the difference of two is how many quarters lie between.
    public var ordinal: Int { year * 4 + number - 1 }

    public init(ordinal: Int) {
        year = ordinal / 4
        number = ordinal % 4 + 1
    }

    public func advanced(by quarters: Int) -> Quarter { Quarter(ordinal: ordinal + quarters) }

    public var firstDay: Day { Day(year: year, month: number * 3 - 2, day: 1)! }
    public var lastDay: Day { Day(year: year, month: number * 3, day: number == 1 || number == 4 ? 31 : 30)! }

    public static func < (a: Quarter, b: Quarter) -> Bool { a.ordinal < b.ordinal }

    /// The plan's horizon: its targets fall due at the end of 2027.
    public static let horizon = Quarter(year: 2027, number: 4)!
}
