import FluentKit
import Foundation

/// A category or designation of a project.
public final class ProjectCategoryModel: Model, @unchecked Sendable {
    public static let schema = "project_categories"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "category") public var category: String
    public init() {}
    public init(id: UUID? = nil, projectID: UUID, category: String) {
        self.id = id
        self.$project.id = projectID
        self.category = category
    }
}

/// A loan of a project; its interest per year is in `LoanInterestModel`.
public final class LoanModel: Model, @unchecked Sendable {
    public static let schema = "loans"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "position") public var position: Int
    @Field(key: "code") public var code: String
    @Field(key: "lender") public var lender: String
    @Field(key: "principal_fen") public var principalFen: Int64
    @OptionalField(key: "rate") public var rate: String?
    @OptionalField(key: "start_date") public var startDate: String?
    @OptionalField(key: "end_date") public var endDate: String?
    @OptionalField(key: "catalogue_product_id") public var catalogueProductId: String?
    @Field(key: "first_on_market") public var firstOnMarket: Bool
    @Field(key: "relending_eligible") public var relendingEligible: Bool
    /// `LoanPurpose`'s raw value; nil for an equipment loan (migration 004).
    @OptionalField(key: "purpose") public var purpose: String?
    /// The contract's number (migration 016).
    @OptionalField(key: "contract_number") public var contractNumber: String?
    @Children(for: \.$loan) public var interest: [LoanInterestModel]
    public init() {}
}

/// Interest actually paid on a loan in one calendar year (confirmed by the bank).
public final class LoanInterestModel: Model, @unchecked Sendable {
    public static let schema = "loan_interest"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "loan_id") public var loan: LoanModel
    @Field(key: "year") public var year: Int
    @Field(key: "amount_fen") public var amountFen: Int64
    public init() {}
    public init(id: UUID? = nil, loanID: UUID, year: Int, amountFen: Int64) {
        self.id = id
        self.$loan.id = loanID
        self.year = year
        self.amountFen = amountFen
    }
}

public final class LeaseModel: Model, @unchecked Sendable {
    public static let schema = "leases"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "position") public var position: Int
    @Field(key: "code") public var code: String
    @Field(key: "lessor") public var lessor: String
    @Field(key: "equipment_investment_fen") public var equipmentInvestmentFen: Int64
    @OptionalField(key: "start_date") public var startDate: String?
    @OptionalField(key: "end_date") public var endDate: String?
    @Field(key: "innovative_product") public var innovativeProduct: Bool
    @OptionalField(key: "catalogue_product_id") public var catalogueProductId: String?
    @OptionalField(key: "contract_number") public var contractNumber: String?
    public init() {}
}

public final class EquipmentItemModel: Model, @unchecked Sendable {
    public static let schema = "equipment_items"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "position") public var position: Int
    @Field(key: "name") public var name: String
    @Field(key: "quantity") public var quantity: Int
    @Field(key: "unit_price_fen") public var unitPriceFen: Int64
    @OptionalField(key: "purchased") public var purchased: String?
    @OptionalField(key: "put_into_use") public var putIntoUse: String?
    @Field(key: "replaces_old") public var replacesOld: Bool
    @Field(key: "imported") public var imported: Bool
    @OptionalField(key: "tariff_rate") public var tariffRate: String?
    @Field(key: "non_exempt_catalogue") public var nonExemptCatalogue: Bool
    @OptionalField(key: "catalogue_product_id") public var catalogueProductId: String?
    /// Serial and invoice numbers (migration 016).
    @OptionalField(key: "serial_number") public var serialNumber: String?
    @OptionalField(key: "invoice_number") public var invoiceNumber: String?
    public init() {}
}

/// A certification or testing contract of a new-material product (五).
public final class CertificationModel: Model, @unchecked Sendable {
    public static let schema = "certifications"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "position") public var position: Int
    @Field(key: "product_id") public var productId: String
    @Field(key: "kind") public var kind: String
    @Field(key: "amount_fen") public var amountFen: Int64
    @OptionalField(key: "contract_number") public var contractNumber: String?
    public init() {}
}

/// One change of a project's status, kept for its history.
public final class StatusEventModel: Model, @unchecked Sendable {
    public static let schema = "project_status_events"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @OptionalField(key: "from_status") public var fromStatus: String?
    @Field(key: "to_status") public var toStatus: String
    @OptionalField(key: "note") public var note: String?
    @Field(key: "at") public var at: Date
    /// Who moved the project (the account's name, or `system:…`/`cli:…`); nil for moves
    /// recorded before the audit trail existed.
    @OptionalField(key: "changed_by") public var changedBy: String?
    public init() {}
    public init(id: UUID? = nil, projectID: UUID, from: String?, to: String, note: String?, at: Date, by actor: String? = nil) {
        self.id = id
        self.changedBy = actor
        self.$project.id = projectID
        self.fromStatus = from
        self.toStatus = to
        self.note = note
        self.at = at
    }
}
