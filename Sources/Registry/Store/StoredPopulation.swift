import FluentKit
import Foundation
import Policy
import SQLKit

/// The stored projects read in bulk into the batch engine's population, chunk by chunk: per
/// chunk one query of the projects (with their enterprise's code, district and industry) in id
/// order, then one query per child table over the chunk's range of ids — no Fluent models, no
/// query per project. The children are the engine's inputs only (what `PopulationBuilder`
/// lays out); names, serial numbers and contract numbers stay in the database.
struct StoredPopulation {
    /// One chunk: the population of its projects and, beside it in the same order, what the
    /// re-evaluation compares and reports.
    struct Chunk {
        var population: Population
        var ids: [UUID] = []
        var recommendedFen: [Int64] = []
        var recommendedInstruments: [String] = []
        var creditCodes: [String] = []
        var codes: [String] = []
        var names: [String] = []
    }

    let sql: any SQLDatabase
    let vocabulary: Vocabulary

    /// Every stored project, `size` at a time, in id order.
    func forEachChunk(size: Int = 20_000, _ body: (Chunk) async throws -> Void) async throws {
        var after: UUID?
        while true {
            let chunk = try await read(after: after, limit: size)
            if chunk.ids.isEmpty { return }
            try await body(chunk)
            if chunk.ids.count < size { return }
            after = chunk.ids.last
        }
    }

    func read(after: UUID?, limit: Int) async throws -> Chunk {
        var q = sql.select()
            .column(SQLColumn("id", table: "p")).column(SQLColumn("code", table: "p")).column(SQLColumn("name", table: "p"))
            .columns(["application_date", "declared_fen", "approved_fen", "new_fen", "zero_land", "import_confirmation",
                      "innovative_contract_fen", "market_contract_fen", "software_sales_fen", "recommended_fen",
                      "recommended_instruments"].map { SQLColumn($0, table: "p") })
            .column(SQLColumn("credit_code", table: "e")).column(SQLColumn("district", table: "e"))
            .column(SQLColumn("industry_code", table: "e"))
            .from(SQLAlias(SQLIdentifier(ProjectModel.schema), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier(EnterpriseModel.schema), as: SQLIdentifier("e")), method: SQLJoinMethod.inner,
                  on: SQLColumn("enterprise_id", table: "p"), .equal, SQLColumn("id", table: "e"))
        if let after { q = q.where(SQLColumn("id", table: "p"), .greaterThan, SQLBind(after)) }
        let rows = try await q.orderBy(SQLColumn("id", table: "p")).limit(limit).all()
        var chunk = Chunk(population: try PopulationBuilder(vocabulary: vocabulary).population)
        guard let first = rows.first, let last = rows.last else { return chunk }
        let from = try first.decode(column: "id", as: UUID.self), to = try last.decode(column: "id", as: UUID.self)
        let children = try await Children.read(sql, from: from, to: to)

        var builder = try PopulationBuilder(vocabulary: vocabulary)
        builder.reserve(projects: rows.count)
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let code = try row.decode(column: "code", as: String.self)
            func fen(_ c: String) throws -> Money? { try row.decode(column: c, as: Int64?.self).map(Money.init(fen:)) }
            var p = Project(id: code, categories: children.categories[id] ?? [],
                            applicationDate: try row.decode(column: "application_date", as: String?.self).flatMap(Day.init(iso:)),
                            investment: Investment(declared: try fen("declared_fen"), approved: try fen("approved_fen"), new: try fen("new_fen")),
                            zeroLand: try row.decode(column: "zero_land", as: Bool.self),
                            importConfirmation: try row.decode(column: "import_confirmation", as: Bool.self))
            p.loans = children.loans[id] ?? []
            p.leases = children.leases[id] ?? []
            p.equipment = children.equipment[id] ?? []
            p.certifications = children.certifications[id] ?? []
            p.innovativeProductContract = try fen("innovative_contract_fen").map { ProductContract(amount: $0) }
            p.marketContract = try fen("market_contract_fen").map { ProductContract(amount: $0) }
            p.softwareSales = try fen("software_sales_fen").map { ProductContract(amount: $0) }
            let creditCode = try row.decode(column: "credit_code", as: String.self)
            builder.append(p, enterprise: Enterprise(creditCode: creditCode, name: "", district: try row.decode(column: "district", as: String.self),
                                                     industryCode: try row.decode(column: "industry_code", as: String.self)))
            chunk.ids.append(id)
            chunk.codes.append(code)
            chunk.names.append(try row.decode(column: "name", as: String.self))
            chunk.creditCodes.append(creditCode)
            chunk.recommendedFen.append(try row.decode(column: "recommended_fen", as: Int64.self))
            chunk.recommendedInstruments.append(try row.decode(column: "recommended_instruments", as: String.self))
        }
        chunk.population = builder.population
        return chunk
    }
}

/// A chunk's children by project id, each list in its stored position.
private struct Children {
    var categories: [UUID: Set<String>] = [:]
    var loans: [UUID: [Loan]] = [:]
    var leases: [UUID: [Lease]] = [:]
    var equipment: [UUID: [EquipmentItem]] = [:]
    var certifications: [UUID: [CertificationContract]] = [:]

    /// The rows of `table` whose project id is between `from` and `to` (the chunk's first and last).
    static func rows(_ sql: any SQLDatabase, _ table: String, _ columns: [String], from: UUID, to: UUID,
                     order: Bool = true) async throws -> [any SQLRow] {
        var q = sql.select().columns(columns.map { SQLColumn($0) }).from(table)
            .where(SQLColumn("project_id"), .greaterThanOrEqual, SQLBind(from))
            .where(SQLColumn("project_id"), .lessThanOrEqual, SQLBind(to))
        if order { q = q.orderBy("project_id").orderBy("position") }
        return try await q.all()
    }

