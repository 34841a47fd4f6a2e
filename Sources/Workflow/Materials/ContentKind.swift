/// The kinds of file an uploaded material may be, as found from its content (the upload layer
/// sniffs the bytes; the name and declared type are never trusted).
public enum ContentKind: String, Sendable, Codable, CaseIterable, Hashable {
    case pdf
    case image
    case xlsx
}
