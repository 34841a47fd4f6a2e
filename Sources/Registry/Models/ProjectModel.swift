import FluentKit
import Foundation

/// A project with the scalar fields of the project format. Amounts are integer fen; dates are
/// ISO text (YYYY-MM-DD), which sorts and compares the same on SQLite and PostgreSQL.
public final class ProjectModel: Model, @unchecked Sendable {
    public static let schema = "projects"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "enterprise_id") public var enterprise: EnterpriseModel
    /// The enterprise's own project id (unique per enterprise).
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "national_code") public var nationalCode: String?
    @Field(key: "status") public var status: String
    @OptionalField(key: "start_date") public var startDate: String?
    @OptionalField(key: "end_date") public var endDate: String?
    @OptionalField(key: "application_date") public var applicationDate: String?
    @OptionalField(key: "declared_fen") public var declaredFen: Int64?
    @OptionalField(key: "approved_fen") public var approvedFen: Int64?
    @OptionalField(key: "new_fen") public var newFen: Int64?
    @Field(key: "zero_land") public var zeroLand: Bool
    @Field(key: "import_confirmation") public var importConfirmation: Bool
    @OptionalField(key: "innovative_contract_fen") public var innovativeContractFen: Int64?
    @OptionalField(key: "innovative_contract_product") public var innovativeContractProduct: String?
    @OptionalField(key: "market_contract_fen") public var marketContractFen: Int64?
    @OptionalField(key: "market_contract_product") public var marketContractProduct: String?
    @OptionalField(key: "software_sales_fen") public var softwareSalesFen: Int64?
    @OptionalField(key: "software_sales_product") public var softwareSalesProduct: String?
    /// The three product contracts' numbers (migration 016), for the risk flags.
    @OptionalField(key: "innovative_contract_number") public var innovativeContractNumber: String?
    @OptionalField(key: "market_contract_number") public var marketContractNumber: String?
    @OptionalField(key: "software_sales_number") public var softwareSalesNumber: String?
    /// The project's `planChecks` (十二)(十四)(十五) as the writer writes them (migration 024); nil
    /// when it declares none.
    @OptionalField(key: "plan_checks") public var planChecks: String?
    /// The project's object as `ProjectFileWriter` writes it, compact JSON, written with the
    /// project's columns and children (migration 025): what re-evaluation reads in bulk. Nil for
    /// a project stored before the migration and not saved since.
    @OptionalField(key: "project_json") public var projectJSON: String?
    /// The recommended total and instruments under the policy of the application date, kept for
    /// filtering and sorting lists; recomputed whenever the project is saved.
    @Field(key: "recommended_fen") public var recommendedFen: Int64
    /// Instrument ids of the recommended combination as ",7a,17a," (so a LIKE finds one).
    @Field(key: "recommended_instruments") public var recommendedInstruments: String
    /// Lower-cased name, code and enterprise name, for text search on both databases.
    @Field(key: "search_text") public var searchText: String
    @Field(key: "district") public var district: String

    @Children(for: \.$project) public var categories: [ProjectCategoryModel]
    @Children(for: \.$project) public var loans: [LoanModel]
    @Children(for: \.$project) public var leases: [LeaseModel]
    @Children(for: \.$project) public var equipment: [EquipmentItemModel]
    @Children(for: \.$project) public var certifications: [CertificationModel]
    @Children(for: \.$project) public var statusEvents: [StatusEventModel]
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
