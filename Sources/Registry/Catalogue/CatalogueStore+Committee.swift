import FluentKit
import Foundation
import Policy
import Workflow

extension CatalogueStore {
    /// The committee now: each account's latest appointment or removal, appointed ones only.
    public func committee(on db: (any Database)? = nil) async throws -> [CatalogueCommitteeChangeModel] {
        let rows = try await CatalogueCommitteeChangeModel.query(on: db ?? self.db).sort(\.$changedAt).all()
        var latest: [UUID: CatalogueCommitteeChangeModel] = [:]
        for r in rows { latest[r.userID] = r }
        return latest.values.filter { $0.action == "appoint" }.sorted { $0.username < $1.username }
    }

    /// Appoints an account to the committee with its affiliations (or changes them), or removes it.
    public func changeCommittee(username: String, appoint: Bool, affiliations: [String], on day: Day, by who: AuditActor) async throws -> CatalogueCommitteeChangeModel {
        try await db.transaction { db in
            guard let user = try await UserModel.query(on: db).filter(\.$username == username.lowercased()).first() else {
                throw RegistryError.invalid([ValidationIssue(path: "$.username", zh: "没有账户 \(username)", en: "no account \(username)")])
            }
            guard let role = Role(rawValue: user.role), CatalogueStep.vote.roles.contains(role) else {
                throw RegistryError.invalid([ValidationIssue(path: "$.username", zh: "编审委员会成员应为市级主管部门或联审部门账户",
                                                             en: "a committee member is a city officer's or a department's account")])
            }
            let userID = try user.requireID()
            let current = try await committee(on: db).first { $0.userID == userID }
            if !appoint && current == nil {
                throw RegistryError.conflict(LocalizedText(zh: "\(user.username) 不是编审委员会成员", en: "\(user.username) is not a committee member"))
            }
            let row = CatalogueCommitteeChangeModel()
            row.id = UUID()
            row.userID = userID
            row.username = user.username
            row.action = appoint ? "appoint" : "remove"
            let codes = Array(Set(affiliations)).sorted()
            row.affiliationsJSON = String(decoding: try JSONEncoder().encode(codes), as: UTF8.self)
            row.changedOn = day.iso
            row.changedBy = who.name
            row.changedAt = Date()
            try await row.create(on: db)
            try await AuditTrail.append(AuditChange(action: appoint ? "catalogue.committee.appoint" : "catalogue.committee.remove",
                                                    subjectType: "catalogue_committee", subjectID: userID.uuidString.lowercased(),
                                                    before: current.map { AuditChange.state(["affiliations": $0.affiliationsJSON]) },
                                                    after: AuditChange.state(["username": user.username, "action": row.action, "affiliations": row.affiliationsJSON])),
                                        by: who, on: db)
            return row
        }
    }

    /// The members recused by their affiliations alone, beside those who declared a conflict:
    /// `CommitteeSeat`'s rule, applied here once for the tally, the API's answer and the page.
    public func recusedByAffiliation(_ p: CatalogueProductModel, members: [CatalogueCommitteeChangeModel], declared: Set<UUID>) -> [CatalogueCommitteeChangeModel] {
        members.filter { m in
            !declared.contains(m.userID)
                && CommitteeSeat.of(member: CommitteeMember(username: m.username, affiliations: Set(m.affiliations)),
                                    productEnterprise: p.creditCode, declaredRecusal: nil) != .mayVote
        }
    }

    /// Whether the account may vote on the product (`CommitteeSeat`).
    static func seat(_ userID: UUID, product p: CatalogueProductModel, store: CatalogueStore, on db: any Database) async throws -> CommitteeSeat {
        let member = try await store.committee(on: db).first { $0.userID == userID }
        let declared = try await CatalogueRecusalModel.query(on: db).filter(\.$product.$id == p.requireID()).filter(\.$userID == userID).first()
        return CommitteeSeat.of(member: member.map { CommitteeMember(username: $0.username, affiliations: Set($0.affiliations)) },
                                productEnterprise: p.creditCode, declaredRecusal: declared?.reason)
    }

