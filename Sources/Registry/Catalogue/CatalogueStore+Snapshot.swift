import FluentKit
import Foundation
import Policy
import Workflow

extension CatalogueStore {
    /// A listing as the engine's value.
    public static func entry(_ l: CatalogueListingModel, end: CatalogueListingEndModel?) -> CatalogueEntry {
        let published = Day(iso: l.publishedOn)!, from = Day(iso: l.validFrom)!, until = Day(iso: l.validUntil)!
        return CatalogueEntry(productId: l.productNumber, name: l.name, enterpriseCode: l.creditCode, category: l.category, edition: l.edition,
                              publishedOn: published, validFrom: from, validUntil: until,
                              firstOnMarketDate: l.firstOnMarketDate.flatMap { Day(iso: $0) }, firstOnMarket: l.firstOnMarket,
                              especiallyInnovative: l.especiallyInnovative, markCode: l.markCode.isEmpty ? nil : l.markCode,
                              endedOn: end.flatMap { Day(iso: $0.endedOn) })
    }

    /// Every listing, by product number and edition (the export, `renewal catalogue export`).
    public func entries(naming numbers: Set<String>? = nil) async throws -> [CatalogueEntry] {
        let query = CatalogueListingModel.query(on: db)
        if let numbers {
            guard !numbers.isEmpty else { return [] }
            query.filter(\.$productNumber ~~ Array(numbers))
        }
        let listings = try await query.sort(\.$productNumber).sort(\.$edition).all()
        let ids = listings.compactMap(\.id)
        let ends = ids.isEmpty ? [] : try await CatalogueListingEndModel.query(on: db).filter(\.$listing.$id ~~ ids).all()
        let endOf = Dictionary(ends.map { ($0.$listing.id, $0) }, uniquingKeysWith: { a, _ in a })
        return listings.map { Self.entry($0, end: $0.id.flatMap { endOf[$0] }) }
    }

    /// The snapshot the engine checks 17a, 17b and 17c against, holding the listings of the
    /// products named (all, when nil). Nil while the platform has no listing at all: a catalogue
    /// not yet loaded cannot tell a project anything, and the projects' declarations stand.
    public func snapshot(naming numbers: Set<String>? = nil) async throws -> CatalogueSnapshot? {
        guard try await CatalogueListingModel.query(on: db).first() != nil else { return nil }
        return CatalogueSnapshot(entries: try await entries(naming: numbers))
    }
}

extension CatalogueStore {
    /// The districts of the registered enterprises among these credit codes (the dashboard's
    /// district view of T6); an enterprise not registered belongs to no district.
    public func districts(of codes: Set<String>) async throws -> [String: String] {
        guard !codes.isEmpty else { return [:] }
        var out: [String: String] = [:]
        let all = Array(codes)
        var start = 0
        while start < all.count {
            let slice = Array(all[start..<min(start + 500, all.count)])
            start += 500
            for e in try await EnterpriseModel.query(on: db).filter(\.$creditCode ~~ slice).all() { out[e.creditCode] = e.district }
        }
        return out
    }
}
