/// The national project code of the online investment-approval platform (GB/T 40058-2021), as
/// written `YYYY-RRRRRR-DD-TT-NNNNNN`. The standard's check rule for the serial is not in the
/// public sources at hand, so only the shape, the year and the division are verified.
public enum NationalProjectCode {
    public enum Problem: Equatable, Sendable {
        case shape
        case year(Int)
        case division(String)
    }

    /// Nil when valid; otherwise what is wrong. `divisions` are the accepted 6-digit codes.
    public static func problem(in code: String, divisions: Set<String>) -> Problem? {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard code.count == 24, parts.map(\.count) == [4, 6, 2, 2, 6],
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return .shape }
        let year = Int(parts[0])!
        guard (2014...2100).contains(year) else { return .year(year) }
        let division = String(parts[1])
        guard divisions.contains(division) else { return .division(division) }
        return nil
    }
}
