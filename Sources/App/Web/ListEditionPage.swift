import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// One edition of a list (`/list-library/editions/{id}`): its entries in the file's order with
/// the kind's columns, searchable by text within the edition (the store's search, the kind and
/// the edition's number given), and its exports (the API's, which the session's cookie opens).
struct ListEditionPage: Sendable {
    let site: WebSite

    struct Body: Encodable {
        var kind: ListLibraryPage.KindRow; var edition: ListLibraryPage.EditionRow; var q: String
        var entries: [ListLibraryPage.EntryRow]; var total: Int; var previous: String?; var next: String?; var errors: PageErrors
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["list-library", "editions", ":id"], id: "listLibraryEdition") { p in try await show(p) }
    }

    func show(_ p: WebSite.PageRequest) async throws -> Response {
        let lang = p.lang, store = ListLibraryPage.store(p)
        guard let raw = p.req.parameters.get("id"), let id = UUID(uuidString: raw) else { return try await site.refusal(p.req, lang: lang, status: .notFound) }
        let edition: ListEditionModel
        do { edition = try await store.edition(id) } catch RegistryError.notFound { return try await site.refusal(p.req, lang: lang, status: .notFound) }
        let kind = ListLibraryPage.services(p).workflow.lists.kinds.first { $0.id == edition.kind }
        var errors = PageErrors()
        var q = p.req.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespaces) ?? ""
        if let problem = TextKind.name.problem(in: q) { errors.add(problem.text(lang), to: "q"); q = "" }
        let page = max(1, min(p.req.query[Int.self, at: "page"] ?? 1, 10_000))
        let found = try await store.search(.init(kind: edition.kind, text: q.isEmpty ? nil : q, edition: edition.number), page: page, perPage: ListLibraryPage.perPage)
        let latest = try await store.editions(kind: edition.kind).map(\.number).max()
        func link(_ n: Int) -> String {
            var c = URLComponents(); c.path = "/list-library/editions/\(raw.lowercased())"
            c.queryItems = (q.isEmpty ? [] : [URLQueryItem(name: "q", value: q)]) + [URLQueryItem(name: "page", value: String(n))]
            return c.string ?? c.path
        }
        let kindRow = ListLibraryPage.KindRow(id: edition.kind, name: kind?.name.text(lang) ?? edition.kind, clause: kind?.clause ?? "", latest: nil)
        let body = Body(kind: kindRow, edition: ListLibraryPage.edition(edition, current: edition.number == latest), q: q,
                        entries: found.entries.map { m, e in ListLibraryPage.entry(m.entry, kind: kind, edition: e, p) }, total: found.total,
                        previous: page > 1 ? link(page - 1) : nil, next: page * ListLibraryPage.perPage < found.total ? link(page + 1) : nil, errors: errors)
        return try await site.render(p, "list_edition", titleKey: "lib_edition_title", body)
    }
}
