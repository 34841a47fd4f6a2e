import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// The innovative-product catalogue (十七) as pages: the public, searchable list of products
/// (`/catalogue`: category, enterprise, first on the market, especially innovative, validity,
/// mark), an enterprise's submission form (`/catalogue/new`) and its own submissions
/// (`?mine=1`). The reach is the API's (`CatalogueReach`): nobody signed in sees the listed
/// products; what a listing says (window, first on the market) is the store's listing, as
/// `GET /api/catalogue/products` answers. A product's page and its steps are
/// `CatalogueProductPage`.
struct CataloguePage: Sendable {
    let site: WebSite
    static let perPage = 50

    struct Option: Encodable { var value: String; var label: String; var selected: Bool }
    struct Row: Encodable {
        var number: String; var name: String; var category: String; var enterprise: String; var creditCode: String
        var firstOnMarketDate: String; var firstOnMarket: Bool?; var especiallyInnovative: Bool; var validFrom: String?; var validUntil: String?
        var endedOn: String?; var markCode: String?; var status: String; var statusText: String
    }
    struct Filters: Encodable { var q: String; var mine: Bool }
    struct ListBody: Encodable {
        var rows: [Row]; var total: Int; var page: Int; var previous: String?; var next: String?
        var filters: Filters; var categories: [Option]; var statuses: [Option]; var canSubmit: Bool; var errors: PageErrors
    }
    struct Form: Encodable { var name = ""; var category = ""; var firstOnMarketDate = ""; var claimed = false; var description = "" }
    struct NewBody: Encodable { var form: Form; var categories: [Option]; var errors: PageErrors }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["catalogue"], id: "catalogue") { p in try await list(p) }
        site.page(routes, .GET, ["catalogue", "new"], id: "catalogueNew") { p in try await newForm(p, Form(), errors: PageErrors()) }
        site.page(routes, .POST, ["catalogue"], id: "catalogueSubmit", maxBody: "64kb") { p in try await submit(p) }
        CatalogueProductPage(site: site).register(routes)
    }

    static func services(_ p: WebSite.PageRequest) -> PlatformServices { p.req.application.platformServices }

    /// The categories the page offers are the policy library's (`workflow/catalogue.yaml`), named
    /// in the page's language; a stored category outside them (an imported edition's) shows as stored.
    static func rules(_ p: WebSite.PageRequest) -> CatalogueRules { services(p).workflow.catalogue }
    static func categoryLabel(_ code: String, _ rules: CatalogueRules, _ lang: Language) -> String {
        rules.category(code)?.name.text(lang) ?? code
    }
    static func categories(_ rules: CatalogueRules, _ lang: Language, selected: String?) -> [Option] {
        rules.categories.map { Option(value: $0.id, label: $0.name.text(lang), selected: $0.id == selected) }
    }

    func list(_ p: WebSite.PageRequest) async throws -> Response {
        let lang = p.lang
        let principal = p.access?.account.principal
        let reach = CatalogueReach.of(principal)
        var errors = PageErrors()
        // The search's text under the API's limits; a refused one is said, and not searched.
        var q = p.req.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespaces) ?? ""
        if let problem = TextKind.name.problem(in: q) { errors.add(problem.text(lang), to: "q"); q = "" }
        let category = p.req.query[String.self, at: "category"].flatMap { Self.rules(p).category($0) != nil ? $0 : nil }
        let statusAsked = p.req.query[String.self, at: "status"].flatMap(CatalogueStatus.init(rawValue:))
        let offered: [CatalogueStatus] = reach == .all ? CatalogueStatus.allCases : [.published, .expired]
        let status = statusAsked.flatMap { offered.contains($0) ? $0 : nil }
        let mine = principal?.role == .enterprise && p.req.query[String.self, at: "mine"] == "1"
        let page = max(1, min(p.req.query[Int.self, at: "page"] ?? 1, 10_000))
        let store = Self.services(p).catalogueStore()
        let found = try await store.products(reach: reach, q: q.isEmpty ? nil : q, status: status, category: category,
                                             creditCode: mine ? principal?.enterpriseCode : nil, page: page, perPage: Self.perPage)
        let listings = try await store.latestListings(of: found.items.compactMap(\.id))
        let names = try await store.enterpriseNames(Set(found.items.map(\.creditCode)))
        let rows = found.items.map { m -> Row in
            let l = m.id.flatMap { listings[$0] }
            let s = CatalogueStatus(rawValue: m.status) ?? .submitted
            return Row(number: m.number, name: m.name, category: Self.categoryLabel(m.category, Self.rules(p), lang), enterprise: names[m.creditCode] ?? "",
                       creditCode: m.creditCode, firstOnMarketDate: m.firstOnMarketDate, firstOnMarket: l?.listing.firstOnMarket,
                       especiallyInnovative: l?.listing.especiallyInnovative ?? m.claimedEspeciallyInnovative,
                       validFrom: l?.listing.validFrom, validUntil: l?.listing.validUntil, endedOn: l?.end?.endedOn,
                       markCode: l?.listing.markCode ?? m.markCode, status: s.rawValue, statusText: s.label.text(lang))
        }
        func link(_ n: Int) -> String {
            var items: [URLQueryItem] = [URLQueryItem(name: "page", value: String(n))]
            if !q.isEmpty { items.append(URLQueryItem(name: "q", value: q)) }
            if let category { items.append(URLQueryItem(name: "category", value: category)) }
            if let status { items.append(URLQueryItem(name: "status", value: status.rawValue)) }
            if mine { items.append(URLQueryItem(name: "mine", value: "1")) }
            var c = URLComponents(); c.path = "/catalogue"; c.queryItems = items
            return c.string ?? "/catalogue"
        }
        let body = ListBody(rows: rows, total: found.total, page: page, previous: page > 1 ? link(page - 1) : nil,
                            next: page * Self.perPage < found.total ? link(page + 1) : nil, filters: Filters(q: q, mine: mine),
                            categories: Self.categories(Self.rules(p), lang, selected: category),
                            statuses: offered.map { Option(value: $0.rawValue, label: $0.label.text(lang), selected: $0 == status) },
                            canSubmit: site.mayOpen("catalogueNew", p), errors: errors)
        return try await site.render(p, "catalogue", titleKey: "catalogue_title", body)
    }

    func newForm(_ p: WebSite.PageRequest, _ form: Form, errors: PageErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        try await site.render(p, "catalogue_new", titleKey: "catalogue_new_title",
                              NewBody(form: form, categories: Self.categories(Self.rules(p), p.lang, selected: form.category), errors: errors), status: status)
    }

    /// The submission through the store's `submit`, as `POST /api/catalogue/products` calls it:
    /// the same text limits, the account's own enterprise (never a code from the form).
    func submit(_ p: WebSite.PageRequest) async throws -> Response {
        func field(_ name: String) -> String { (try? p.req.content.get(String.self, at: name)) ?? "" }
        let form = Form(name: field("name").trimmingCharacters(in: .whitespaces), category: field("category"),
                        firstOnMarketDate: field("firstOnMarketDate"), claimed: !field("claimedEspeciallyInnovative").isEmpty,
                        description: field("description"))
        var issues: [ValidationIssue] = []
        for (value, kind, path) in [(form.name, TextKind.name, "$.name"), (form.category, .code, "$.category"), (form.description, .note, "$.description")] {
            if let problem = kind.problem(in: value) { issues.append(ValidationIssue(path: path, zh: problem.zh, en: problem.en)) }
        }
        if form.name.isEmpty { issues.append(ValidationIssue(path: "$.name", zh: site.catalogue.text("catalogue_name_needed", .zh), en: site.catalogue.text("catalogue_name_needed", .en))) }
        if Self.rules(p).category(form.category) == nil {
            issues.append(ValidationIssue(path: "$.category", zh: site.catalogue.text("catalogue_choose_category", .zh), en: site.catalogue.text("catalogue_choose_category", .en)))
        }
        let first = Day(iso: form.firstOnMarketDate)
        if first == nil {
            issues.append(ValidationIssue(path: "$.firstOnMarketDate", zh: "应为日期 YYYY-MM-DD：\(form.firstOnMarketDate)", en: "must be a date YYYY-MM-DD: \(form.firstOnMarketDate)"))
        }
        let fieldOf: (String) -> String? = { path in
            ["$.name": "name", "$.category": "category", "$.firstOnMarketDate": "firstOnMarketDate", "$.description": "description"][path]
        }
        do {
            guard issues.isEmpty, let first else { throw RegistryError.invalid(issues) }
            guard let access = p.access, let code = access.account.principal.enterpriseCode else {
                throw Forbidden(message: LocalizedText(zh: "账户未绑定企业", en: "the account is bound to no enterprise"))
            }
            let services = Self.services(p)
            let made = try await services.catalogueStore().submit(
                CatalogueSubmission(creditCode: code, category: form.category, name: form.name, firstOnMarketDate: first,
                                    claimedEspeciallyInnovative: form.claimed, description: form.description),
                on: services.clock.today(), by: AuditActor(principal: access.account.principal, address: p.req.clientAddress))
            return p.req.redirect(to: "/catalogue/\(made.number)?done=submitted", redirectType: .normal)
        } catch {
            let status: HTTPResponseStatus = { if case RegistryError.conflict = error { return .conflict }; return .unprocessableEntity }()
            return try await newForm(p, form, errors: try PageErrors(error, lang: p.lang, fieldOf: fieldOf), status: status)
        }
    }
}
