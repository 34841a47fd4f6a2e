import FluentKit
import Foundation

/// One edition of a list of the list library, published whole on its day (`published_on`,
/// ISO). Numbered from 1 within its kind. Append-only.
public final class ListEditionModel: Model, @unchecked Sendable {
    public static let schema = "list_editions"
    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "number") public var number: Int
    @Field(key: "title") public var title: String
    @Field(key: "published_on") public var publishedOn: String
    @OptionalField(key: "note") public var note: String?
    @Field(key: "entry_count") public var entryCount: Int
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
}
