import FluentKit
import Foundation

/// A bank's confirmation of the interest actually paid on one loan in one year (amount, the day
/// it was paid, the bank's reference). Append-only; one per loan and year.
public final class InterestConfirmationModel: Model, @unchecked Sendable {
    public static let schema = "interest_confirmations"
    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "loan_id") public var loanID: String
    @Field(key: "institution") public var institution: String
    @Field(key: "year") public var year: Int
    @Field(key: "interest_fen") public var interestFen: Int64
    @Field(key: "paid_on") public var paidOn: String
    @Field(key: "reference") public var reference: String
    @Field(key: "confirmed_by") public var confirmedBy: String
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
}

/// A lessor's confirmation of a lease's equipment investment. Append-only; one per lease.
public final class LeaseConfirmationModel: Model, @unchecked Sendable {
    public static let schema = "lease_confirmations"
    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "lease_id") public var leaseID: String
    @Field(key: "institution") public var institution: String
    @Field(key: "equipment_investment_fen") public var equipmentInvestmentFen: Int64
    @Field(key: "reference") public var reference: String
    @Field(key: "confirmed_on") public var confirmedOn: String
    @Field(key: "confirmed_by") public var confirmedBy: String
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
}
