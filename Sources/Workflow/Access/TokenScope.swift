/// What an API token may do. Reading is every `GET`; writing is everything that changes the
/// registry or the accounts. A token always reads; a read-only token is refused every write (403).
public enum TokenScope: String, Sendable, Codable, CaseIterable, Comparable {
    case read
    case write

    public static func < (a: TokenScope, b: TokenScope) -> Bool { a == .read && b == .write }
}
