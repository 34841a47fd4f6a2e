import FluentKit
import Foundation

/// A product submitted to the innovative-product recommendation catalogue (十七): what the
/// enterprise declared, and where it stands. What happened to it — the expert reviews, the votes,
/// the recusals, each listing and its end — is in append-only tables and on the audit trail; this
/// row carries the current status only.
public final class CatalogueProductModel: Model, @unchecked Sendable {
    public static let schema = "catalogue_products"
    @ID(key: .id) public var id: UUID?
    /// The readable product id, `CP-2025-000123`: what a loan, lease or market contract names.
    @Field(key: "number") public var number: String
    @Field(key: "year") public var year: Int
    @Field(key: "seq") public var seq: Int
    @Field(key: "credit_code") public var creditCode: String
    @Field(key: "district") public var district: String
    @Field(key: "category") public var category: String
    @Field(key: "name") public var name: String
    @Field(key: "description") public var description: String
    /// The date first on the market (`YYYY-MM-DD`), as the enterprise declared it.
    @Field(key: "first_on_market_date") public var firstOnMarketDate: String
    @Field(key: "claimed_especially_innovative") public var claimedEspeciallyInnovative: Bool
    /// `Workflow.CatalogueStatus`'s raw value.
    @Field(key: "status") public var status: String
    /// The mark's code, given at the first publication.
    @OptionalField(key: "mark_code") public var markCode: String?
    @Field(key: "submitted_on") public var submittedOn: String
    @Field(key: "submitted_by") public var submittedBy: String
    /// Raised on every change.
    @Field(key: "revision") public var revision: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}
}

/// The expert review (专家评审) recorded by an officer or a department: the experts' opinions and
/// the conclusion. Append-only.
public final class CatalogueReviewModel: Model, @unchecked Sendable {
    public static let schema = "catalogue_reviews"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "product_id") public var product: CatalogueProductModel
    /// `pass` or `fail`.
    @Field(key: "conclusion") public var conclusion: String
    /// `[{expert, verdict, comments}]` as JSON.
    @Field(key: "opinions_json") public var opinionsJSON: String
    @Field(key: "reviewed_on") public var reviewedOn: String
    @Field(key: "reviewed_by") public var reviewedBy: String
    @Field(key: "reviewed_at") public var reviewedAt: Date
    public init() {}
}

/// One committee member's vote on a product, once. Append-only.
public final class CatalogueVoteModel: Model, @unchecked Sendable {
    public static let schema = "catalogue_votes"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "product_id") public var product: CatalogueProductModel
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "username") public var username: String
    /// `approve` or `reject`.
    @Field(key: "vote") public var vote: String
    @OptionalField(key: "comment") public var comment: String?
    @Field(key: "voted_on") public var votedOn: String
    @Field(key: "voted_at") public var votedAt: Date
    public init() {}
}

/// A member's declared conflict of interest on a product (回避). Append-only.
public final class CatalogueRecusalModel: Model, @unchecked Sendable {
    public static let schema = "catalogue_recusals"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "product_id") public var product: CatalogueProductModel
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "username") public var username: String
    @Field(key: "reason") public var reason: String
    @Field(key: "declared_on") public var declaredOn: String
    @Field(key: "declared_at") public var declaredAt: Date
    public init() {}
}

/// One listing of a product: its edition, window and what the catalogue says of it then, with
/// the committee's count behind the first. A renewal adds a listing; nothing is rewritten.
public final class CatalogueListingModel: Model, @unchecked Sendable {
    public static let schema = "catalogue_listings"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "product_id") public var product: CatalogueProductModel
    @Field(key: "product_number") public var productNumber: String
    @Field(key: "edition") public var edition: Int
    @Field(key: "name") public var name: String
    @Field(key: "credit_code") public var creditCode: String
    @Field(key: "category") public var category: String
    @Field(key: "published_on") public var publishedOn: String
    @Field(key: "valid_from") public var validFrom: String
    @Field(key: "valid_until") public var validUntil: String
    @OptionalField(key: "first_on_market_date") public var firstOnMarketDate: String?
    @Field(key: "first_on_market") public var firstOnMarket: Bool
    @Field(key: "especially_innovative") public var especiallyInnovative: Bool
    @Field(key: "mark_code") public var markCode: String
    /// The committee's count (the first listing), or null (a renewal, an import).
    @OptionalField(key: "votes_approve") public var votesApprove: Int?
    @OptionalField(key: "votes_reject") public var votesReject: Int?
    @OptionalField(key: "recused") public var recused: Int?
    @Field(key: "published_by") public var publishedBy: String
    @Field(key: "published_at") public var publishedAt: Date
    public init() {}
}

/// The end of a listing before or at its window's end (移出目录, 到期). Append-only.
public final class CatalogueListingEndModel: Model, @unchecked Sendable {
    public static let schema = "catalogue_listing_ends"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "listing_id") public var listing: CatalogueListingModel
    @Field(key: "product_id") public var productID: UUID
    /// The first day the product is no longer listed.
    @Field(key: "ended_on") public var endedOn: String
    @Field(key: "reason") public var reason: String
    @Field(key: "ended_by") public var endedBy: String
    @Field(key: "ended_at") public var endedAt: Date
    public init() {}
}

/// An appointment to, or removal from, the editorial and review committee (编审委员会), with the
/// member's affiliations (their enterprise and the related ones: a product of one of them recuses
/// them). The latest row of an account is its standing. Append-only.
public final class CatalogueCommitteeChangeModel: Model, @unchecked Sendable {
    public static let schema = "catalogue_committee_changes"
    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "username") public var username: String
    /// `appoint` or `remove`.
    @Field(key: "action") public var action: String
    /// Credit codes as a JSON array.
    @Field(key: "affiliations_json") public var affiliationsJSON: String
    @Field(key: "changed_on") public var changedOn: String
    @Field(key: "changed_by") public var changedBy: String
    @Field(key: "changed_at") public var changedAt: Date
    public init() {}

    public var affiliations: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(affiliationsJSON.utf8))) ?? []
    }
}
