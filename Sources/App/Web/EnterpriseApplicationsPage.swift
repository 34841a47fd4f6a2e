import API
import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// The enterprise's applications (`/enterprise/applications`): the list with their state, the
/// form to apply for a stored project's recommended combination, each case with its checklist,
/// what is missing and when it is due, its uploads, its submission and its notices. Every write
/// is the store's call that the API makes (`POST /api/applications`, `…/materials`,
/// `…/submit`), with the same visibility check first; the page shows the store's refusals.
struct EnterpriseApplicationsPage: Sendable {
    let site: WebSite

    struct Row: Encodable { var id: String; var project: String; var state: String; var stateLabel: String; var instruments: String; var requested: String; var submittedOn: String? }
    struct ProjectOption: Encodable { var id: String; var label: String }
    struct NoticeRow: Encodable { var title: String; var body: String; var at: String; var href: String? }
    struct ListBody: Encodable {
        var registered: Bool
        var rows: [Row]
        var projects: [ProjectOption]
        var errors: PageErrors
        var notices: [NoticeRow]
    }
    struct CaseBody: Encodable {
        var app: CaseView
        var canSubmit: Bool
        var canUpload: Bool
        var items: [ProjectOption]
        var errors: PageErrors
        var notices: [NoticeRow]
        var done: String?
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["enterprise", "applications"], id: "enterpriseApplications") { p in try await list(p, errors: PageErrors()) }
        site.page(routes, .POST, ["enterprise", "applications"], id: "enterpriseApply") { p in try await apply(p) }
        site.page(routes, .GET, ["enterprise", "applications", ":id"], id: "enterpriseApplication") { p in
            try await show(p, errors: PageErrors(), done: p.req.query[String.self, at: "done"].flatMap(Self.doneKey))
        }
        site.page(routes, .POST, ["enterprise", "applications", ":id", "materials"], id: "enterpriseUpload",
                  maxBody: ByteCount(value: RequestLimits.material + 64 * RequestLimits.kib)) { p in try await upload(p) }
        site.page(routes, .POST, ["enterprise", "applications", ":id", "submit"], id: "enterpriseSubmit") { p in try await submit(p) }
    }

    /// The confirmations a redirect may name (nothing else from the address reaches the page).
    static func doneKey(_ raw: String) -> String? {
        ["created": "app_done_created", "uploaded": "app_done_uploaded", "submitted": "app_done_submitted"][raw]
    }

    func services(_ p: WebSite.PageRequest) -> PlatformServices { p.req.application.platformServices }
    func principal(_ p: WebSite.PageRequest) throws -> Principal {
        guard let access = p.access else { throw Abort(.unauthorized) }
        return access.account.principal
    }
    func actor(_ p: WebSite.PageRequest) throws -> AuditActor { AuditActor(principal: try principal(p), address: p.req.clientAddress) }
    func visibility(_ p: WebSite.PageRequest) throws -> Visibility { Visibility(try principal(p), vocabulary: services(p).library.vocabulary) }

    func notices(_ p: WebSite.PageRequest, of caseID: String? = nil) async throws -> [NoticeRow] {
        let page = try await services(p).noticeStore().notices(for: try principal(p), page: 1, perPage: 50)
        return page.items.filter { n in caseID == nil || n.applicationID?.uuidString.lowercased() == caseID }.map { n in
            NoticeRow(title: n.title.text(p.lang), body: n.body.text(p.lang), at: ISO8601DateFormatter().string(from: n.createdAt),
                      href: n.applicationID.map { "/enterprise/applications/\($0.uuidString.lowercased())" })
        }
    }

    func list(_ p: WebSite.PageRequest, errors: PageErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let code = try principal(p).enterpriseCode ?? ""
        let projects = services(p).projectStore()
        guard !code.isEmpty, try await projects.enterprise(code) != nil else {
            return try await site.render(p, "applications", titleKey: "app_list_title",
                                         ListBody(registered: false, rows: [], projects: [], errors: errors, notices: []), status: status)
        }
        let (_, stored) = try await projects.projects(of: code)
        let names = Dictionary(stored.compactMap { m in m.id.map { ($0, m.name) } }, uniquingKeysWith: { a, _ in a })
        var rows: [Row] = []
        if let filter = try visibility(p).caseFilter(ApplicationFilter()) {
            let (items, _) = try await services(p).applicationStore().list(filter, page: 1, perPage: 200)
            rows = items.map { m in
                let s = ApplicationView.summary(m)
                return Row(id: s.id, project: names[m.$project.id] ?? s.projectId, state: s.state.rawValue,
                           stateLabel: p.lang == .zh ? s.stateLabel.zh : s.stateLabel.en,
                           instruments: s.instruments.joined(separator: p.lang == .zh ? "、" : ", "),
                           requested: CaseView.amount(s.requestedTotal, p.lang), submittedOn: s.submittedOn)
            }
        }
        let options = stored.compactMap { m in m.id.map { ProjectOption(id: $0.uuidString.lowercased(), label: "\(m.code) · \(m.name)") } }
        return try await site.render(p, "applications", titleKey: "app_list_title",
                                     ListBody(registered: true, rows: rows, projects: options, errors: errors, notices: try await notices(p)),
                                     status: status)
    }

    /// Applies for the project's recommended combination: the store's `create`, as the API's.
    func apply(_ p: WebSite.PageRequest) async throws -> Response {
        let raw = (try? p.req.content.get(String.self, at: "projectId")) ?? ""
        guard let projectID = UUID(uuidString: raw) else {
            return try await list(p, errors: PageErrors(general: [site.catalogue.text("app_choose_project", p.lang)]), status: .unprocessableEntity)
        }
        do {
            try visibility(p).require(project: try await services(p).projectStore().project(projectID))
            let id = try await services(p).applicationStore().create(projectID: projectID, instruments: nil,
                                                                      on: services(p).clock.today(), by: try actor(p))
            return p.req.redirect(to: "/enterprise/applications/\(id.uuidString.lowercased())?done=created", redirectType: .normal)
        } catch RegistryError.notFound {
            return try await list(p, errors: PageErrors(general: [site.catalogue.text("app_choose_project", p.lang)]), status: .unprocessableEntity)
        } catch {
            return try await list(p, errors: try PageErrors(error, lang: p.lang), status: .unprocessableEntity)
        }
    }

    /// The case, if the account may see it; nil is a 404 (as for a case that does not exist).
    func visibleCase(_ p: WebSite.PageRequest) async throws -> ApplicationModel? {
        guard let raw = p.req.parameters.get("id"), let id = UUID(uuidString: raw) else { return nil }
        do {
            let model = try await services(p).applicationStore().application(id)
            try visibility(p).require(case: model)
            return model
        } catch RegistryError.notFound { return nil }
    }

    func show(_ p: WebSite.PageRequest, errors: PageErrors, done: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let model = try await visibleCase(p) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        let store = services(p).applicationStore()
        let answer = try await ApplicationView(store: store, today: services(p).clock.today()).application(model)
        let view = CaseView(answer, lang: p.lang, vocabulary: services(p).library.vocabulary, catalogue: site.catalogue)
        let state = ApplicationState(rawValue: model.state) ?? .draft
        let body = CaseBody(app: view, canSubmit: [.draft, .returned].contains(state), canUpload: !state.isFinal,
                            items: view.checklist.map { ProjectOption(id: $0.item, label: "\($0.item) · \($0.label)") },
                            errors: errors, notices: try await notices(p, of: view.id), done: done.map { site.catalogue.text($0, p.lang) })
        return try await site.render(p, "application", titleKey: "app_case_title", body, status: status)
    }

    /// An upload through the store's `addMaterial`: its checks (the checklist's item, the kind
    /// found from the bytes, 20 MB) are the API's; the name is checked as the API checks it.
    func upload(_ p: WebSite.PageRequest) async throws -> Response {
        struct Upload: Content { var item: String?; var file: File? }
        guard let model = try await visibleCase(p) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        let form = try? p.req.content.decode(Upload.self)
        let item = form?.item ?? ""
        var errors = PageErrors()
        if item.isEmpty { errors.add(site.catalogue.text("app_choose_item", p.lang), to: "item") }
        guard let file = form?.file, file.data.readableBytes > 0 else {
            errors.add(site.catalogue.text("app_choose_file", p.lang), to: "file")
            return try await show(p, errors: errors, status: .unprocessableEntity)
        }
        if let problem = TextKind.name.problem(in: file.filename) { errors.add(problem.text(p.lang), to: "file") }
        if let problem = TextKind.code.problem(in: item), !item.isEmpty { errors.add(problem.text(p.lang), to: "item") }
        guard errors.isEmpty else { return try await show(p, errors: errors, status: .unprocessableEntity) }
        do {
            _ = try await services(p).applicationStore().addMaterial(try model.requireID(), item: item, fileName: file.filename,
                                                                     data: Data(buffer: file.data), on: services(p).clock.today(), by: try actor(p))
        } catch {
            let shown = try PageErrors(error, lang: p.lang) { path in path == "item" ? "item" : path == "body" ? "file" : nil }
            return try await show(p, errors: shown, status: .unprocessableEntity)
        }
        return p.req.redirect(to: "/enterprise/applications/\(try model.requireID().uuidString.lowercased())?done=uploaded", redirectType: .normal)
    }

    func submit(_ p: WebSite.PageRequest) async throws -> Response {
        guard let model = try await visibleCase(p) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        let id = try model.requireID()
        do {
            try await services(p).applicationStore().submit(id, on: services(p).clock.today(), by: try actor(p))
        } catch {
            return try await show(p, errors: try PageErrors(error, lang: p.lang), status: .conflict)
        }
        return p.req.redirect(to: "/enterprise/applications/\(id.uuidString.lowercased())?done=submitted", redirectType: .normal)
    }
}
