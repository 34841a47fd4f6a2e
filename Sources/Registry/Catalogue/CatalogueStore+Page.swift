import FluentKit
import Foundation
import Workflow

/// What the catalogue's pages read beside a page of products, in a few queries whatever its
/// length: each product's latest listing with its end, the enterprises' names, and where the
/// signed-in member stands on a product (the rule is `CommitteeSeat`'s, as the vote checks it).
extension CatalogueStore {
    /// Each product's latest listing (highest edition) and its end, if any.
    public func latestListings(of ids: [UUID]) async throws -> [UUID: (listing: CatalogueListingModel, end: CatalogueListingEndModel?)] {
        guard !ids.isEmpty else { return [:] }
        let listings = try await CatalogueListingModel.query(on: db).filter(\.$product.$id ~~ ids).all()
        var latest: [UUID: CatalogueListingModel] = [:]
        for l in listings where (latest[l.$product.id]?.edition ?? 0) < l.edition { latest[l.$product.id] = l }
        let listingIDs = latest.values.compactMap(\.id)
        let ends = listingIDs.isEmpty ? [] : try await CatalogueListingEndModel.query(on: db).filter(\.$listing.$id ~~ listingIDs).all()
        return latest.mapValues { l in (l, ends.first { $0.$listing.id == l.id }) }
    }

    /// The registered names of the enterprises with these credit codes.
    public func enterpriseNames(_ codes: Set<String>) async throws -> [String: String] {
        guard !codes.isEmpty else { return [:] }
        let rows = try await EnterpriseModel.query(on: db).filter(\.$creditCode ~~ Array(codes)).all()
        return Dictionary(rows.map { ($0.creditCode, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether the account may vote on the product: not a member, recused (and why), or may vote.
    public func seat(of userID: UUID, on p: CatalogueProductModel) async throws -> CommitteeSeat {
        try await Self.seat(userID, product: p, store: self, on: db)
    }
}
