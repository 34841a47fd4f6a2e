import FluentKit
import Foundation
import Policy
import Workflow

/// What an enterprise submits (申报): validated by the caller (lengths, dates), checked here
/// against the registry (a registered enterprise).
public struct CatalogueSubmission: Sendable {
    public var creditCode: String
    public var category: String
    public var name: String
    public var firstOnMarketDate: Day
    public var claimedEspeciallyInnovative: Bool
    public var description: String

    public init(creditCode: String, category: String, name: String, firstOnMarketDate: Day, claimedEspeciallyInnovative: Bool, description: String) {
        self.creditCode = creditCode
        self.category = category
        self.name = name
        self.firstOnMarketDate = firstOnMarketDate
        self.claimedEspeciallyInnovative = claimedEspeciallyInnovative
        self.description = description
    }
}

extension CatalogueStore {
    /// Submits a product of a registered enterprise on `day`: numbered `CP-<year>-<serial>`.
    public func submit(_ s: CatalogueSubmission, on day: Day, by who: AuditActor) async throws -> CatalogueProductModel {
        try await db.transaction { db in
            guard let enterprise = try await EnterpriseModel.query(on: db).filter(\.$creditCode == s.creditCode).first() else {
                throw RegistryError.invalid([ValidationIssue(path: "$.creditCode", zh: "企业 \(s.creditCode) 尚未登记", en: "the enterprise \(s.creditCode) is not registered")])
            }
            if rules.category(s.category) == nil {
                let offered = rules.categories.map(\.id).joined(separator: ", ")
                throw RegistryError.invalid([ValidationIssue(path: "$.category", zh: "申报类别应为以下之一：\(offered)；实为 \(s.category)",
                                                             en: "the category must be one of \(offered), not \(s.category)")])
            }
            if s.firstOnMarketDate > day {
                throw RegistryError.invalid([ValidationIssue(path: "$.firstOnMarketDate", zh: "首次投放市场日期不能晚于今天 \(day)",
                                                             en: "the date first on the market cannot be after today, \(day)")])
            }
            try await Self.advisoryLock(Self.numberLock, on: db)
            let last = try await CatalogueProductModel.query(on: db).filter(\.$year == day.year).sort(\.$seq, .descending).first()
            let p = CatalogueProductModel()
            let id = UUID()
            p.id = id
            p.year = day.year
            p.seq = (last?.seq ?? 0) + 1
            p.number = Self.number(year: p.year, seq: p.seq)
            // An imported listing may carry a number of this shape already: take the next free one.
            while try await CatalogueProductModel.query(on: db).filter(\.$number == p.number).first() != nil {
                p.seq += 1
                p.number = Self.number(year: p.year, seq: p.seq)
            }
            p.creditCode = s.creditCode
            p.district = enterprise.district
            p.category = s.category
            p.name = s.name
            p.description = s.description
            p.firstOnMarketDate = s.firstOnMarketDate.iso
            p.claimedEspeciallyInnovative = s.claimedEspeciallyInnovative
            p.status = CatalogueStatus.submitted.rawValue
            p.submittedOn = day.iso
            p.submittedBy = who.name
            p.revision = 1
            try await p.create(on: db)
            try await AuditTrail.append(AuditChange(action: "catalogue.submit", subjectType: "catalogue_product", subjectID: id.uuidString.lowercased(),
                                                    after: AuditChange.state(["number": p.number, "status": p.status, "creditCode": p.creditCode,
                                                                              "name": p.name, "category": p.category,
                                                                              "firstOnMarketDate": p.firstOnMarketDate,
                                                                              "claimedEspeciallyInnovative": String(p.claimedEspeciallyInnovative)])),
                                        by: who, on: db)
            return p
        }
    }
}