    static func read(_ sql: any SQLDatabase, from: UUID, to: UUID) async throws -> Children {
        var c = Children()
        func day(_ row: any SQLRow, _ column: String) throws -> Day? {
            try row.decode(column: column, as: String?.self).flatMap(Day.init(iso:))
        }
        for row in try await rows(sql, ProjectCategoryModel.schema, ["project_id", "category"], from: from, to: to, order: false) {
            c.categories[try row.decode(column: "project_id", as: UUID.self), default: []].insert(try row.decode(column: "category", as: String.self))
        }
        // Interest by loan, through the loans of the chunk's projects.
        var interest: [UUID: [YearAmount]] = [:]
        let interestRows = try await sql.select()
            .column(SQLColumn("loan_id", table: "i")).column(SQLColumn("year", table: "i")).column(SQLColumn("amount_fen", table: "i"))
            .from(SQLAlias(SQLIdentifier(LoanInterestModel.schema), as: SQLIdentifier("i")))
            .join(SQLAlias(SQLIdentifier(LoanModel.schema), as: SQLIdentifier("l")), method: SQLJoinMethod.inner,
                  on: SQLColumn("loan_id", table: "i"), .equal, SQLColumn("id", table: "l"))
            .where(SQLColumn("project_id", table: "l"), .greaterThanOrEqual, SQLBind(from))
            .where(SQLColumn("project_id", table: "l"), .lessThanOrEqual, SQLBind(to))
            .all()
        for row in interestRows {
            interest[try row.decode(column: "loan_id", as: UUID.self), default: []]
                .append(YearAmount(year: try row.decode(column: "year", as: Int.self), amount: Money(fen: try row.decode(column: "amount_fen", as: Int64.self))))
        }
        for row in try await rows(sql, LoanModel.schema, ["id", "project_id", "code", "principal_fen", "start_date", "end_date",
                                                          "catalogue_product_id", "first_on_market", "relending_eligible", "purpose"],
                                  from: from, to: to) {
            let loanID = try row.decode(column: "id", as: UUID.self)
            let loan = Loan(id: try row.decode(column: "code", as: String.self), principal: Money(fen: try row.decode(column: "principal_fen", as: Int64.self)),
                            startDate: try day(row, "start_date"), endDate: try day(row, "end_date"),
                            interestPaid: (interest[loanID] ?? []).sorted { $0.year < $1.year },
                            catalogueProductId: try row.decode(column: "catalogue_product_id", as: String?.self),
                            firstOnMarket: try row.decode(column: "first_on_market", as: Bool.self),
                            relendingEligible: try row.decode(column: "relending_eligible", as: Bool.self),
                            purpose: try row.decode(column: "purpose", as: String?.self).flatMap(LoanPurpose.init(rawValue:)) ?? .equipment)
            c.loans[try row.decode(column: "project_id", as: UUID.self), default: []].append(loan)
        }
        for row in try await rows(sql, LeaseModel.schema, ["project_id", "code", "equipment_investment_fen", "innovative_product",
                                                           "catalogue_product_id"], from: from, to: to) {
            let lease = Lease(id: try row.decode(column: "code", as: String.self),
                              equipmentInvestment: Money(fen: try row.decode(column: "equipment_investment_fen", as: Int64.self)),
                              innovativeProduct: try row.decode(column: "innovative_product", as: Bool.self),
                              catalogueProductId: try row.decode(column: "catalogue_product_id", as: String?.self))
            c.leases[try row.decode(column: "project_id", as: UUID.self), default: []].append(lease)
        }
        for row in try await rows(sql, EquipmentItemModel.schema, ["project_id", "quantity", "unit_price_fen", "purchased", "put_into_use",
                                                                   "replaces_old", "imported", "tariff_rate", "non_exempt_catalogue",
                                                                   "catalogue_product_id"], from: from, to: to) {
            let item = EquipmentItem(name: "", quantity: try row.decode(column: "quantity", as: Int.self),
                                     unitPrice: Money(fen: try row.decode(column: "unit_price_fen", as: Int64.self)),
                                     purchased: try day(row, "purchased"), putIntoUse: try day(row, "put_into_use"),
                                     replacesOld: try row.decode(column: "replaces_old", as: Bool.self),
                                     imported: try row.decode(column: "imported", as: Bool.self),
                                     tariffRate: try row.decode(column: "tariff_rate", as: String?.self).flatMap(Ratio.init(text:)),
                                     nonExemptCatalogue: try row.decode(column: "non_exempt_catalogue", as: Bool.self),
                                     catalogueProductId: try row.decode(column: "catalogue_product_id", as: String?.self))
            c.equipment[try row.decode(column: "project_id", as: UUID.self), default: []].append(item)
        }
        for row in try await rows(sql, CertificationModel.schema, ["project_id", "product_id", "kind", "amount_fen"], from: from, to: to) {
            let cert = CertificationContract(productId: try row.decode(column: "product_id", as: String.self),
                                             kind: CertificationContract.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .certification,
                                             amount: Money(fen: try row.decode(column: "amount_fen", as: Int64.self)))
            c.certifications[try row.decode(column: "project_id", as: UUID.self), default: []].append(cert)
        }
        return c
    }
}
