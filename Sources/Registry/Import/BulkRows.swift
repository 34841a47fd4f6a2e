import Foundation
import Policy
import SQLKit

/// Rows for one table, written with multi-row INSERTs through SQLKit.
///
/// Bulk import does not go through Fluent's models: Fluent finds a model's fields by reflection
/// (`Mirror`) for every row it writes, which cost about 1.5 ms a project (three quarters of an
/// import's time, measured with perf). The values here are the same Swift types bound through
/// the same SQLKit encoders as Fluent's, so the rows read back through the models unchanged.
struct TableRows {
    let table: String
    let columns: [String]
    private(set) var rows: [[any SQLExpression]] = []

    init(_ table: String, _ columns: [String]) {
        self.table = table
        self.columns = columns
    }

    var isEmpty: Bool { rows.isEmpty }

    mutating func append(_ values: [(any Encodable & Sendable)?]) {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        rows.append(values.map { value -> any SQLExpression in
            if let value { SQLBind(value) } else { SQLLiteral.null }
        })
    }

    /// Inserts in statements of at most about 30,000 bound values (SQLite allows 32,766 and
    /// PostgreSQL 65,535 a statement).
    func insert(on sql: any SQLDatabase) async throws {
        let perStatement = max(1, 30_000 / columns.count)
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            let insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] { insert.values(row) }
            try await insert.run()
            start = end
        }
    }
}

/// The rows a chunk of imported projects adds, table by table, in the order parents need.
struct BulkRows {
    var enterprises = TableRows(EnterpriseModel.schema, ["id", "credit_code", "name", "district", "industry_code", "created_at", "updated_at"])
    var projects = TableRows(ProjectModel.schema, [
        "id", "enterprise_id", "code", "name", "national_code", "status", "start_date", "end_date", "application_date",
        "declared_fen", "approved_fen", "new_fen", "zero_land", "import_confirmation",
        "innovative_contract_fen", "innovative_contract_product", "market_contract_fen", "market_contract_product",
        "software_sales_fen", "software_sales_product", "recommended_fen", "recommended_instruments", "search_text", "district",
        "created_at", "updated_at",
    ])
    var events = TableRows(StatusEventModel.schema, ["id", "project_id", "from_status", "to_status", "note", "at"])
    var categories = TableRows(ProjectCategoryModel.schema, ["id", "project_id", "category"])
    var loans = TableRows(LoanModel.schema, [
        "id", "project_id", "position", "code", "lender", "principal_fen", "rate", "start_date", "end_date",
        "catalogue_product_id", "first_on_market", "relending_eligible",
    ])
    var interest = TableRows(LoanInterestModel.schema, ["id", "loan_id", "year", "amount_fen"])
    var leases = TableRows(LeaseModel.schema, [
        "id", "project_id", "position", "code", "lessor", "equipment_investment_fen", "start_date", "end_date",
        "innovative_product", "catalogue_product_id",
    ])
    var equipment = TableRows(EquipmentItemModel.schema, [
        "id", "project_id", "position", "name", "quantity", "unit_price_fen", "purchased", "put_into_use", "replaces_old",
        "imported", "tariff_rate", "non_exempt_catalogue", "catalogue_product_id",
    ])
    var certifications = TableRows(CertificationModel.schema, ["id", "project_id", "position", "product_id", "kind", "amount_fen"])
    var ids: OrderedIDs

    init(ids: OrderedIDs) { self.ids = ids }

    mutating func addEnterprise(id: UUID, _ e: Enterprise, at now: Date) {
        enterprises.append([id, e.creditCode, e.name, e.district, e.industryCode, now, now])
    }

    /// A new project in status reserve, with the event that records it, as `ProjectModel.assign`
    /// would store it.
    mutating func addProject(id: UUID, _ p: Project, enterpriseID: UUID, enterpriseName: String, district: String,
                             recommendedFen: Int64, instruments: [String], at now: Date) {
        projects.append([
            id, enterpriseID, p.id, p.name, p.nationalCode, ProjectStatus.reserve.rawValue, p.startDate?.iso, p.endDate?.iso,
            p.applicationDate?.iso, p.investment.declared?.fen, p.investment.approved?.fen, p.investment.new?.fen,
            p.zeroLand, p.importConfirmation,
            p.innovativeProductContract?.amount.fen, p.innovativeProductContract?.productId,
            p.marketContract?.amount.fen, p.marketContract?.productId,
            p.softwareSales?.amount.fen, p.softwareSales?.productId,
            recommendedFen, ProjectModel.instrumentList(instruments), ProjectModel.searchText(p, enterpriseName: enterpriseName), district,
            now, now,
        ])
        events.append([ids.next(), id, nil, ProjectStatus.reserve.rawValue, nil, now])
    }

    /// The child rows of a project, as `ProjectModel.children(of:projectID:)` makes them.
    mutating func addChildren(of p: Project, projectID: UUID) {
        for category in p.categories.sorted() { categories.append([ids.next(), projectID, category]) }
        for (k, loan) in p.loans.enumerated() {
            let loanID = ids.next()
            loans.append([loanID, projectID, k, loan.id, loan.lender, loan.principal.fen, loan.rate?.decimalString,
                          loan.startDate?.iso, loan.endDate?.iso, loan.catalogueProductId, loan.firstOnMarket, loan.relendingEligible])
            for y in loan.interestPaid { interest.append([ids.next(), loanID, y.year, y.amount.fen]) }
        }
        for (k, lease) in p.leases.enumerated() {
            leases.append([ids.next(), projectID, k, lease.id, lease.lessor, lease.equipmentInvestment.fen, lease.startDate?.iso,
                           lease.endDate?.iso, lease.innovativeProduct, lease.catalogueProductId])
        }
        for (k, item) in p.equipment.enumerated() {
            equipment.append([ids.next(), projectID, k, item.name, item.quantity, item.unitPrice.fen, item.purchased?.iso,
                              item.putIntoUse?.iso, item.replacesOld, item.imported, item.tariffRate?.decimalString,
                              item.nonExemptCatalogue, item.catalogueProductId])
        }
        for (k, cert) in p.certifications.enumerated() {
            certifications.append([ids.next(), projectID, k, cert.productId, cert.kind.rawValue, cert.amount.fen])
        }
    }

    /// Parents before children: enterprises, projects, then what refers to them.
    func insert(on sql: any SQLDatabase) async throws {
        for table in [enterprises, projects, events, categories, loans, interest, leases, equipment, certifications] {
            try await table.insert(on: sql)
        }
    }
}
