import FluentKit
import Foundation
import Policy
import SQLKit

/// The stored projects read in bulk into the batch engine's population, chunk by chunk: per
/// chunk one query of the projects (with their enterprise's code, district and industry) in id
/// order, each project's stored object (`project_json`) scanned into the population by the bulk
/// reader's fast path — no Fluent models, no query per project. A project stored before that
/// column was kept (and not saved since) is rebuilt from its child rows instead: one query per
/// child table over the chunk's range of ids, the engine's inputs only (what
/// `PopulationBuilder` lays out).
struct StoredPopulation: Sendable {
    /// One chunk: the population of its projects and, beside it in the same order, what the
    /// re-evaluation compares and reports.
    struct Chunk: Sendable {
        var population: Population
        var ids: [UUID] = []
        var recommendedFen: [Int64] = []
        var recommendedInstruments: [String] = []
        var creditCodes: [String] = []
        var codes: [String] = []
        var names: [String] = []
    }

    let db: any Database
    let vocabulary: Vocabulary

    /// The project columns read, in the order `read` takes them by position.
    static let projectColumns = ["id", "code", "name", "application_date", "declared_fen", "approved_fen", "new_fen", "zero_land",
                                 "import_confirmation", "innovative_contract_fen", "market_contract_fen", "software_sales_fen",
                                 "recommended_fen", "recommended_instruments", "credit_code", "district", "industry_code", "plan_checks",
                                 "project_json"]

    /// A project of the chunk as read: its stored object (scanned into the population), or, for a
    /// project stored before `project_json` was kept, its columns (its children read after).
    private enum Stored {
        case json(String, district: String, industry: String)
        case rows(UUID, Project, Enterprise)
    }

