/// The value of a policy parameter on some date.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
    case ratio(Ratio)
    case money(Money)
    case integer(Int)
    case flag(Bool)
    case day(Day)
    /// A choice among named options, e.g. `priority` or `bar`.
    case word(String)
    /// The text sets no figure ("一定补贴", "阶梯奖励"): matched, amount to be set by the rules.
    case unstated

    public var description: String {
        switch self {
        case .ratio(let r): return r.percent
        case .money(let m): return m.decimalString
        case .integer(let i): return String(i)
        case .flag(let b): return String(b)
        case .day(let d): return d.iso
        case .word(let w): return w
        case .unstated: return "unstated"
        }
    }
}

/// What kind of value a parameter holds; decides how its YAML text is read.
public enum ParameterType: String, Sendable, Codable {
    case ratio, money, integer, flag, day, word
}

/// A value that holds from a date on, until the next value's date.
public struct DatedValue: Sendable, Hashable {
    public var from: Day
    public var value: ParameterValue
}

/// A named policy parameter with its history of values.
public struct Parameter: Sendable {
    public var key: String
    public var type: ParameterType
    public var label: LocalizedText?
    /// Sorted by date.
    public var values: [DatedValue]
    /// Where the value comes from: a clause, a reading (docs/policy-reading.md), a national source.
    public var source: LocalizedText?
    /// For `word` parameters: the accepted words.
    public var options: [String]?

    /// The value in force on `day`, or nil before the first value.
    public func value(on day: Day) -> ParameterValue? {
        var found: ParameterValue?
        for dated in values where dated.from <= day { found = dated.value }
        return found
    }
}
