import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// The resource library (资源库) as pages: pilot bases, financial products and service
/// providers, searchable (`/resources`, the store's search as `GET /api/resources` makes it);
/// a resource's page (`/resources/{id}`) with, for a financial product, the form its bank or
/// lessor (its own only: the store's `onlyInstitution`) or the city edits — a new version,
/// audited, through the store's `save` as `PUT /api/resources/{id}` calls it. The amounts and
/// rates are the texts the store keeps; the page computes nothing.
struct ResourcesPage: Sendable {
    let site: WebSite
    static let perPage = 50

    struct Option: Encodable { var value: String; var label: String; var selected: Bool }
    struct Row: Encodable {
        var id: String; var kind: String; var kindText: String; var name: String; var institution: String?; var district: String?
        var details: [Detail]
    }
    struct Detail: Encodable { var label: String; var value: String }
    struct Filters: Encodable { var q: String; var institution: String }
    struct ListBody: Encodable {
        var rows: [Row]; var total: Int; var kinds: [Option]; var districts: [Option]; var productTypes: [Option]; var filters: Filters
        var previous: String?; var next: String?; var errors: PageErrors
    }
    struct Form: Encodable {
        var name = ""; var productType = ""; var annualRatePercent = ""; var termMonths = ""; var maxAmount = ""; var conditions = ""
        var description = ""; var contact = ""
    }
    struct OneBody: Encodable {
        var row: Row; var version: Int; var updatedAt: String; var description: String?; var contact: String?
        var canEdit: Bool; var form: Form; var productTypes: [Option]; var errors: PageErrors; var done: String?
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["resources"], id: "resources") { p in try await list(p) }
        site.page(routes, .GET, ["resources", ":id"], id: "resource") { p in
            try await show(p, form: nil, errors: PageErrors(), done: p.req.query[String.self, at: "done"] == "saved")
        }
        site.page(routes, .POST, ["resources", ":id"], id: "resourceSave", maxBody: "64kb") { p in try await save(p) }
    }

    static func services(_ p: WebSite.PageRequest) -> PlatformServices { p.req.application.platformServices }

    static func row(_ m: ResourceModel, _ site: WebSite, _ p: WebSite.PageRequest) -> Row {
        let lang = p.lang, d = ResourceStore.draft(of: m), services = services(p)
        var details: [Detail] = []
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { details.append(Detail(label: site.catalogue.text(key, lang), value: value)) }
        }
        add("res_field", d.field)
        add("res_venues", d.venues)
        add("res_equipment", d.equipment)
        add("res_capacity", d.capacity)
        add("res_served", d.enterprisesServed.map(String.init))
        add("res_converted", d.resultsConverted.map(String.init))
        add("res_product_type", d.productType.map { t in services.workflow.resources.productType(t)?.name.text(lang) ?? t })
        add("res_rate", d.annualRatePercent.map { "\($0)%" })
        add("res_term", d.termMonths.map(String.init))
        add("res_max_amount", d.maxAmount)
        add("res_conditions", d.conditions)
        add("res_services", d.services)
        add("res_industries", d.industries.isEmpty ? nil : d.industries.joined(separator: lang == .zh ? "、" : ", "))
        return Row(id: (m.id ?? UUID()).uuidString.lowercased(), kind: m.kind, kindText: site.catalogue.text("res_kind_" + m.kind, lang), name: m.name,
                   institution: m.institution, district: m.district.map { services.library.vocabulary.district(named: $0)?.name.text(lang) ?? $0 }, details: details)
    }

    func productTypes(_ p: WebSite.PageRequest, selected: String?) -> [Option] {
        Self.services(p).workflow.resources.productTypes.map { Option(value: $0.id, label: $0.name.text(p.lang), selected: $0.id == selected) }
    }

    func list(_ p: WebSite.PageRequest) async throws -> Response {
        let lang = p.lang, services = Self.services(p)
        var errors = PageErrors()
        func text(_ name: String) -> String {
            let v = p.req.query[String.self, at: name]?.trimmingCharacters(in: .whitespaces) ?? ""
            if let problem = TextKind.name.problem(in: v) { errors.add(problem.text(lang), to: name); return "" }
            return v
        }
        let q = text("q"), institution = text("institution")
        let kind = p.req.query[String.self, at: "kind"].flatMap(ResourceKind.init(rawValue:))
        let district = p.req.query[String.self, at: "district"].flatMap { services.library.vocabulary.district(named: $0)?.id }
        let type = p.req.query[String.self, at: "productType"].flatMap { services.workflow.resources.productType($0)?.id }
        let page = max(1, min(p.req.query[Int.self, at: "page"] ?? 1, 10_000))
        let found = try await services.resourceStore().search(.init(kind: kind?.rawValue, text: q.isEmpty ? nil : q, district: district, productType: type,
                                                                     institution: institution.isEmpty ? nil : institution), page: page, perPage: Self.perPage)
        func link(_ n: Int) -> String {
            var c = URLComponents(); c.path = "/resources"
            c.queryItems = [("q", q), ("institution", institution), ("kind", kind?.rawValue ?? ""), ("district", district ?? ""), ("productType", type ?? ""), ("page", String(n))]
                .filter { !$0.1.isEmpty }.map { URLQueryItem(name: $0.0, value: $0.1) }
            return c.string ?? "/resources"
        }
        let body = ListBody(rows: found.items.map { Self.row($0, site, p) }, total: found.total,
                            kinds: ResourceKind.allCases.map { Option(value: $0.rawValue, label: site.catalogue.text("res_kind_" + $0.rawValue, lang), selected: $0 == kind) },
                            districts: services.library.vocabulary.districts.map { Option(value: $0.id, label: $0.name.text(lang), selected: $0.id == district) },
                            productTypes: productTypes(p, selected: type), filters: Filters(q: q, institution: institution),
                            previous: page > 1 ? link(page - 1) : nil, next: page * Self.perPage < found.total ? link(page + 1) : nil, errors: errors)
        return try await site.render(p, "resources", titleKey: "res_title", body)
    }

    func visible(_ p: WebSite.PageRequest) async throws -> ResourceModel? {
        guard let raw = p.req.parameters.get("id"), let id = UUID(uuidString: raw) else { return nil }
        do { return try await Self.services(p).resourceStore().resource(id) } catch RegistryError.notFound { return nil }
    }

    /// Who may edit this resource here: a financial product, by the roles of `updateResource`;
    /// a bank's or lessor's account only its own institution's (as the store checks it).
    func mayEdit(_ m: ResourceModel, _ p: WebSite.PageRequest) -> Bool {
        guard m.kind == ResourceKind.financialProduct.rawValue, site.mayOpen("resourceSave", p), let principal = p.access?.account.principal else { return false }
        return principal.role != .bank || (principal.institution != nil && principal.institution == m.institution)
    }

    func show(_ p: WebSite.PageRequest, form: Form?, errors: PageErrors, done: Bool, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let m = try await visible(p) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        let d = ResourceStore.draft(of: m)
        let stored = Form(name: d.name, productType: d.productType ?? "", annualRatePercent: d.annualRatePercent ?? "", termMonths: d.termMonths.map(String.init) ?? "",
                          maxAmount: d.maxAmount ?? "", conditions: d.conditions ?? "", description: d.description ?? "", contact: d.contact ?? "")
        let shown = form ?? stored
        let body = OneBody(row: Self.row(m, site, p), version: m.version, updatedAt: ISO8601DateFormatter().string(from: m.updatedAt), description: d.description,
                           contact: d.contact, canEdit: mayEdit(m, p), form: shown, productTypes: productTypes(p, selected: shown.productType), errors: errors,
                           done: done ? site.catalogue.text("res_done_saved", p.lang) : nil)
        return try await site.render(p, "resource", titleKey: "res_one_title", body, status: status)
    }

    /// The product's next version: the stored one with the form's fields over it (what the form
    /// does not show is kept), checked and written by the store.
    func save(_ p: WebSite.PageRequest) async throws -> Response {
        guard let m = try await visible(p), let access = p.access else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        guard mayEdit(m, p) else { return try await site.refusal(p.req, lang: p.lang, status: .forbidden) }
        func field(_ name: String) -> String { ((try? p.req.content.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespaces) }
        let form = Form(name: field("name"), productType: field("productType"), annualRatePercent: field("annualRatePercent"), termMonths: field("termMonths"),
                        maxAmount: field("maxAmount"), conditions: field("conditions"), description: field("description"), contact: field("contact"))
        var draft = ResourceStore.draft(of: m)
        draft.name = form.name
        draft.productType = form.productType.isEmpty ? nil : form.productType
        draft.annualRatePercent = form.annualRatePercent.isEmpty ? nil : form.annualRatePercent
        draft.maxAmount = form.maxAmount.isEmpty ? nil : form.maxAmount
        draft.conditions = form.conditions.isEmpty ? nil : form.conditions
        draft.description = form.description.isEmpty ? nil : form.description
        draft.contact = form.contact.isEmpty ? nil : form.contact
        let fieldOf: (String) -> String? = { path in
            ["$.name", "$.productType", "$.annualRatePercent", "$.termMonths", "$.maxAmount", "$.conditions", "$.description", "$.contact"].contains(path) ? String(path.dropFirst(2)) : nil
        }
        do {
            if form.termMonths.isEmpty { draft.termMonths = nil }
            else if let months = Int(form.termMonths) { draft.termMonths = months }
            else { throw RegistryError.invalid([ValidationIssue(path: "$.termMonths", zh: "期限应为整月数", en: "the term is a whole number of months")]) }
            let principal = access.account.principal
            _ = try await Self.services(p).resourceStore().save(draft, id: try m.requireID(), onlyInstitution: principal.role == .bank ? principal.institution : nil,
                                                               by: AuditActor(principal: principal, address: p.req.clientAddress))
        } catch {
            let status: HTTPResponseStatus = { if case RegistryError.conflict = error { return .conflict }; return .unprocessableEntity }()
            return try await show(p, form: form, errors: try PageErrors(error, lang: p.lang, fieldOf: fieldOf), done: false, status: status)
        }
        return p.req.redirect(to: "/resources/\(try m.requireID().uuidString.lowercased())?done=saved", redirectType: .normal)
    }
}