    /// The next `limit` stored projects in id order, after `after` (from the first when nil).
    func read(after: UUID?, limit: Int) async throws -> Chunk {
        let selected = Self.projectColumns.prefix(14).map { "p.\($0) AS \($0)" }
            + ["e.credit_code AS credit_code", "e.district AS district", "e.industry_code AS industry_code", "p.plan_checks AS plan_checks",
               "p.project_json AS project_json"]
        let text = "SELECT " + selected.joined(separator: ", ")
            + " FROM \(ProjectModel.schema) p JOIN \(EnterpriseModel.schema) e ON p.enterprise_id = e.id"
            + (after == nil ? "" : " WHERE p.id > ?") + " ORDER BY p.id LIMIT \(max(1, limit))"
        // The rows first (the chunk's range of ids decides the children's queries).
        var projects: [Stored] = []
        var withoutJSON = 0
        var chunk = Chunk(population: try PopulationBuilder(vocabulary: vocabulary).population)
        var dates: [String: Day] = [:]
        func day(_ text: String?) -> Day? {
            guard let text else { return nil }
            if let d = dates[text] { return d }
            let d = Day(iso: text)
            if let d { dates[text] = d }
            return d
        }
        try await StoredRows.each(db, text, columns: Self.projectColumns, binds: after.map { [$0] } ?? []) { row in
            let id = try row.uuid(0)
            let code = try row.requiredText(1)
            let creditCode = try row.requiredText(14)
            chunk.ids.append(id)
            chunk.codes.append(code)
            chunk.names.append(try row.requiredText(2))
            chunk.creditCodes.append(creditCode)
            chunk.recommendedFen.append(try row.requiredInt(12))
            chunk.recommendedInstruments.append(try row.requiredText(13))
            if let json = try row.text(18) {
                projects.append(.json(json, district: try row.requiredText(15), industry: try row.requiredText(16)))
                return
            }
            withoutJSON += 1
            func fen(_ i: Int) throws -> Money? { try row.int(i).map(Money.init(fen:)) }
            var p = Project(id: code, categories: [], applicationDate: day(try row.text(3)),
                            investment: Investment(declared: try fen(4), approved: try fen(5), new: try fen(6)),
                            zeroLand: try row.bool(7), importConfirmation: try row.bool(8))
            p.innovativeProductContract = try fen(9).map { ProductContract(amount: $0) }
            p.marketContract = try fen(10).map { ProductContract(amount: $0) }
            p.softwareSales = try fen(11).map { ProductContract(amount: $0) }
            // The stated checks (PUE, the IT gain, grading, the smart-factory levels) decide 7a–7c and 12 as on create.
            p.planChecks = try row.text(17).flatMap(PlanChecks.stored)
            projects.append(.rows(id, p, Enterprise(creditCode: creditCode, name: "", district: try row.requiredText(15),
                                                    industryCode: try row.requiredText(16))))
        }
        guard let from = chunk.ids.first, let to = chunk.ids.last else { return chunk }
        // Child rows only for the projects that have no object stored.
        let children = withoutJSON == 0 ? Children() : try await Children.read(db, from: from, to: to, day: day)

        var builder = try PopulationBuilder(vocabulary: vocabulary)
        builder.reserve(projects: projects.count)
        var reader = StoredProjectReader(vocabulary: vocabulary, for: builder)
        for (k, stored) in projects.enumerated() {
            switch stored {
            case .json(let json, let district, let industry):
                if let refused = reader.append(json: json, district: district, industryCode: industry, into: &builder) {
                    throw RegistryError.conflict(LocalizedText(
                        zh: "存储的项目 \(chunk.ids[k].uuidString.lowercased()) 读不出：" + refused.issues.map { "\($0.path) \($0.message.zh)" }.joined(separator: "；"),
                        en: "the stored project \(chunk.ids[k].uuidString.lowercased()) cannot be read: " + refused.issues.map { "\($0.path) \($0.message.en)" }.joined(separator: "; ")))
                }
            case .rows(let id, var p, let enterprise):
                p.categories = children.categories[id] ?? []
                p.loans = children.loans[id] ?? []
                p.leases = children.leases[id] ?? []
                p.equipment = children.equipment[id] ?? []
                p.certifications = children.certifications[id] ?? []
                builder.append(p, enterprise: enterprise)
            }
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

    /// The rows of `table` whose project id is between `from` and `to` (the chunk's first and
    /// last), `project_id` first; in stored position when `order`.
    static func rows(_ db: any Database, _ table: String, _ columns: [String], from: UUID, to: UUID, order: Bool = true,
                     _ body: (StoredRows.Row) throws -> Void) async throws {
        let text = "SELECT " + columns.joined(separator: ", ") + " FROM \(table) WHERE project_id >= ? AND project_id <= ?"
            + (order ? " ORDER BY project_id, position" : "")
        try await StoredRows.each(db, text, columns: columns, binds: [from, to], body)
    }

    static func read(_ db: any Database, from: UUID, to: UUID, day: (String?) -> Day?) async throws -> Children {
        var c = Children()
        // A chunk's children name few distinct values over and over: one String, one parse each.
        var categoryNames: Set<String> = []
        try await rows(db, ProjectCategoryModel.schema, ["project_id", "category"], from: from, to: to, order: false) { row in
            let name = try row.requiredText(1)
            c.categories[try row.uuid(0), default: []].insert(categoryNames.insert(name).memberAfterInsert)
        }
        // Interest by loan, through the loans of the chunk's projects.
        var interest: [UUID: [YearAmount]] = [:]
        let interestSQL = "SELECT i.loan_id AS loan_id, i.year AS year, i.amount_fen AS amount_fen FROM \(LoanInterestModel.schema) i"
            + " JOIN \(LoanModel.schema) l ON i.loan_id = l.id WHERE l.project_id >= ? AND l.project_id <= ?"
        try await StoredRows.each(db, interestSQL, columns: ["loan_id", "year", "amount_fen"], binds: [from, to]) { row in
            interest[try row.uuid(0), default: []].append(YearAmount(year: Int(try row.requiredInt(1)), amount: Money(fen: try row.requiredInt(2))))
        }
        var rates: [String: Ratio] = [:]
        func ratio(_ text: String?) -> Ratio? {
            guard let text else { return nil }
            if let r = rates[text] { return r }
            let r = Ratio(text: text)
            if let r { rates[text] = r }
            return r
        }
        try await rows(db, LoanModel.schema, ["project_id", "id", "code", "principal_fen", "start_date", "end_date",
                                              "catalogue_product_id", "first_on_market", "relending_eligible", "purpose"],
                       from: from, to: to) { row in
            let loan = Loan(id: try row.requiredText(2), principal: Money(fen: try row.requiredInt(3)),
                            startDate: day(try row.text(4)), endDate: day(try row.text(5)),
                            interestPaid: (interest[try row.uuid(1)] ?? []).sorted { $0.year < $1.year },
                            catalogueProductId: try row.text(6), firstOnMarket: try row.bool(7), relendingEligible: try row.bool(8),
                            purpose: try row.text(9).flatMap(LoanPurpose.init(rawValue:)) ?? .equipment)
            c.loans[try row.uuid(0), default: []].append(loan)
        }
        try await rows(db, LeaseModel.schema, ["project_id", "code", "equipment_investment_fen", "innovative_product", "catalogue_product_id"],
                       from: from, to: to) { row in
            let lease = Lease(id: try row.requiredText(1), equipmentInvestment: Money(fen: try row.requiredInt(2)),
                              innovativeProduct: try row.bool(3), catalogueProductId: try row.text(4))
            c.leases[try row.uuid(0), default: []].append(lease)
        }
        try await rows(db, EquipmentItemModel.schema, ["project_id", "quantity", "unit_price_fen", "purchased", "put_into_use", "replaces_old",
                                                       "imported", "tariff_rate", "non_exempt_catalogue", "catalogue_product_id"],
                       from: from, to: to) { row in
            let item = EquipmentItem(name: "", quantity: Int(try row.requiredInt(1)), unitPrice: Money(fen: try row.requiredInt(2)),
                                     purchased: day(try row.text(3)), putIntoUse: day(try row.text(4)),
                                     replacesOld: try row.bool(5), imported: try row.bool(6), tariffRate: ratio(try row.text(7)),
                                     nonExemptCatalogue: try row.bool(8), catalogueProductId: try row.text(9))
            c.equipment[try row.uuid(0), default: []].append(item)
        }
        try await rows(db, CertificationModel.schema, ["project_id", "product_id", "kind", "amount_fen"], from: from, to: to) { row in
            let cert = CertificationContract(productId: try row.requiredText(1),
                                             kind: CertificationContract.Kind(rawValue: try row.requiredText(2)) ?? .certification,
                                             amount: Money(fen: try row.requiredInt(3)))
            c.certifications[try row.uuid(0), default: []].append(cert)
        }
        return c
    }
}
