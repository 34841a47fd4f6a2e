import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// One catalogue product's page (`/catalogue/{number}`): what the enterprise declared, each
/// listing (edition, window, mark, its end), the expert reviews, the votes and recusals, the
/// committee's tally; and the forms of the steps the account may take now — the expert review,
/// a member's vote or recusal (a recused member reads why they cannot vote, in the rule's own
/// words: `CommitteeSeat`), the city officer's publication, renewal and end of the listing.
/// Which step is open is the workflow's `CatalogueStep.refusal`; every write is the store's
/// call, as the API's operations make it; its refusal is shown in its own words.
struct CatalogueProductPage: Sendable {
    let site: WebSite

    struct Listing: Encodable {
        var edition: Int; var publishedOn: String; var validFrom: String; var validUntil: String; var endedOn: String?; var endReason: String?
        var firstOnMarket: Bool; var especiallyInnovative: Bool; var markCode: String; var listedToday: Bool
    }
    struct Opinion: Encodable { var expert: String; var verdict: String; var comments: String? }
    struct Review: Encodable { var conclusion: String; var conclusionText: String; var reviewedOn: String; var reviewedBy: String; var opinions: [Opinion] }
    struct Vote: Encodable { var member: String; var vote: String; var voteText: String; var comment: String?; var votedOn: String }
    struct Recusal: Encodable { var member: String; var reason: String; var declared: Bool }
    struct Tally: Encodable { var members: Int; var recused: Int; var approve: Int; var reject: Int; var outcome: String; var outcomeText: String }
    struct Product: Encodable {
        var number: String; var name: String; var category: String; var enterprise: String; var creditCode: String; var description: String
        var firstOnMarketDate: String; var claimed: Bool; var status: String; var statusText: String; var markCode: String?
        var submittedOn: String; var submittedBy: String
    }
    struct Body: Encodable {
        var product: Product; var listings: [Listing]; var reviews: [Review]; var votes: [Vote]; var recusals: [Recusal]; var tally: Tally?
        var canReview: Bool; var canVote: Bool; var voted: String?; var seatRefusal: String?; var canPublish: Bool; var canRenew: Bool; var canExpire: Bool
        var errors: PageErrors; var done: String?; var minOpinions: Int; var experts: [Int]
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["catalogue", ":id"], id: "catalogueProduct") { p in
            try await show(p, errors: PageErrors(), done: p.req.query[String.self, at: "done"])
        }
        let steps: [(String, String, @Sendable (CatalogueProductPage, WebSite.PageRequest, CatalogueProductModel) async throws -> Void)] = [
            ("review", "catalogueReview", { try await $0.review($1, $2) }),
            ("vote", "catalogueVote", { try await $0.vote($1, $2) }),
            ("recuse", "catalogueRecuse", { try await $0.recuse($1, $2) }),
            ("publish", "cataloguePublish", { try await $0.publish($1, $2) }),
            ("renew", "catalogueRenew", { try await $0.renew($1, $2) }),
            ("expire", "catalogueExpire", { try await $0.expire($1, $2) }),
        ]
        for (path, id, step) in steps {
            let page = self
            site.page(routes, .POST, ["catalogue", ":id", PathComponent(stringLiteral: path)], id: id, maxBody: "64kb") { p in
                try await page.act(p, done: path) { try await step(page, p, $0) }
            }
        }
    }

    func services(_ p: WebSite.PageRequest) -> PlatformServices { p.req.application.platformServices }
    func store(_ p: WebSite.PageRequest) -> CatalogueStore { services(p).catalogueStore() }
    func today(_ p: WebSite.PageRequest) -> Day { services(p).clock.today() }
    func principal(_ p: WebSite.PageRequest) throws -> Principal {
        guard let access = p.access else { throw Abort(.unauthorized) }
        return access.account.principal
    }
    func actor(_ p: WebSite.PageRequest) throws -> AuditActor { AuditActor(principal: try principal(p), address: p.req.clientAddress) }
    func field(_ p: WebSite.PageRequest, _ name: String) -> String { (try? p.req.content.get(String.self, at: name)) ?? "" }

    /// The product the account reaches (`CatalogueReach`), by number or id; nil is a 404.
    func visible(_ p: WebSite.PageRequest) async throws -> CatalogueProductModel? {
        guard let key = p.req.parameters.get("id"), key.count <= 64 else { return nil }
        do { return try await store(p).product(key, reach: CatalogueReach.of(p.access?.account.principal)) } catch RegistryError.notFound { return nil }
    }

    /// Whether the page's rule admits the account and the workflow opens the step now.
    func open(_ id: String, _ step: CatalogueStep, _ status: CatalogueStatus, _ p: WebSite.PageRequest) -> Bool {
        guard site.mayOpen(id, p), let role = p.access?.account.role else { return false }
        return step.refusal(in: status, by: role) == nil
    }

    func show(_ p: WebSite.PageRequest, errors: PageErrors, done: String?, status httpStatus: HTTPResponseStatus = .ok) async throws -> Response {
        guard let m = try await visible(p) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        let lang = p.lang, store = store(p), id = try m.requireID(), today = today(p)
        let status = CatalogueStatus(rawValue: m.status) ?? .submitted
        let history = try await store.history(of: id)
        let names = try await store.enterpriseNames([m.creditCode])
        let decoder = JSONDecoder()
        let listings = history.listings.map { item in
            let l = item.listing
            return Listing(edition: l.edition, publishedOn: l.publishedOn, validFrom: l.validFrom, validUntil: l.validUntil, endedOn: item.end?.endedOn,
                           endReason: item.end?.reason, firstOnMarket: l.firstOnMarket, especiallyInnovative: l.especiallyInnovative, markCode: l.markCode,
                           listedToday: CatalogueStore.entry(l, end: item.end).isListed(on: today))
        }
        let reviews = history.reviews.map { r in
            let opinions = (try? decoder.decode([ExpertOpinion].self, from: Data(r.opinionsJSON.utf8))) ?? []
            return Review(conclusion: r.conclusion, conclusionText: site.catalogue.text("catalogue_conclusion_" + r.conclusion, lang),
                          reviewedOn: r.reviewedOn, reviewedBy: r.reviewedBy,
                          opinions: opinions.map { Opinion(expert: $0.expert, verdict: site.catalogue.text("catalogue_verdict_" + $0.verdict, lang), comments: $0.comments) })
        }
        let votes = history.votes.map { Vote(member: $0.username, vote: $0.vote, voteText: site.catalogue.text("catalogue_vote_" + $0.vote, lang), comment: $0.comment, votedOn: $0.votedOn) }
        var recusals = history.recusals.map { Recusal(member: $0.username, reason: $0.reason, declared: true) }
        var tally: Tally?
        var canVote = false, voted: String?, seatRefusal: String?
        if status == .inCommittee {
            // Members recused by their affiliations, beside the declared ones (as the API answers).
            let declared = Set(history.recusals.map(\.userID))
            for member in store.recusedByAffiliation(m, members: try await store.committee(), declared: declared) {
                recusals.append(Recusal(member: member.username, reason: site.catalogue.text("catalogue_recused_affiliation", lang), declared: false))
            }
            let t = try await store.tally(m)
            tally = Tally(members: t.members, recused: t.recused, approve: t.approve, reject: t.reject, outcome: t.outcome.rawValue,
                          outcomeText: site.catalogue.text("catalogue_outcome_" + t.outcome.rawValue, lang))
            if open("catalogueVote", .vote, status, p), let principal = p.access?.account.principal {
                if let mine = history.votes.first(where: { $0.userID == principal.userID }) {
                    voted = site.catalogue.text("catalogue_vote_" + mine.vote, lang)
                } else if let refusal = try await store.seat(of: principal.userID, on: m).refusal {
                    seatRefusal = refusal.text(lang)
                } else {
                    canVote = true
                }
            }
        }
        let product = Product(number: m.number, name: m.name, category: CataloguePage.categoryLabel(m.category, CataloguePage.rules(p), lang), enterprise: names[m.creditCode] ?? "",
                              creditCode: m.creditCode, description: m.description, firstOnMarketDate: m.firstOnMarketDate, claimed: m.claimedEspeciallyInnovative,
                              status: status.rawValue, statusText: status.label.text(lang), markCode: m.markCode, submittedOn: m.submittedOn, submittedBy: m.submittedBy)
        let doneText = done.flatMap { d in ["submitted", "review", "vote", "recuse", "publish", "renew", "expire"].contains(d) ? site.catalogue.text("catalogue_done_" + d, lang) : nil }
        let body = Body(product: product, listings: listings, reviews: reviews, votes: votes, recusals: recusals, tally: tally,
                        canReview: open("catalogueReview", .review, status, p), canVote: canVote, voted: voted, seatRefusal: seatRefusal,
                        canPublish: open("cataloguePublish", .publish, status, p), canRenew: open("catalogueRenew", .renew, status, p),
                        canExpire: open("catalogueExpire", .expire, status, p), errors: errors, done: doneText,
                        minOpinions: store.rules.minExpertOpinions, experts: Array(1...max(3, store.rules.minExpertOpinions)))
        return try await site.render(p, "catalogue_product", titleKey: "catalogue_product_title", body, status: httpStatus)
    }

    /// A step: the store's call; on refusal the product's page again, with the store's words.
    func act(_ p: WebSite.PageRequest, done: String, _ step: (CatalogueProductModel) async throws -> Void) async throws -> Response {
        guard let m = try await visible(p) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        do {
            try await step(m)
        } catch {
            let status: HTTPResponseStatus = { if case RegistryError.conflict = error { return .conflict }; return .unprocessableEntity }()
            return try await show(p, errors: try PageErrors(error, lang: p.lang), done: nil, status: status)
        }
        return p.req.redirect(to: "/catalogue/\(m.number)?done=\(done)", redirectType: .normal)
    }

    func checked(_ text: String, _ kind: TextKind, at path: String, required: Bool, into issues: inout [ValidationIssue]) {
        if let problem = kind.problem(in: text) { issues.append(ValidationIssue(path: path, zh: problem.zh, en: problem.en)) }
        else if required && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(ValidationIssue(path: path, zh: site.catalogue.text("catalogue_reason_needed", .zh), en: site.catalogue.text("catalogue_reason_needed", .en)))
        }
    }

    /// The expert review: the rows with an expert's name, under the API's limits; the store
    /// counts them against `expert_review.min_opinions`.
    func review(_ p: WebSite.PageRequest, _ m: CatalogueProductModel) async throws {
        var issues: [ValidationIssue] = [], opinions: [ExpertOpinion] = []
        for i in 1...max(3, store(p).rules.minExpertOpinions) {
            let expert = field(p, "expert\(i)").trimmingCharacters(in: .whitespaces), comments = field(p, "comments\(i)")
            guard !expert.isEmpty else { continue }
            checked(expert, .name, at: "$.opinions[\(i - 1)].expert", required: false, into: &issues)
            checked(comments, .note, at: "$.opinions[\(i - 1)].comments", required: false, into: &issues)
            opinions.append(ExpertOpinion(expert: expert, verdict: field(p, "verdict\(i)") == "oppose" ? "oppose" : "support", comments: comments.isEmpty ? nil : comments))
        }
        let conclusion = field(p, "conclusion")
        if conclusion != "pass" && conclusion != "fail" {
            issues.append(ValidationIssue(path: "$.conclusion", zh: site.catalogue.text("catalogue_choose_conclusion", .zh), en: site.catalogue.text("catalogue_choose_conclusion", .en)))
        }
        guard issues.isEmpty else { throw RegistryError.invalid(issues) }
        _ = try await store(p).review(m.number, pass: conclusion == "pass", opinions: opinions, on: today(p), role: try principal(p).role, by: try actor(p))
    }

    func vote(_ p: WebSite.PageRequest, _ m: CatalogueProductModel) async throws {
        let choice = field(p, "vote"), comment = field(p, "comment")
        var issues: [ValidationIssue] = []
        checked(comment, .note, at: "$.comment", required: false, into: &issues)
        if choice != "approve" && choice != "reject" {
            issues.append(ValidationIssue(path: "$.vote", zh: site.catalogue.text("catalogue_choose_vote", .zh), en: site.catalogue.text("catalogue_choose_vote", .en)))
        }
        guard issues.isEmpty else { throw RegistryError.invalid(issues) }
        let principal = try principal(p)
        _ = try await store(p).vote(m.number, approve: choice == "approve", comment: comment.isEmpty ? nil : comment, userID: principal.userID,
                                    on: today(p), role: principal.role, by: try actor(p))
    }

    func recuse(_ p: WebSite.PageRequest, _ m: CatalogueProductModel) async throws {
        let reason = field(p, "reason").trimmingCharacters(in: .whitespaces)
        var issues: [ValidationIssue] = []
        checked(reason, .name, at: "$.reason", required: true, into: &issues)
        guard issues.isEmpty else { throw RegistryError.invalid(issues) }
        let principal = try principal(p)
        _ = try await store(p).recuse(m.number, reason: reason, userID: principal.userID, on: today(p), role: principal.role, by: try actor(p))
    }

    func publish(_ p: WebSite.PageRequest, _ m: CatalogueProductModel) async throws {
        _ = try await store(p).publish(m.number, on: today(p), role: try principal(p).role, by: try actor(p))
    }

    func renew(_ p: WebSite.PageRequest, _ m: CatalogueProductModel) async throws {
        _ = try await store(p).renew(m.number, on: today(p), role: try principal(p).role, by: try actor(p))
    }

    func expire(_ p: WebSite.PageRequest, _ m: CatalogueProductModel) async throws {
        let reason = field(p, "reason").trimmingCharacters(in: .whitespaces)
        var issues: [ValidationIssue] = []
        checked(reason, .name, at: "$.reason", required: true, into: &issues)
        guard issues.isEmpty else { throw RegistryError.invalid(issues) }
        _ = try await store(p).expire(m.number, reason: reason, on: today(p), role: try principal(p).role, by: try actor(p))
    }
}
