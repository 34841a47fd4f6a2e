import FluentKit
import Foundation
import Policy
import Workflow

extension CatalogueStore {
    /// Loads listings published before the platform (an edition of the catalogue as a file): each
    /// product is created as published with its listings, or gets the editions it lacks. The file
    /// is refused whole (422, each problem named) when an edition is already stored; nothing is
    /// written then. One transaction; every product created or extended has its audit entry.
    public func importEntries(_ entries: [CatalogueEntry], on day: Day, by who: AuditActor) async throws -> (products: Int, listings: Int) {
        try await db.transaction { db in
            var issues: [ValidationIssue] = []
            let byProduct = Dictionary(grouping: entries, by: \.productId)
            let existing = try await CatalogueProductModel.query(on: db).filter(\.$number ~~ Array(byProduct.keys)).all()
            let stored = Dictionary(existing.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
            let storedEditions = try await CatalogueListingModel.query(on: db).filter(\.$productNumber ~~ Array(byProduct.keys)).all()
            let taken = Set(storedEditions.map { "\($0.productNumber)#\($0.edition)" })
            for e in entries where taken.contains("\(e.productId)#\(e.edition)") {
                issues.append(ValidationIssue(path: "product \(e.productId), edition \(e.edition)",
                                              zh: "产品 \(e.productId) 第\(e.edition)版已在目录中", en: "product \(e.productId), edition \(e.edition) is in the catalogue already"))
            }
            for p in existing where p.status != CatalogueStatus.published.rawValue && p.status != CatalogueStatus.expired.rawValue {
                issues.append(ValidationIssue(path: "product \(p.number)", zh: "产品 \(p.number) 正在评审流程中（\(Self.status(p).label.zh)），不能导入收录",
                                              en: "product \(p.number) is in the review process (\(Self.status(p).label.en)); listings cannot be imported for it"))
            }
            guard issues.isEmpty else { throw RegistryError.invalid(issues) }
            var products = 0, listings = 0
            try await Self.advisoryLock(Self.numberLock, on: db)
            for (number, list) in byProduct.sorted(by: { $0.key < $1.key }) {
                let sorted = list.sorted { $0.edition < $1.edition }
                let first = sorted[0]
                let p: CatalogueProductModel
                if let found = stored[number] {
                    p = found
                } else {
                    p = CatalogueProductModel()
                    p.id = UUID()
                    let year = first.publishedOn.year
                    let last = try await CatalogueProductModel.query(on: db).filter(\.$year == year).sort(\.$seq, .descending).first()
                    p.year = year
                    p.seq = (last?.seq ?? 0) + 1
                    p.number = number
                    p.creditCode = first.enterpriseCode ?? ""
                    p.district = try await EnterpriseModel.query(on: db).filter(\.$creditCode == p.creditCode).first()?.district ?? ""
                    p.category = first.category ?? ""
                    p.name = first.name
                    p.description = ""
                    p.firstOnMarketDate = (first.firstOnMarketDate ?? first.publishedOn).iso
                    p.claimedEspeciallyInnovative = first.especiallyInnovative
                    p.status = CatalogueStatus.published.rawValue
                    p.markCode = first.markCode
                    p.submittedOn = day.iso
                    p.submittedBy = who.name
                    p.revision = 1
                    try await p.create(on: db)
                    products += 1
                }
                for e in sorted {
                    let l = CatalogueListingModel()
                    l.id = UUID()
                    l.$product.id = try p.requireID()
                    l.productNumber = number
                    l.edition = e.edition
                    l.name = e.name
                    l.creditCode = e.enterpriseCode ?? p.creditCode
                    l.category = e.category ?? p.category
                    l.publishedOn = e.publishedOn.iso
                    l.validFrom = e.validFrom.iso
                    l.validUntil = e.validUntil.iso
                    l.firstOnMarketDate = e.firstOnMarketDate?.iso
                    l.firstOnMarket = e.firstOnMarket
                    l.especiallyInnovative = e.especiallyInnovative
                    l.markCode = e.markCode ?? p.markCode ?? ""
                    l.publishedBy = who.name
                    l.publishedAt = Date()
                    try await l.create(on: db)
                    if let ended = e.endedOn {
                        let end = CatalogueListingEndModel()
                        end.id = UUID()
                        end.$listing.id = try l.requireID()
                        end.productID = try p.requireID()
                        end.endedOn = ended.iso
                        end.reason = "导入 / imported"
                        end.endedBy = who.name
                        end.endedAt = Date()
                        try await end.create(on: db)
                    }
                    listings += 1
                }
                // The product's status follows its latest listing: ended or past its window, expired.
                let latest = sorted.last!
                let status: CatalogueStatus = latest.endedOn != nil || latest.validUntil < day ? .expired : .published
                p.status = status.rawValue
                try await p.save(on: db)
                try await AuditTrail.append(AuditChange(action: "catalogue.import", subjectType: "catalogue_product", subjectID: try p.requireID().uuidString.lowercased(),
                                                        after: AuditChange.state(["number": number, "status": status.rawValue,
                                                                                  "editions": sorted.map { String($0.edition) }.joined(separator: ",")])),
                                            by: who, on: db)
            }
            return (products, listings)
        }
    }
}