    /// A member's vote, once; refused (409) to a recused member or one outside the committee.
    public func vote(_ key: String, approve: Bool, comment: String?, userID: UUID, on day: Day, role: Role, by who: AuditActor) async throws -> CatalogueVoteModel {
        try await db.transaction { db in
            let p = try await Self.lock(key, on: db)
            if let refusal = CatalogueStep.vote.refusal(in: Self.status(p), by: role) { throw RegistryError.conflict(refusal) }
            if let refusal = try await Self.seat(userID, product: p, store: self, on: db).refusal { throw RegistryError.conflict(refusal) }
            let id = try p.requireID()
            if try await CatalogueVoteModel.query(on: db).filter(\.$product.$id == id).filter(\.$userID == userID).first() != nil {
                throw RegistryError.conflict(LocalizedText(zh: "您已对该产品表决，表决不能更改", en: "you have voted on this product already; a vote is not changed"))
            }
            let v = CatalogueVoteModel()
            v.id = UUID()
            v.$product.id = id
            v.userID = userID
            v.username = who.name
            v.vote = approve ? "approve" : "reject"
            v.comment = comment
            v.votedOn = day.iso
            v.votedAt = Date()
            try await v.create(on: db)
            try await AuditTrail.append(AuditChange(action: "catalogue.vote", subjectType: "catalogue_product", subjectID: id.uuidString.lowercased(),
                                                    after: AuditChange.state(["number": p.number, "member": who.name, "vote": v.vote])),
                                        by: who, on: db)
            return v
        }
    }

    /// A member declares a conflict of interest on the product (回避): from then on they cannot vote.
    /// Refused once they have voted (the vote stands; 409).
    public func recuse(_ key: String, reason: String, userID: UUID, on day: Day, role: Role, by who: AuditActor) async throws -> CatalogueRecusalModel {
        try await db.transaction { db in
            let p = try await Self.lock(key, on: db)
            if let refusal = CatalogueStep.recuse.refusal(in: Self.status(p), by: role) { throw RegistryError.conflict(refusal) }
            let id = try p.requireID()
            switch try await Self.seat(userID, product: p, store: self, on: db) {
            case .notAMember: throw RegistryError.conflict(CommitteeSeat.notAMember.refusal!)
            case .recused where try await CatalogueRecusalModel.query(on: db).filter(\.$product.$id == id).filter(\.$userID == userID).first() != nil:
                throw RegistryError.conflict(LocalizedText(zh: "您已申明回避", en: "you have declared a conflict on this product already"))
            default: break
            }
            if try await CatalogueVoteModel.query(on: db).filter(\.$product.$id == id).filter(\.$userID == userID).first() != nil {
                throw RegistryError.conflict(LocalizedText(zh: "您已表决，不能再申明回避", en: "you have voted already, so you can no longer recuse yourself"))
            }
            let r = CatalogueRecusalModel()
            r.id = UUID()
            r.$product.id = id
            r.userID = userID
            r.username = who.name
            r.reason = reason
            r.declaredOn = day.iso
            r.declaredAt = Date()
            try await r.create(on: db)
            try await AuditTrail.append(AuditChange(action: "catalogue.recuse", subjectType: "catalogue_product", subjectID: id.uuidString.lowercased(),
                                                    after: AuditChange.state(["number": p.number, "member": who.name, "reason": reason])),
                                        by: who, on: db)
            return r
        }
    }

    /// The committee's count on a product now: members, those recused (declared or affiliated), votes.
    public func tally(_ p: CatalogueProductModel, on db: (any Database)? = nil) async throws -> CommitteeTally {
        let db = db ?? self.db
        let id = try p.requireID()
        let members = try await committee(on: db)
        let declared = Set(try await CatalogueRecusalModel.query(on: db).filter(\.$product.$id == id).all().map(\.userID))
        let affiliated = Set(recusedByAffiliation(p, members: members, declared: declared).map(\.userID))
        let recused = members.filter { declared.contains($0.userID) || affiliated.contains($0.userID) }
        let seated = Set(members.map(\.userID)).subtracting(recused.map(\.userID))
        // Votes of members since removed, or recused after an affiliation was recorded, do not count.
        let votes = try await CatalogueVoteModel.query(on: db).filter(\.$product.$id == id).all().filter { seated.contains($0.userID) }
        return CommitteeTally.count(members: members.count, recused: recused.count,
                                    approve: votes.filter { $0.vote == "approve" }.count,
                                    reject: votes.filter { $0.vote == "reject" }.count, rules: rules)
    }
}
