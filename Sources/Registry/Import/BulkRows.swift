import FluentKit
import Foundation
import Policy

/// The rows a chunk of imported projects adds, table by table, in the order parents need.
struct BulkRows {
    var enterprises = TableRows(EnterpriseModel.schema, [
        "id", "credit_code", "name", "district", "industry_code", "legal_representative", "address", "phone", "created_at", "updated_at",
    ])
    var projects = TableRows(ProjectModel.schema, [
        "id", "enterprise_id", "code", "name", "national_code", "status", "start_date", "end_date", "application_date",
        "declared_fen", "approved_fen", "new_fen", "zero_land", "import_confirmation",
        "innovative_contract_fen", "innovative_contract_product", "market_contract_fen", "market_contract_product",
        "software_sales_fen", "software_sales_product",
        "innovative_contract_number", "market_contract_number", "software_sales_number", "plan_checks", "project_json", "recommended_fen", "recommended_instruments", "search_text", "district",
        "created_at", "updated_at",
    ])
    var events = TableRows(StatusEventModel.schema, ["id", "project_id", "from_status", "to_status", "note", "at"])
    var categories = TableRows(ProjectCategoryModel.schema, ["id", "project_id", "category"])
    var loans = TableRows(LoanModel.schema, [
        "id", "project_id", "position", "code", "lender", "principal_fen", "rate", "start_date", "end_date",
        "catalogue_product_id", "first_on_market", "relending_eligible", "purpose", "contract_number",
    ])
    var interest = TableRows(LoanInterestModel.schema, ["id", "loan_id", "year", "amount_fen"])
    var leases = TableRows(LeaseModel.schema, [
        "id", "project_id", "position", "code", "lessor", "equipment_investment_fen", "start_date", "end_date",
        "innovative_product", "catalogue_product_id", "contract_number",
    ])
    var equipment = TableRows(EquipmentItemModel.schema, [
        "id", "project_id", "position", "name", "quantity", "unit_price_fen", "purchased", "put_into_use", "replaces_old",
        "imported", "tariff_rate", "non_exempt_catalogue", "catalogue_product_id", "serial_number", "invoice_number",
    ])
    var certifications = TableRows(CertificationModel.schema, ["id", "project_id", "position", "product_id", "kind", "amount_fen", "contract_number"])
    var ids: OrderedIDs

    init(ids: OrderedIDs) { self.ids = ids }

    mutating func addEnterprise(id: UUID, _ e: Enterprise, at now: Date) {
        enterprises.append([.init(id), .init(e.creditCode), .init(e.name), .init(e.district), .init(e.industryCode),
                            .init(e.legalRepresentative), .init(e.address), .init(e.phone), .init(now), .init(now)])
    }

    /// A new project in status reserve, with the event that records it, as `ProjectModel.assign`
    /// would store it.
    mutating func addProject(id: UUID, _ p: Project, enterpriseID: UUID, enterpriseName: String, district: String,
                             recommendedFen: Int64, instruments: [String], at now: Date) {
        projects.append([
            .init(id), .init(enterpriseID), .init(p.id), .init(p.name), .init(p.nationalCode), .init(ProjectStatus.reserve.rawValue), .init(p.startDate?.iso), .init(p.endDate?.iso),
            .init(p.applicationDate?.iso), .init(p.investment.declared?.fen), .init(p.investment.approved?.fen), .init(p.investment.new?.fen),
            .init(p.zeroLand), .init(p.importConfirmation),
            .init(p.innovativeProductContract?.amount.fen), .init(p.innovativeProductContract?.productId),
            .init(p.marketContract?.amount.fen), .init(p.marketContract?.productId),
            .init(p.softwareSales?.amount.fen), .init(p.softwareSales?.productId),
            .init(p.innovativeProductContract?.contractNumber), .init(p.marketContract?.contractNumber), .init(p.softwareSales?.contractNumber),
            .init(p.planChecks.map(\.storedText)), .init(ProjectModel.storedJSON(p)),
            .init(recommendedFen), .init(ProjectModel.instrumentList(instruments)), .init(ProjectModel.searchText(p, enterpriseName: enterpriseName)), .init(district),
            .init(now), .init(now)])
        events.append([.init(ids.next()), .init(id), .null, .init(ProjectStatus.reserve.rawValue), .null, .init(now)])
    }

    /// The child rows of a project, as `ProjectModel.children(of:projectID:)` makes them.
    mutating func addChildren(of p: Project, projectID: UUID) {
        for category in p.categories.sorted() { categories.append([.init(ids.next()), .init(projectID), .init(category)]) }
        for (k, loan) in p.loans.enumerated() {
            let loanID = ids.next()
            loans.append([.init(loanID), .init(projectID), .init(k), .init(loan.id), .init(loan.lender), .init(loan.principal.fen), .init(loan.rate?.decimalString),
                          .init(loan.startDate?.iso), .init(loan.endDate?.iso), .init(loan.catalogueProductId), .init(loan.firstOnMarket), .init(loan.relendingEligible),
                          .init(loan.purpose == .equipment ? String?.none : loan.purpose.rawValue), .init(loan.contractNumber)])
            for y in loan.interestPaid { interest.append([.init(ids.next()), .init(loanID), .init(y.year), .init(y.amount.fen)]) }
        }
        for (k, lease) in p.leases.enumerated() {
            leases.append([.init(ids.next()), .init(projectID), .init(k), .init(lease.id), .init(lease.lessor), .init(lease.equipmentInvestment.fen), .init(lease.startDate?.iso),
                           .init(lease.endDate?.iso), .init(lease.innovativeProduct), .init(lease.catalogueProductId),
                           .init(lease.contractNumber)])
        }
        for (k, item) in p.equipment.enumerated() {
            equipment.append([.init(ids.next()), .init(projectID), .init(k), .init(item.name), .init(item.quantity), .init(item.unitPrice.fen), .init(item.purchased?.iso),
                              .init(item.putIntoUse?.iso), .init(item.replacesOld), .init(item.imported), .init(item.tariffRate?.decimalString),
                              .init(item.nonExemptCatalogue), .init(item.catalogueProductId), .init(item.serialNumber), .init(item.invoiceNumber)])
        }
        for (k, cert) in p.certifications.enumerated() {
            certifications.append([.init(ids.next()), .init(projectID), .init(k), .init(cert.productId), .init(cert.kind.rawValue), .init(cert.amount.fen),
                                  .init(cert.contractNumber)])
        }
    }

    /// Parents before children: enterprises, projects, then what refers to them.
    func insert(on db: any Database) async throws {
        for table in [enterprises, projects, events, categories, loans, interest, leases, equipment, certifications] {
            try await table.insert(on: db)
        }
    }
}
