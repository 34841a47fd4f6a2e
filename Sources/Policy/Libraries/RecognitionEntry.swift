/// One recognition of the list library (十六): an entry of an edition of a kind that drives an
/// instrument — a first set of equipment, a first version of software, a first batch of new
/// material — with the edition it was published in.
public struct RecognitionEntry: Sendable, Equatable, Codable {
    /// The entry's key (编号), the id an innovative-product contract names as its `productId`.
    public var key: String
    public var name: String
    /// The kind of list (`first-sets`, `first-versions`, `first-batches`).
    public var kind: String
    /// The year of recognition (年度); the edition's publication year when the entry gives none.
    public var year: Int
    public var enterpriseCode: String?
    public var edition: Int
    public var editionTitle: String
    public var publishedOn: Day

    public init(key: String, name: String, kind: String, year: Int? = nil, enterpriseCode: String? = nil,
                edition: Int, editionTitle: String, publishedOn: Day) {
        self.key = key
        self.name = name
        self.kind = kind
        self.year = year ?? publishedOn.year
        self.enterpriseCode = enterpriseCode
        self.edition = edition
        self.editionTitle = editionTitle
        self.publishedOn = publishedOn
    }
}
