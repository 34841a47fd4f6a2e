import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// The list library (清单库, measure 九) as pages: every kind of list (policy data,
/// `workflow/lists.yaml`) with its current edition and the search over the entries
/// (`/list-library`); a kind's editions, current and past, the difference between two, the
/// exports, and the city's publication of a new edition by upload (`/list-library/kinds/{kind}`);
/// an edition's entries, searchable (`ListEditionPage`). Every figure is the store's
/// (`ListLibraryStore`, as `/api/list-editions` and `/api/list-entries` answer); a refused file
/// shows every issue the store names, by row and column.
struct ListLibraryPage: Sendable {
    let site: WebSite
    static let perPage = 50

    struct Option: Encodable { var value: String; var label: String; var selected: Bool }
    struct KindRow: Encodable { var id: String; var name: String; var clause: String; var latest: EditionRow? }
    struct EditionRow: Encodable { var id: String; var number: Int; var title: String; var publishedOn: String; var entries: Int; var note: String?; var current: Bool }
    struct EntryRow: Encodable {
        var kind: String; var edition: String; var editionNumber: Int; var key: String; var name: String; var enterprise: String?
        var creditCode: String?; var district: String?; var year: Int?; var fields: String
    }
    struct Filters: Encodable { var q: String; var enterprise: String; var year: String }
    struct IndexBody: Encodable {
        var kinds: [KindRow]; var kindOptions: [Option]; var districts: [Option]; var filters: Filters
        var entries: [EntryRow]; var total: Int; var searched: Bool; var previous: String?; var next: String?; var errors: PageErrors
    }
    struct Change: Encodable { var key: String; var name: String; var columns: String }
    struct Diff: Encodable { var from: Int; var to: Int; var added: [EntryRow]; var removed: [EntryRow]; var changed: [Change]; var unchanged: Int }
    struct PublishForm: Encodable { var title = ""; var publishedOn = ""; var note = "" }
    /// A refused file's problem: where (row and column, as the store names it) and what, in
    /// both languages, Chinese first, so the file's author and its checker read the same list.
    struct FileIssue: Encodable { var at: String; var zh: String; var en: String }
    struct KindBody: Encodable {
        var kind: KindRow; var columns: [String]; var editions: [EditionRow]; var fromOptions: [Option]; var toOptions: [Option]
        var diff: Diff?; var canPublish: Bool; var form: PublishForm; var errors: PageErrors; var fileIssues: [FileIssue]; var done: String?
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["list-library"], id: "listLibrary") { p in try await index(p) }
        site.page(routes, .GET, ["list-library", "kinds", ":kind"], id: "listLibraryKind") { p in
            try await kind(p, form: PublishForm(), errors: PageErrors(), done: p.req.query[String.self, at: "done"] == "published")
        }
        site.page(routes, .POST, ["list-library", "kinds", ":kind", "editions"], id: "listLibraryPublish",
                  maxBody: ByteCount(value: RequestLimits.listFile + 64 * RequestLimits.kib)) { p in try await publish(p) }
        ListEditionPage(site: site).register(routes)
    }

    static func services(_ p: WebSite.PageRequest) -> PlatformServices { p.req.application.platformServices }
    static func store(_ p: WebSite.PageRequest) -> ListLibraryStore { services(p).listLibrary() }

    static func edition(_ e: ListEditionModel, current: Bool) -> EditionRow {
        EditionRow(id: (e.id ?? UUID()).uuidString.lowercased(), number: e.number, title: e.title, publishedOn: e.publishedOn, entries: e.entryCount,
                   note: e.note, current: current)
    }

    /// An entry as a row: the district by its name in the page's language, the kind's own
    /// columns as `label: value`, in the kind's order.
    static func entry(_ e: ListEntry, kind: ListKind?, edition: ListEditionModel, _ p: WebSite.PageRequest) -> EntryRow {
        let vocabulary = services(p).library.vocabulary
        let fields = (kind?.fields ?? []).compactMap { f in e.fields[f.id].flatMap { $0.isEmpty ? nil : "\(f.label.text(p.lang)): \($0)" } }
        return EntryRow(kind: kind?.name.text(p.lang) ?? edition.kind, edition: (edition.id ?? UUID()).uuidString.lowercased(), editionNumber: edition.number,
                        key: e.key, name: e.name, enterprise: e.enterprise, creditCode: e.creditCode,
                        district: e.district.map { d in vocabulary.district(named: d)?.name.text(p.lang) ?? d }, year: e.year,
                        fields: fields.joined(separator: p.lang == .zh ? "；" : "; "))
    }

    func index(_ p: WebSite.PageRequest) async throws -> Response {
        let lang = p.lang, store = Self.store(p), kinds = Self.services(p).workflow.lists.kinds
        var latest: [String: ListEditionModel] = [:]
        for e in try await store.editions() where (latest[e.kind]?.number ?? 0) < e.number { latest[e.kind] = e }
        let rows = kinds.map { k in KindRow(id: k.id, name: k.name.text(lang), clause: k.clause, latest: latest[k.id].map { Self.edition($0, current: true) }) }
        // The search: each text under the API's limits (a refused one is said and not searched).
        var errors = PageErrors()
        func text(_ name: String, _ kind: TextKind) -> String {
            let v = p.req.query[String.self, at: name]?.trimmingCharacters(in: .whitespaces) ?? ""
            if let problem = kind.problem(in: v) { errors.add(problem.text(lang), to: name); return "" }
            return v
        }
        let q = text("q", .name), enterprise = text("enterprise", .name), yearText = text("year", .code)
        let kind = p.req.query[String.self, at: "kind"].flatMap { k in kinds.contains { $0.id == k } ? k : nil }
        let vocabulary = Self.services(p).library.vocabulary
        let district = p.req.query[String.self, at: "district"].flatMap { vocabulary.district(named: $0)?.id }
        let year = Int(yearText).flatMap { (1900...2100).contains($0) ? $0 : nil }
        let searched = !q.isEmpty || !enterprise.isEmpty || kind != nil || district != nil || year != nil
        let page = max(1, min(p.req.query[Int.self, at: "page"] ?? 1, 10_000))
        var entries: [EntryRow] = [], total = 0
        if searched {
            let found = try await store.search(.init(kind: kind, text: q.isEmpty ? nil : q, enterprise: enterprise.isEmpty ? nil : enterprise,
                                                     district: district, year: year), page: page, perPage: Self.perPage)
            total = found.total
            entries = found.entries.map { m, e in Self.entry(m.entry, kind: kinds.first { $0.id == e.kind }, edition: e, p) }
        }
        func link(_ n: Int) -> String {
            var c = URLComponents(); c.path = "/list-library"
            c.queryItems = [("q", q), ("enterprise", enterprise), ("year", year.map(String.init) ?? ""), ("kind", kind ?? ""), ("district", district ?? ""), ("page", String(n))]
                .filter { !$0.1.isEmpty }.map { URLQueryItem(name: $0.0, value: $0.1) }
            return c.string ?? "/list-library"
        }
        let body = IndexBody(kinds: rows, kindOptions: kinds.map { Option(value: $0.id, label: $0.name.text(lang), selected: $0.id == kind) },
                             districts: vocabulary.districts.map { Option(value: $0.id, label: $0.name.text(lang), selected: $0.id == district) },
                             filters: Filters(q: q, enterprise: enterprise, year: year.map(String.init) ?? ""), entries: entries, total: total, searched: searched,
                             previous: searched && page > 1 ? link(page - 1) : nil, next: searched && page * Self.perPage < total ? link(page + 1) : nil,
                             errors: errors)
        return try await site.render(p, "list_library", titleKey: "lists_lib_title", body)
    }

    func kind(_ p: WebSite.PageRequest, form: PublishForm, errors: PageErrors, fileIssues: [FileIssue] = [], done: Bool,
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = p.lang, store = Self.store(p)
        guard let id = p.req.parameters.get("kind"), let k = Self.services(p).workflow.lists.kinds.first(where: { $0.id == id }) else {
            return try await site.refusal(p.req, lang: lang, status: .notFound)
        }
        let editions = try await store.editions(kind: k.id).sorted { $0.number > $1.number }
        let rows = editions.enumerated().map { Self.edition($0.element, current: $0.offset == 0) }
        // The difference between two editions, by their numbers (the newest against the one before, unless asked).
        let toNumber = p.req.query[Int.self, at: "to"] ?? editions.first?.number
        let fromNumber = p.req.query[Int.self, at: "from"] ?? toNumber.map { $0 - 1 }
        var diff: Diff?
        if let a = editions.first(where: { $0.number == fromNumber }), let b = editions.first(where: { $0.number == toNumber }), let ia = a.id, let ib = b.id {
            let d = try await store.diff(from: ia, to: ib).diff
            diff = Diff(from: a.number, to: b.number, added: d.added.map { Self.entry($0, kind: k, edition: b, p) },
                        removed: d.removed.map { Self.entry($0, kind: k, edition: a, p) },
                        changed: d.changed.map { c in
                            Change(key: c.key, name: c.after.name, columns: c.columns.map { col in
                                ListColumn(rawValue: col)?.label.text(lang) ?? k.fields.first { $0.id == col }?.label.text(lang) ?? col
                            }.joined(separator: lang == .zh ? "、" : ", "))
                        }, unchanged: d.unchanged)
        }
        let options = { (chosen: Int?) in editions.map { Option(value: String($0.number), label: "\($0.number) · \($0.publishedOn)", selected: $0.number == chosen) } }
        let columns = ListColumn.allCases.map { $0.label.text(lang) } + k.fields.map { $0.label.text(lang) }
        let body = KindBody(kind: KindRow(id: k.id, name: k.name.text(lang), clause: k.clause, latest: rows.first), columns: columns, editions: rows,
                            fromOptions: options(fromNumber), toOptions: options(toNumber), diff: diff, canPublish: site.mayOpen("listLibraryPublish", p),
                            form: form, errors: errors, fileIssues: fileIssues, done: done ? site.catalogue.text("lib_done_published", lang) : nil)
        return try await site.render(p, "list_kind", titleKey: "lib_kind_title", body, status: status)
    }

    /// A new edition from the uploaded file, through the store's `publish` as
    /// `POST /api/list-editions` calls it: refused whole, with every bad row named.
    func publish(_ p: WebSite.PageRequest) async throws -> Response {
        struct Upload: Content { var title: String?; var publishedOn: String?; var note: String?; var file: File? }
        guard let kindID = p.req.parameters.get("kind"), Self.services(p).workflow.lists.kinds.contains(where: { $0.id == kindID }), let access = p.access else {
            return try await site.refusal(p.req, lang: p.lang, status: .notFound)
        }
        let upload = try? p.req.content.decode(Upload.self)
        let form = PublishForm(title: upload?.title ?? "", publishedOn: upload?.publishedOn ?? "", note: upload?.note ?? "")
        let today = Self.services(p).clock.today()
        do {
            var issues: [ValidationIssue] = []
            let day = form.publishedOn.isEmpty ? today : Day(iso: form.publishedOn)
            if day == nil { issues.append(ValidationIssue(path: "publishedOn", zh: "应为日期 YYYY-MM-DD：\(form.publishedOn)", en: "must be a date YYYY-MM-DD: \(form.publishedOn)")) }
            let file = upload?.file
            let name = file?.filename.lowercased() ?? ""
            let format: ListFile.Format? = name.hasSuffix(".xlsx") ? .xlsx : name.hasSuffix(".csv") ? .csv : nil
            if file == nil || format == nil || file?.data.readableBytes == 0 {
                issues.append(ValidationIssue(path: "file", zh: site.catalogue.text("lib_choose_file", .zh), en: site.catalogue.text("lib_choose_file", .en)))
            }
            guard issues.isEmpty, let day, let file, let format else { throw RegistryError.invalid(issues) }
            _ = try await Self.store(p).publish(.init(kind: kindID, title: form.title, publishedOn: day, note: form.note.isEmpty ? nil : form.note),
                                                file: Data(buffer: file.data), format: format, today: today,
                                                by: AuditActor(principal: access.account.principal, address: p.req.clientAddress))
        } catch {
            let status: HTTPResponseStatus = { if case RegistryError.conflict = error { return .conflict }; return .unprocessableEntity }()
            let fields = ["title": "title", "publishedOn": "publishedOn", "note": "note", "file": "file"]
            // The form's own fields beside them; the file's problems, every one, in a table.
            var fileIssues: [FileIssue] = []
            if case RegistryError.invalid(let issues) = error {
                fileIssues = issues.filter { fields[$0.path] == nil }.map { FileIssue(at: $0.path, zh: $0.message.zh, en: $0.message.en) }
            }
            var errors = try PageErrors(error, lang: p.lang, fieldOf: { fields[$0] })
            if !fileIssues.isEmpty { errors.general = [] }
            return try await kind(p, form: form, errors: errors, fileIssues: fileIssues, done: false, status: status)
        }
        return p.req.redirect(to: "/list-library/kinds/\(kindID)?done=published", redirectType: .normal)
    }
}
