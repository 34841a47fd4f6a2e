import FluentKit
import Foundation
import Workflow

/// One entry of a list's edition. `fields` holds the kind's own columns as a JSON object of
/// texts; `search` the entry's texts lower-cased, for the search's substring match. Append-only.
public final class ListEditionEntryModel: Model, @unchecked Sendable {
    public static let schema = "list_edition_entries"
    @ID(key: .id) public var id: UUID?
    @Field(key: "edition_id") public var editionID: UUID
    @Field(key: "kind") public var kind: String
    /// The row of the file it came from (the header is row 1).
    @Field(key: "row") public var row: Int
    @Field(key: "entry_key") public var key: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "enterprise") public var enterprise: String?
    @OptionalField(key: "credit_code") public var creditCode: String?
    @OptionalField(key: "district") public var district: String?
    @OptionalField(key: "year") public var year: Int?
    @Field(key: "fields") public var fields: String
    @Field(key: "search") public var search: String
    public init() {}

    public var entry: ListEntry {
        let decoded = (try? JSONDecoder().decode([String: String].self, from: Data(fields.utf8))) ?? [:]
        return ListEntry(key: key, name: name, enterprise: enterprise, creditCode: creditCode, district: district, year: year, fields: decoded)
    }

    static func make(_ e: ListEntry, edition: UUID, kind: String, row: Int) throws -> ListEditionEntryModel {
        let m = ListEditionEntryModel()
        m.id = UUID()
        m.editionID = edition
        m.kind = kind
        m.row = row
        m.key = e.key
        m.name = e.name
        m.enterprise = e.enterprise
        m.creditCode = e.creditCode
        m.district = e.district
        m.year = e.year
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        m.fields = String(decoding: try encoder.encode(e.fields), as: UTF8.self)
        m.search = ([e.key, e.name, e.enterprise ?? "", e.creditCode ?? ""] + e.fields.keys.sorted().map { e.fields[$0]! })
            .joined(separator: "\u{1F}").lowercased()
        return m
    }
}
