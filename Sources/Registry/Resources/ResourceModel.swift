import FluentKit
import Foundation

/// A resource of the resource library: a pilot base, a bank's or lessor's financial product, a
/// service provider. Edited in place (`version` counts the edits); each version is kept whole
/// in `resource_versions`. `details` is the record's JSON (`ResourceDetails`); `industries` the
/// GB/T 4754 prefixes served, comma-separated and bracketed (`,C26,C30,`; `,` for all).
public final class ResourceModel: Model, @unchecked Sendable {
    public static let schema = "resources"
    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "name") public var name: String
    /// The bank or lessor that keeps a financial product (its accounts' institution).
    @OptionalField(key: "institution") public var institution: String?
    @OptionalField(key: "district") public var district: String?
    @OptionalField(key: "product_type") public var productType: String?
    @Field(key: "industries") public var industries: String
    @Field(key: "details") public var details: String
    @Field(key: "search") public var search: String
    @Field(key: "version") public var version: Int
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    public init() {}

    public var industryList: [String] { industries.split(separator: ",").map(String.init) }
}

/// One version of a resource, as it was written. Append-only.
public final class ResourceVersionModel: Model, @unchecked Sendable {
    public static let schema = "resource_versions"
    @ID(key: .id) public var id: UUID?
    @Field(key: "resource_id") public var resourceID: UUID
    @Field(key: "version") public var version: Int
    /// The whole record (`ResourceDraft` as JSON).
    @Field(key: "details") public var details: String
    @Field(key: "changed_by") public var changedBy: String
    @Field(key: "changed_at") public var changedAt: Date
    public init() {}
}
