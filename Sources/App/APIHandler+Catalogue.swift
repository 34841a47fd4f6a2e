import API
import Foundation
import OpenAPIRuntime
import Policy
import Registry
import Tabular
import Workflow

/// The innovative-product catalogue (十七): submit, search, read, the expert review, the
/// committee's votes and recusals, publication, renewal, the end of a listing, the committee's
/// appointments, and the catalogue as a file. Thin: the rules are the workflow's, the writes the
/// store's; the day is the platform's today.
extension APIHandler {
    var catalogue: CatalogueStore { services.catalogueStore() }

    /// Which products the account reads (`CatalogueStore.Reach`).
    func catalogueReach() throws -> CatalogueStore.Reach { CatalogueReach.of(try access().principal) }

    func listCatalogueProducts(_ input: Operations.ListCatalogueProducts.Input) async throws -> Operations.ListCatalogueProducts.Output {
        let q = input.query
        let (page, perPage) = try page(q.page, q.perPage)
        let text = try queryText(q.q, .name, name: "q")
        let category = try queryText(q.category, .code, name: "category")
        let found = try await catalogue.products(reach: try catalogueReach(), q: text, status: q.status.flatMap { CatalogueStatus(rawValue: $0.rawValue) },
                                                 category: category, creditCode: q.creditCode, page: page, perPage: perPage)
        var items: [Components.Schemas.CatalogueProduct] = []
        // A page's items carry no history (read the product for it): a page stays a few queries.
        for p in found.items { items.append(try Self.catalogueProduct(p, history: nil, tally: nil, today: services.clock.today())) }
        return .ok(.init(body: .json(.init(items: items, page: page, perPage: perPage, total: found.total))))
    }

