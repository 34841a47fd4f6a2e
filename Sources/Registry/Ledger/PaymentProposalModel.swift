import FluentKit
import Foundation

/// A payment the engine computed and an officer has yet to approve: on a case (an officer asked
/// for it) or without one (免申即享: the platform proposed it from confirmed data, in a batch).
/// Its state moves once — proposed → paid, declined (by the enterprise) or withdrawn (by an
/// officer) — and each move is in the audit trail; the amount paid is the ledger entry's.
public final class PaymentProposalModel: Model, @unchecked Sendable {
    public static let schema = "payment_proposals"
    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "enterprise_code") public var enterpriseCode: String
    @Field(key: "district") public var district: String
    @OptionalField(key: "application_id") public var applicationID: UUID?
    @Field(key: "instrument") public var instrument: String
    @Field(key: "basis") public var basis: String
    @OptionalField(key: "contract_id") public var contractID: String?
    @OptionalField(key: "institution") public var institution: String?
    @OptionalField(key: "year") public var year: Int?
    @Field(key: "amount_fen") public var amountFen: Int64
    @Field(key: "computation_json") public var computationJSON: String
    @Field(key: "origin") public var origin: String
    @OptionalField(key: "batch_id") public var batchID: UUID?
    @Field(key: "state") public var state: String
    @Field(key: "proposed_on") public var proposedOn: String
    @Field(key: "proposed_by") public var proposedBy: String
    @OptionalField(key: "settled_on") public var settledOn: String?
    @OptionalField(key: "settled_by") public var settledBy: String?
    @OptionalField(key: "entry_id") public var entryID: UUID?
    @OptionalField(key: "note") public var note: String?
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
}

public enum PaymentProposalState: String, Sendable, CaseIterable {
    case proposed, paid, declined, withdrawn
}

public enum LedgerOrigin: String, Sendable {
    case application, automatic
}
