/// A material the enterprise has uploaded, as intake sees it: which checklist item, and what kind
/// of file its content turned out to be.
public struct ProvidedMaterial: Sendable, Hashable, Codable {
    public var item: String
    public var content: ContentKind

    public init(item: String, content: ContentKind) {
        self.item = item
        self.content = content
    }
}
