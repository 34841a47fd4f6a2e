import FluentKit
import Foundation
import Policy

/// One entry of the disbursement ledger (资金拨付台账). Append-only in the database itself: a
/// mistake is put right by a correction entry that reverses it, never by an edit.
///
/// `amount_fen` is the entry's effect on the support paid (payments +, clawbacks −, a correction
/// the opposite of what it reverses, a repayment 0); `owed_fen` its effect on what the enterprise
/// owes back (a clawback +, a repayment −). The sums of these two columns are the ledger's state.
public final class LedgerEntryModel: Model, @unchecked Sendable {
    public static let schema = "ledger_entries"
    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "enterprise_code") public var enterpriseCode: String
    @Field(key: "district") public var district: String
    @OptionalField(key: "application_id") public var applicationID: UUID?
    @Field(key: "instrument") public var instrument: String
    /// The loan's or lease's id in the project (nil for a grant).
    @OptionalField(key: "contract_id") public var contractID: String?
    /// The bank or lessor of the contract.
    @OptionalField(key: "institution") public var institution: String?
    /// The subsidy year of a yearly entry.
    @OptionalField(key: "year") public var year: Int?
    @Field(key: "kind") public var kind: String
    @Field(key: "amount_fen") public var amountFen: Int64
    @Field(key: "owed_fen") public var owedFen: Int64
    /// `application` (paid on a case) or `automatic` (免申即享, proposed by the platform).
    @Field(key: "origin") public var origin: String
    @OptionalField(key: "proposal_id") public var proposalID: UUID?
    /// The entry a correction reverses, or the clawback a repayment pays back.
    @OptionalField(key: "reverses") public var reverses: UUID?
    @Field(key: "reason") public var reason: String
    /// The engine's computation (`PaymentComputation`) or the clawback's grounds, as JSON.
    @Field(key: "computation_json") public var computationJSON: String
    @Field(key: "recorded_on") public var recordedOn: String
    @Field(key: "recorded_by") public var recordedBy: String
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
}

/// What an entry is.
public enum LedgerEntryKind: String, Sendable, CaseIterable {
    case grant, interest, lease, clawback, repayment, correction

    public var label: LocalizedText {
        switch self {
        case .grant: return LocalizedText(zh: "奖补拨付", en: "grant payment")
        case .interest: return LocalizedText(zh: "年度贷款贴息", en: "yearly interest subsidy")
        case .lease: return LocalizedText(zh: "融资租赁补贴", en: "lease subsidy")
        case .clawback: return LocalizedText(zh: "追回", en: "clawback")
        case .repayment: return LocalizedText(zh: "退回款项", en: "repayment")
        case .correction: return LocalizedText(zh: "更正（冲销）", en: "correction (reversal)")
        }
    }
}
