import Policy

/// One entry of a list's edition: the common columns and the kind's own fields (by field id).
public struct ListEntry: Sendable, Equatable {
    public var key: String
    public var name: String
    public var enterprise: String?
    public var creditCode: String?
    /// A district id of the policy library.
    public var district: String?
    public var year: Int?
    public var fields: [String: String]

    public init(key: String, name: String, enterprise: String? = nil, creditCode: String? = nil, district: String? = nil,
                year: Int? = nil, fields: [String: String] = [:]) {
        self.key = key
        self.name = name
        self.enterprise = enterprise
        self.creditCode = creditCode
        self.district = district
        self.year = year
        self.fields = fields
    }

    /// The cells of a file's row in `ListEntryReader.header(of:)`'s order (district by its Chinese name).
    public func cells(kind: ListKind, vocabulary: Vocabulary) -> [String] {
        let districtName = district.flatMap { d in vocabulary.districts.first { $0.id == d }?.name.zh } ?? district ?? ""
        return [key, name, enterprise ?? "", creditCode ?? "", districtName, year.map(String.init) ?? ""]
            + kind.fields.map { fields[$0.id] ?? "" }
    }
}
