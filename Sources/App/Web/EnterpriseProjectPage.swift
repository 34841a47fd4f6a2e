import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// The enterprise's projects entered and edited in a form (`/enterprise/projects/new`,
/// `/enterprise/projects/{id}`). A new project is the store's `createProject` as
/// `POST /api/projects` makes it; an edit is `replaceProject` as `PUT /api/projects/{id}` makes
/// it, written over the stored project so that what the form does not show is kept
/// (`ProjectForm`). Both after the API's visibility checks, read by the API's reader: the
/// messages are the API's, beside the fields their paths name.
struct EnterpriseProjectPage: Sendable {
    let site: WebSite

    struct Option: Encodable { var value: String; var label: String; var selected: Bool }
    struct Year: Encodable { var name: String; var year: Int; var value: String; var error: String? }
    struct Field: Encodable { var value: String; var error: String? }
    struct Loan: Encodable { var slot: Int; var fields: [String: Field]; var interest: [Year] }
    struct Body: Encodable {
        var id: String?
        var code: String
        var codeError: String?
        var fields: [String: Field]
        var categories: [Option]
        var categoriesError: String?
        var loans: [Loan]
        var errors: PageErrors
        var done: String?
        /// What the form keeps without showing (equipment items, contracts …), for the hint.
        var keepsMore: Bool
        /// The resource library's offers to the stored project, with their reasons (the store's `offers`).
        var offers: [Offer]
    }
    struct Offer: Encodable { var reason: String; var resource: ResourcesPage.Row }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["enterprise", "projects", "new"], id: "enterpriseProjectNew") { p in
            try await form(p, id: nil, form: ProjectForm(values: [:], categories: []), errors: PageErrors(), keepsMore: false)
        }
        site.page(routes, .POST, ["enterprise", "projects"], id: "enterpriseProjectCreate") { p in try await save(p, id: nil) }
        site.page(routes, .GET, ["enterprise", "projects", ":id"], id: "enterpriseProjectEdit") { p in
            guard let (id, m) = try await visible(p) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
            let stored = ProjectFileWriter.project(m.domain())
            return try await form(p, id: id, form: ProjectForm(project: stored), errors: PageErrors(), keepsMore: Self.keepsMore(stored),
                                  done: p.req.query[String.self, at: "done"] == "saved")
        }
        site.page(routes, .POST, ["enterprise", "projects", ":id"], id: "enterpriseProjectSave") { p in
            guard let (id, _) = try await visible(p) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
            return try await save(p, id: id)
        }
    }

    func services(_ p: WebSite.PageRequest) -> PlatformServices { p.req.application.platformServices }
    func principal(_ p: WebSite.PageRequest) throws -> Principal {
        guard let access = p.access else { throw Abort(.unauthorized) }
        return access.account.principal
    }
    func visibility(_ p: WebSite.PageRequest) throws -> Visibility { Visibility(try principal(p), vocabulary: services(p).library.vocabulary) }

    /// The project of the address, if it is the account's own (else as if it did not exist).
    func visible(_ p: WebSite.PageRequest) async throws -> (UUID, ProjectModel)? {
        guard let raw = p.req.parameters.get("id"), let id = UUID(uuidString: raw) else { return nil }
        do {
            let m = try await services(p).projectStore(on: p.req.db).project(id)
            try visibility(p).require(project: m)
            return (id, m)
        } catch RegistryError.notFound { return nil }
    }

    /// Whether the stored project has parts the form does not show.
    static func keepsMore(_ project: JSONValue) -> Bool {
        let shown: Set<String> = ["id", "name", "categories", "startDate", "endDate", "applicationDate", "investment", "loans", "leases"]
        if case .object(let members) = project, members.contains(where: { !shown.contains($0.key) }) { return true }
        if case .array(let loans)? = project["loans"], loans.count > ProjectForm.loanSlots { return true }
        if case .array(let leases)? = project["leases"], leases.count > 1 { return true }
        return false
    }

    func form(_ p: WebSite.PageRequest, id: UUID?, form: ProjectForm, errors: PageErrors, keepsMore: Bool, done: Bool = false,
              status: HTTPResponseStatus = .ok) async throws -> Response {
        func field(_ name: String) -> Field { Field(value: form.values[name] ?? "", error: errors.fields[name]) }
        var fields: [String: Field] = [:]
        for name in ProjectForm.textFields where !name.hasPrefix("loan") { fields[name] = field(name) }
        let loans = (1...ProjectForm.loanSlots).map { k in
            Loan(slot: k, fields: Dictionary(uniqueKeysWithValues: ProjectForm.loanMembers.map { ($0.0, field("loan\(k)\($0.0)")) }),
                 interest: ProjectForm.interestYears.map { y in
                     Year(name: "loan\(k)I\(y)", year: y, value: form.values["loan\(k)I\(y)"] ?? "", error: errors.fields["loan\(k)I\(y)"])
                 })
        }
        let chosen = Set(form.categories)
        var offers: [Offer] = []
        if let id {
            let m = try await services(p).projectStore(on: p.req.db).project(id)
            offers = try await services(p).resourceStore().offers(forProject: m).map { r, o in
                Offer(reason: o.reason.text(p.lang), resource: ResourcesPage.row(r, site, p))
            }
        }
        let body = Body(id: id?.uuidString.lowercased(), code: form.values["code"] ?? "", codeError: errors.fields["code"], fields: fields,
                        categories: services(p).library.vocabulary.categories.values.sorted { $0.id < $1.id }
                            .map { Option(value: $0.id, label: $0.name.text(p.lang), selected: chosen.contains($0.id)) },
                        categoriesError: errors.fields["categories"], loans: loans, errors: errors,
                        done: done ? site.catalogue.text("ent_project_saved", p.lang) : nil, keepsMore: keepsMore, offers: offers)
        return try await site.render(p, "enterprise_project", titleKey: id == nil ? "ent_project_new" : "ent_project_edit", body, status: status)
    }

    func save(_ p: WebSite.PageRequest, id: UUID?) async throws -> Response {
        var values: [String: String] = [:]
        for name in ProjectForm.textFields { values[name] = String(((try? p.req.content.get(String.self, at: name)) ?? "").prefix(200)) }
        let categories = ((try? p.req.content.get([String].self, at: "categories")) ?? []).prefix(32).map { String($0.prefix(64)) }
        let store = services(p).projectStore(on: p.req.db)
        let principal = try principal(p)
        let actor = AuditActor(principal: principal, address: p.req.clientAddress)
        var base: JSONValue?
        if let id {
            let stored = ProjectFileWriter.project(try await store.project(id).domain())
            base = stored
            // The project's code is its identity in the enterprise's files: kept as it is.
            if case .string(let code)? = stored["id"] { values["code"] = code }
        }
        let form = ProjectForm(values: values, categories: Array(categories))
        let (json, fields) = form.json(over: base)
        let fieldOf: (String) -> String? = { CalculatorForm.field(of: $0, in: fields) }
        do {
            let project = try validated(ProjectFileReader.readProject(json, vocabulary: services(p).library.vocabulary))
            if let id {
                try await store.replaceProject(id, with: project, by: actor)
                return p.req.redirect(to: "/enterprise/projects/\(id.uuidString.lowercased())?done=saved", redirectType: .normal)
            }
            let code = principal.enterpriseCode ?? ""
            _ = try visibility(p).require(try await store.enterprise(code), code: code)
            let created = try await store.createProject(project, creditCode: code, by: actor)
            return p.req.redirect(to: "/enterprise/projects/\(created.uuidString.lowercased())?done=saved", redirectType: .normal)
        } catch {
            let status: HTTPResponseStatus
            switch error {
            case RegistryError.conflict: status = .conflict
            case RegistryError.notFound: status = .notFound
            default: status = .unprocessableEntity
            }
            let errors: PageErrors
            if case RegistryError.notFound(let text) = error { errors = PageErrors(general: [text.text(p.lang)]) }
            else { errors = try PageErrors(error, lang: p.lang, fieldOf: fieldOf) }
            return try await self.form(p, id: id, form: form, errors: errors, keepsMore: base.map(Self.keepsMore) ?? false, status: status)
        }
    }
}
