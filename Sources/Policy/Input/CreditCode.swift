/// The unified social credit code of GB 32100-2015: 18 characters over a 31-character alphabet
/// (digits and capitals without I, O, S, V, Z), the last of which is a check character.
public enum CreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// Weight of position i is 3^i mod 31.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public enum Problem: Equatable, Sendable {
        case length(Int)
        case character(position: Int, found: Character)
        case checkCharacter(expected: Character, found: Character)
    }

    /// Nil when the code is valid; otherwise what is wrong with it.
    public static func problem(in code: String) -> Problem? {
        let characters = Array(code)
        guard characters.count == 18 else { return .length(characters.count) }
        var values: [Int] = []
        for (i, c) in characters.enumerated() {
            guard let v = alphabet.firstIndex(of: c) else { return .character(position: i + 1, found: c) }
            values.append(v)
        }
        let expected = checkCharacter(forFirst17: values)
        if expected != characters[17] { return .checkCharacter(expected: expected, found: characters[17]) }
        return nil
    }

    /// The check character for 17 leading values (indices into the alphabet).
    static func checkCharacter(forFirst17 values: [Int]) -> Character {
        let sum = zip(values.prefix(17), weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// Completes 17 characters with their check character (for examples and tests).
    public static func withCheckCharacter(_ first17: String) -> String? {
        let values = first17.compactMap { alphabet.firstIndex(of: $0) }
        guard values.count == 17, first17.count == 17 else { return nil }
        return first17 + String(checkCharacter(forFirst17: values))
    }
}
