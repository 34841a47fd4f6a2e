import FluentKit
import Foundation
import Policy
import Workflow

extension CatalogueStore {
    /// The committee's decision and the publication: refused (409) without the quorum; rejected
    /// when the majority is not reached; otherwise published on `day` for the validity period,
    /// with the mark's code, the catalogue's judgement of "first on the market" and of "especially
    /// innovative" (the claim stands when the committee approved it).
    public func publish(_ key: String, on day: Day, role: Role, by who: AuditActor) async throws -> (product: CatalogueProductModel, tally: CommitteeTally) {
        try await db.transaction { db in
            let p = try await Self.lock(key, on: db)
            if let refusal = CatalogueStep.publish.refusal(in: Self.status(p), by: role) { throw RegistryError.conflict(refusal) }
            let tally = try await self.tally(p, on: db)
            let counts: [String: String?] = ["approve": String(tally.approve), "reject": String(tally.reject), "recused": String(tally.recused),
                                             "members": String(tally.members), "outcome": tally.outcome.rawValue]
            switch tally.outcome {
            case .noQuorum: throw RegistryError.conflict(tally.noQuorum(rules: rules))
            case .rejected:
                try await Self.move(p, to: .rejected, action: "catalogue.decide", detail: counts, by: who, on: db)
                return (p, tally)
            case .approved: break
            }
            try await Self.advisoryLock(Self.markLock, on: db)
            let marked = try await CatalogueProductModel.query(on: db).filter(\.$markCode != nil).all()
                .filter { $0.markCode?.hasPrefix("\(rules.markPrefix)-\(day.year)-") == true }.count
            p.markCode = CatalogueMarkCode.code(prefix: rules.markPrefix, year: day.year, serial: marked + 1)
            let window = CatalogueListingWindow.first(publishedOn: day, rules: rules)
            try await addListing(p, edition: 1, window: window, on: day, tally: tally, by: who, db: db)
            var detail = counts
            detail["markCode"] = p.markCode
            detail["validFrom"] = window.from.iso
            detail["validUntil"] = window.until.iso
            try await Self.move(p, to: .published, action: "catalogue.publish", detail: detail, by: who, on: db)
            return (p, tally)
        }
    }

    /// Another period for a published or expired product: a new listing (edition + 1) after the
    /// current one, or from `day` when it has ended.
    public func renew(_ key: String, on day: Day, role: Role, by who: AuditActor) async throws -> CatalogueProductModel {
        try await db.transaction { db in
            let p = try await Self.lock(key, on: db)
            if let refusal = CatalogueStep.renew.refusal(in: Self.status(p), by: role) { throw RegistryError.conflict(refusal) }
            let history = try await self.history(of: p.requireID(), on: db)
            guard let last = history.listings.last else {
                throw RegistryError.conflict(LocalizedText(zh: "该产品没有列入记录", en: "the product has no listing to renew"))
            }
            let lastDay = Self.entry(last.listing, end: last.end).lastDay
            let window = CatalogueListingWindow.renewal(after: lastDay, on: day, rules: rules)
            try await addListing(p, edition: last.listing.edition + 1, window: window, on: day, tally: nil, by: who, db: db,
                                 especiallyInnovative: last.listing.especiallyInnovative)
            try await Self.move(p, to: .published, action: "catalogue.renew",
                                detail: ["edition": String(last.listing.edition + 1), "validFrom": window.from.iso, "validUntil": window.until.iso],
                                by: who, on: db)
            return p
        }
    }

    /// Ends the current listing from `day` (移出目录) with a reason; the listing row stays as it was.
    public func expire(_ key: String, reason: String, on day: Day, role: Role, by who: AuditActor) async throws -> CatalogueProductModel {
        try await db.transaction { db in
            let p = try await Self.lock(key, on: db)
            if let refusal = CatalogueStep.expire.refusal(in: Self.status(p), by: role) { throw RegistryError.conflict(refusal) }
            try await endListing(p, on: day, reason: reason, by: who, db: db)
            return p
        }
    }

    /// Marks expired every published product whose last listing's window closed before `day`
    /// (`renewal catalogue expire`); returns how many.
    public func expireLapsed(on day: Day, by who: AuditActor) async throws -> Int {
        let published = try await CatalogueProductModel.query(on: db).filter(\.$status == CatalogueStatus.published.rawValue).all()
        var count = 0
        for p in published {
            let history = try await history(of: p.requireID())
            guard let last = history.listings.last, last.end == nil, Day(iso: last.listing.validUntil).map({ $0 < day }) == true else { continue }
            let ended = try await db.transaction { db -> Bool in
                let locked = try await Self.lock(p.number, on: db)
                guard Self.status(locked) == .published else { return false }
                let ended = Day(iso: last.listing.validUntil)!.adding(days: 1)
                try await endListing(locked, on: ended, reason: "有效期届满 / the listing's period ended", by: who, db: db)
                return true
            }
            if ended { count += 1 }
        }
        return count
    }

    func endListing(_ p: CatalogueProductModel, on day: Day, reason: String, by who: AuditActor, db: any Database) async throws {
        let history = try await history(of: p.requireID(), on: db)
        guard let last = history.listings.last, last.end == nil else {
            throw RegistryError.conflict(LocalizedText(zh: "该产品当前没有列入记录", en: "the product has no listing in force"))
        }
        let end = CatalogueListingEndModel()
        end.id = UUID()
        end.$listing.id = try last.listing.requireID()
        end.productID = try p.requireID()
        // Ended on a day before the window opens (a renewal not yet begun): it ends at the window's start.
        let from = Day(iso: last.listing.validFrom) ?? day
        end.endedOn = max(day, from).iso
        end.reason = reason
        end.endedBy = who.name
        end.endedAt = Date()
        try await end.create(on: db)
        try await Self.move(p, to: .expired, action: "catalogue.expire",
                            detail: ["edition": String(last.listing.edition), "endedOn": end.endedOn, "reason": reason], by: who, on: db)
    }

    func addListing(_ p: CatalogueProductModel, edition: Int, window: (from: Day, until: Day), on day: Day, tally: CommitteeTally?,
                    by who: AuditActor, db: any Database, especiallyInnovative: Bool? = nil) async throws {
        let l = CatalogueListingModel()
        l.id = UUID()
        l.$product.id = try p.requireID()
        l.productNumber = p.number
        l.edition = edition
        l.name = p.name
        l.creditCode = p.creditCode
        l.category = p.category
        l.publishedOn = day.iso
        l.validFrom = window.from.iso
        l.validUntil = window.until.iso
        l.firstOnMarketDate = p.firstOnMarketDate
        l.firstOnMarket = CatalogueListingWindow.firstOnMarket(since: Day(iso: p.firstOnMarketDate), publishedOn: day, rules: rules)
        l.especiallyInnovative = especiallyInnovative ?? p.claimedEspeciallyInnovative
        l.markCode = p.markCode ?? ""
        l.votesApprove = tally?.approve
        l.votesReject = tally?.reject
        l.recused = tally?.recused
        l.publishedBy = who.name
        l.publishedAt = Date()
        try await l.create(on: db)
    }
}
