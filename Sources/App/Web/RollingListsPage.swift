import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// The rolling lists (`/lists`, the city's): every list with its status, version and entries;
/// each list (`/lists/{id}`) with its entries — as last published and as they stand, what
/// changed since — and its versions, and the publish form. The figures are the store's
/// (`RollingListModel.entryViews`, as `GET /api/lists/{id}` answers); publishing is the store's
/// `publish`, as `POST /api/lists/{id}/publish` calls it, its refusal shown in its own words.
struct RollingListsPage: Sendable {
    let site: WebSite

    struct ListRow: Encodable { var id: String; var number: String; var title: String; var status: String; var statusText: String; var version: Int; var entries: Int }
    struct EntryRow: Encodable {
        var projectCode: String; var creditCode: String; var enterprise: String; var name: String; var recommended: String
        var instruments: String; var addedIn: Int; var removedIn: Int?; var sentVersion: Int?; var changed: String?
    }
    struct VersionRow: Encodable { var version: Int; var at: String; var note: String?; var added: Int; var removed: Int; var published: String?; var sentTo: String? }
    struct ListsBody: Encodable { var lists: [ListRow] }
    struct ListBody: Encodable {
        var list: ListRow; var entries: [EntryRow]; var versions: [VersionRow]
        var canPublish: Bool; var errors: PageErrors; var done: String?
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["lists"], id: "rollingLists") { p in try await lists(p) }
        site.page(routes, .GET, ["lists", ":id"], id: "rollingList") { p in
            try await show(p, errors: PageErrors(), done: p.req.query[String.self, at: "done"] == "published")
        }
        site.page(routes, .POST, ["lists", ":id", "publish"], id: "rollingListPublish") { p in try await publish(p) }
    }

    func services(_ p: WebSite.PageRequest) -> PlatformServices { p.req.application.platformServices }
    static func stamp(_ d: Date?) -> String? { d.map { ISO8601DateFormatter().string(from: $0) } }

    func row(_ m: RollingListModel, _ lang: Language) throws -> ListRow {
        ListRow(id: try m.requireID().uuidString.lowercased(), number: m.number, title: m.title, status: m.status,
                statusText: site.catalogue.text("list_status_" + m.status, lang), version: m.version,
                entries: m.entries.filter { $0.removedInVersion == nil }.count)
    }

    func lists(_ p: WebSite.PageRequest) async throws -> Response {
        let rows = try await services(p).listStore().all().map { try row($0, p.lang) }
        return try await site.render(p, "lists", titleKey: "list_title", ListsBody(lists: rows))
    }

    func visible(_ p: WebSite.PageRequest) async throws -> RollingListModel? {
        guard let raw = p.req.parameters.get("id"), let id = UUID(uuidString: raw) else { return nil }
        do { return try await services(p).listStore().list(id) } catch RegistryError.notFound { return nil }
    }

    func show(_ p: WebSite.PageRequest, errors: PageErrors, done: Bool, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let m = try await visible(p) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        let lang = p.lang
        let entries = try m.entryViews().map { e in
            let facts = e.sent ?? e.current
            return EntryRow(projectCode: e.projectCode, creditCode: e.creditCode, enterprise: facts.enterpriseName, name: facts.name,
                            recommended: AmountText.shown(e.current.recommendedTotal, lang),
                            instruments: e.current.recommendedInstruments.joined(separator: lang == .zh ? "、" : ", "),
                            addedIn: e.addedInVersion, removedIn: e.removedInVersion, sentVersion: e.sentVersion,
                            changed: e.changed.isEmpty ? nil : e.changed.map { site.catalogue.text("list_field_" + $0, lang) }.joined(separator: lang == .zh ? "、" : ", "))
        }
        let versions = m.versions.sorted { $0.version > $1.version }.map { v in
            VersionRow(version: v.version, at: Self.stamp(v.createdAt) ?? "", note: v.note, added: v.added, removed: v.removed,
                       published: Self.stamp(v.publishedAt), sentTo: v.sentTo.isEmpty ? nil : v.sentTo.split(separator: "\n").joined(separator: lang == .zh ? "、" : ", "))
        }
        let canPublish = m.status == "draft" && (PageRules.rules["rollingListPublish"].map { (try? $0.check(p.access, writes: true)) != nil } ?? false)
        let body = ListBody(list: try row(m, lang), entries: entries, versions: versions, canPublish: canPublish, errors: errors,
                            done: done ? site.catalogue.text("list_done_published", lang) : nil)
        return try await site.render(p, "list", titleKey: "list_one_title", body, status: status)
    }

    func publish(_ p: WebSite.PageRequest) async throws -> Response {
        guard let m = try await visible(p), let access = p.access else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        let id = try m.requireID()
        do {
            try await services(p).listStore().publish(id, engine: services(p).engine,
                                                      by: AuditActor(principal: access.account.principal, address: p.req.clientAddress))
        } catch {
            let status: HTTPResponseStatus = { if case RegistryError.conflict = error { return .conflict }; return .unprocessableEntity }()
            return try await show(p, errors: try PageErrors(error, lang: p.lang), done: false, status: status)
        }
        return p.req.redirect(to: "/lists/\(id.uuidString.lowercased())?done=published", redirectType: .normal)
    }
}