    func submitCatalogueProduct(_ input: Operations.SubmitCatalogueProduct.Input) async throws -> Operations.SubmitCatalogueProduct.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        check(body.name, .name, at: "$.name", into: &issues)
        check(body.category, .code, at: "$.category", into: &issues)
        check(body.description, .note, at: "$.description", into: &issues)
        if CreditCode.problem(in: body.creditCode) != nil {
            issues.append(ValidationIssue(path: "$.creditCode", zh: "统一社会信用代码无效：\(body.creditCode)", en: "not a valid unified social credit code: \(body.creditCode)"))
        }
        let first = Day(iso: body.firstOnMarketDate)
        if first == nil {
            issues.append(ValidationIssue(path: "$.firstOnMarketDate", zh: "应为日期 YYYY-MM-DD：\(body.firstOnMarketDate)", en: "must be a date YYYY-MM-DD: \(body.firstOnMarketDate)"))
        }
        try refuse(issues)
        // An enterprise user submits its own enterprise's products only.
        guard try access().principal.enterpriseCode == body.creditCode else {
            throw Forbidden(message: LocalizedText(zh: "只能申报本账户所属企业的产品", en: "only the account's own enterprise's products can be submitted"))
        }
        let p = try await catalogue.submit(CatalogueSubmission(creditCode: body.creditCode, category: body.category.trimmingCharacters(in: .whitespaces),
                                                               name: body.name.trimmingCharacters(in: .whitespaces), firstOnMarketDate: first!,
                                                               claimedEspeciallyInnovative: body.claimedEspeciallyInnovative, description: body.description),
                                           on: services.clock.today(), by: currentActor())
        return .created(.init(body: .json(try await catalogueAnswer(p))))
    }

    func getCatalogueProduct(_ input: Operations.GetCatalogueProduct.Input) async throws -> Operations.GetCatalogueProduct.Output {
        let p = try await catalogue.product(input.path.id, reach: try catalogueReach())
        return .ok(.init(body: .json(try await catalogueAnswer(p))))
    }

    func reviewCatalogueProduct(_ input: Operations.ReviewCatalogueProduct.Input) async throws -> Operations.ReviewCatalogueProduct.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        for (i, o) in body.opinions.enumerated() {
            check(o.expert, .name, at: "$.opinions[\(i)].expert", into: &issues)
            check(o.comments, .note, at: "$.opinions[\(i)].comments", into: &issues)
        }
        try refuse(issues)
        let opinions = body.opinions.map { ExpertOpinion(expert: $0.expert.trimmingCharacters(in: .whitespaces), verdict: $0.verdict.rawValue, comments: $0.comments) }
        let p = try await catalogue.review(input.path.id, pass: body.conclusion == .pass, opinions: opinions, on: services.clock.today(),
                                           role: try access().principal.role, by: currentActor())
        return .created(.init(body: .json(try await catalogueAnswer(p))))
    }

    func voteOnCatalogueProduct(_ input: Operations.VoteOnCatalogueProduct.Input) async throws -> Operations.VoteOnCatalogueProduct.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        check(body.comment, .note, at: "$.comment", into: &issues)
        try refuse(issues)
        let principal = try access().principal
        _ = try await catalogue.vote(input.path.id, approve: body.vote == .approve, comment: body.comment, userID: principal.userID,
                                     on: services.clock.today(), role: principal.role, by: currentActor())
        return .created(.init(body: .json(try await catalogueAnswer(try await catalogue.product(input.path.id, reach: .all)))))
    }

    func recuseFromCatalogueProduct(_ input: Operations.RecuseFromCatalogueProduct.Input) async throws -> Operations.RecuseFromCatalogueProduct.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        check(body.reason, .name, at: "$.reason", into: &issues)
        try refuse(issues)
        let principal = try access().principal
        _ = try await catalogue.recuse(input.path.id, reason: body.reason.trimmingCharacters(in: .whitespaces), userID: principal.userID,
                                       on: services.clock.today(), role: principal.role, by: currentActor())
        return .created(.init(body: .json(try await catalogueAnswer(try await catalogue.product(input.path.id, reach: .all)))))
    }

    func publishCatalogueProduct(_ input: Operations.PublishCatalogueProduct.Input) async throws -> Operations.PublishCatalogueProduct.Output {
        let (p, _) = try await catalogue.publish(input.path.id, on: services.clock.today(), role: try access().principal.role, by: currentActor())
        return .ok(.init(body: .json(try await catalogueAnswer(p))))
    }

    func renewCatalogueProduct(_ input: Operations.RenewCatalogueProduct.Input) async throws -> Operations.RenewCatalogueProduct.Output {
        let p = try await catalogue.renew(input.path.id, on: services.clock.today(), role: try access().principal.role, by: currentActor())
        return .ok(.init(body: .json(try await catalogueAnswer(p))))
    }

    func expireCatalogueProduct(_ input: Operations.ExpireCatalogueProduct.Input) async throws -> Operations.ExpireCatalogueProduct.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        check(body.reason, .name, at: "$.reason", into: &issues)
        try refuse(issues)
        let p = try await catalogue.expire(input.path.id, reason: body.reason.trimmingCharacters(in: .whitespaces), on: services.clock.today(),
                                           role: try access().principal.role, by: currentActor())
        return .ok(.init(body: .json(try await catalogueAnswer(p))))
    }

    func listCatalogueCommittee(_ input: Operations.ListCatalogueCommittee.Input) async throws -> Operations.ListCatalogueCommittee.Output {
        .ok(.init(body: .json(try await catalogue.committee().map(Self.committeeMember))))
    }

    func changeCatalogueCommittee(_ input: Operations.ChangeCatalogueCommittee.Input) async throws -> Operations.ChangeCatalogueCommittee.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        check(body.username, .identifier, at: "$.username", into: &issues)
        for (i, code) in (body.affiliations ?? []).enumerated() where CreditCode.problem(in: code) != nil {
            issues.append(ValidationIssue(path: "$.affiliations[\(i)]", zh: "统一社会信用代码无效：\(code)", en: "not a valid unified social credit code: \(code)"))
        }
        try refuse(issues)
        let row = try await catalogue.changeCommittee(username: body.username, appoint: body.action == .appoint, affiliations: body.affiliations ?? [],
                                                      on: services.clock.today(), by: currentActor())
        return .created(.init(body: .json(Self.committeeMember(row))))
    }

    func exportCatalogue(_ input: Operations.ExportCatalogue.Input) async throws -> Operations.ExportCatalogue.Output {
        let entries = try await catalogue.entries()
        switch input.query.format {
        case .csv:
            return .ok(.init(headers: .init(contentDisposition: ContentDisposition.attachment("catalogue.csv")), body: .csv(HTTPBody(CatalogueTable.csv(entries)))))
        case .xlsx:
            return .ok(.init(headers: .init(contentDisposition: ContentDisposition.attachment("catalogue.xlsx")),
                             body: .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(HTTPBody(try CatalogueTable.xlsx(entries)))))
        }
    }

    func importCatalogue(_ input: Operations.ImportCatalogue.Input) async throws -> Operations.ImportCatalogue.Output {
        let body: HTTPBody
        switch input.body {
        case .csv(let b): body = b
        case .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(let b): body = b
        }
        let data = try await Data(collecting: body, upTo: RequestLimits.catalogueFile)
        switch CatalogueTable.read(data) {
        case .failure(let failure): throw failure
        case .success(let entries):
            let stored = try await catalogue.importEntries(entries, on: services.clock.today(), by: currentActor())
            return .ok(.init(body: .json(.init(products: stored.products, listings: stored.listings))))
        }
    }

    // MARK: Answers

    func catalogueAnswer(_ p: CatalogueProductModel) async throws -> Components.Schemas.CatalogueProduct {
        let store = catalogue
        let history = try await store.history(of: p.requireID())
        let status = CatalogueStatus(rawValue: p.status) ?? .submitted
        let tally = status == .inCommittee ? try await store.tally(p) : nil
        var answer = try Self.catalogueProduct(p, history: history, tally: tally, today: services.clock.today())
        // Members recused by their affiliations, beside the declared recusals.
        if status == .inCommittee {
            let declared = Set(history.recusals.map(\.userID))
            for m in store.recusedByAffiliation(p, members: try await store.committee(), declared: declared) {
                answer.recusals.append(.init(member: m.username, reason: "与申报企业同属或关联 / of, or related to, the submitting enterprise", declared: false))
            }
        }
        return answer
    }

    static func catalogueProduct(_ p: CatalogueProductModel, history: CatalogueStore.History?, tally: CommitteeTally?, today: Day) throws -> Components.Schemas.CatalogueProduct {
        let status = CatalogueStatus(rawValue: p.status) ?? .submitted
        let decoder = JSONDecoder()
        return .init(
            id: try p.requireID().uuidString.lowercased(), number: p.number, creditCode: p.creditCode, district: p.district.isEmpty ? nil : p.district,
            category: p.category, name: p.name, description: p.description, firstOnMarketDate: p.firstOnMarketDate,
            claimedEspeciallyInnovative: p.claimedEspeciallyInnovative, status: .init(rawValue: status.rawValue) ?? .submitted,
            statusLabel: .init(zh: status.label.zh, en: status.label.en), markCode: p.markCode, submittedOn: p.submittedOn, submittedBy: p.submittedBy,
            reviews: (history?.reviews ?? []).map { r in
                let opinions = (try? decoder.decode([ExpertOpinion].self, from: Data(r.opinionsJSON.utf8))) ?? []
                return .init(conclusion: r.conclusion == "pass" ? .pass : .fail,
                             opinions: opinions.map { .init(expert: $0.expert, verdict: $0.verdict == "support" ? .support : .oppose, comments: $0.comments) },
                             reviewedOn: r.reviewedOn, reviewedBy: r.reviewedBy)
            },
            votes: (history?.votes ?? []).map { .init(member: $0.username, vote: $0.vote == "approve" ? .approve : .reject, comment: $0.comment, votedOn: $0.votedOn) },
            recusals: (history?.recusals ?? []).map { .init(member: $0.username, reason: $0.reason, declared: true, declaredOn: $0.declaredOn) },
            tally: tally.map { .init(members: $0.members, recused: $0.recused, approve: $0.approve, reject: $0.reject, outcome: .init(rawValue: $0.outcome.rawValue) ?? .noQuorum) },
            listings: (history?.listings ?? []).map { item in
                let l = item.listing
                let entry = CatalogueStore.entry(l, end: item.end)
                return .init(edition: l.edition, publishedOn: l.publishedOn, validFrom: l.validFrom, validUntil: l.validUntil,
                             endedOn: item.end?.endedOn, endReason: item.end?.reason, firstOnMarket: l.firstOnMarket,
                             especiallyInnovative: l.especiallyInnovative, markCode: l.markCode, listedToday: entry.isListed(on: today),
                             votesApprove: l.votesApprove, votesReject: l.votesReject, recused: l.recused)
            })
    }

    static func committeeMember(_ m: CatalogueCommitteeChangeModel) -> Components.Schemas.CatalogueCommitteeMember {
        .init(userId: m.userID.uuidString.lowercased(), username: m.username, affiliations: m.affiliations, appointedOn: m.changedOn, active: m.action == "appoint")
    }
}
