import FluentKit
import Foundation

/// One version of a budget pool (预算资金池): the finance bureau's yearly budget for one
/// instrument, in one district or the whole city, and how it is rationed. Append-only: a
/// revision is a new row with the next version; the pool is its latest version, and every
/// earlier one is kept.
public final class BudgetPoolVersionModel: Model, @unchecked Sendable {
    public static let schema = "budget_pool_versions"
    @ID(key: .id) public var id: UUID?
    /// The pool all its versions share.
    @Field(key: "pool_id") public var poolID: UUID
    /// From 1.
    @Field(key: "version") public var version: Int
    @Field(key: "instrument") public var instrument: String
    @Field(key: "year") public var year: Int
    /// The district that pays (the vocabulary's id), or nil for the city's pool.
    @OptionalField(key: "district") public var district: String?
    @Field(key: "budget_fen") public var budgetFen: Int64
    /// `Workflow.RationingMethod`'s raw value.
    @Field(key: "method") public var method: String
    @OptionalField(key: "note") public var note: String?
    @Field(key: "saved_by") public var savedBy: String
    @Field(key: "saved_at") public var savedAt: Date
    public init() {}
}
