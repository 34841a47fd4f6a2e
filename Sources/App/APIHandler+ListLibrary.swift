import API
import Foundation
import OpenAPIRuntime
import Policy
import Registry
import Workflow

/// The list library (清单库, issue 14 item 2): the kinds of list (policy data), editions
/// published from a file whole, read, exported, compared, and the entries searched. Thin: the
/// store reads and checks the file; the handler reads the request and answers.
extension APIHandler {
    var listLibrary: ListLibraryStore { services.listLibrary() }

    func listListKinds(_ input: Operations.ListListKinds.Input) async throws -> Operations.ListListKinds.Output {
        var latest: [String: ListEditionModel] = [:]
        for e in try await listLibrary.editions() where (latest[e.kind]?.number ?? 0) < e.number { latest[e.kind] = e }
        let kinds = services.workflow.lists.kinds.map { k in
            Components.Schemas.ListKind(
                id: k.id, name: .init(zh: k.name.zh, en: k.name.en), clause: k.clause,
                columns: ListColumn.allCases.map { .init(id: $0.rawValue, label: .init(zh: $0.label.zh, en: $0.label.en)) }
                    + k.fields.map { .init(id: $0.id, label: .init(zh: $0.label.zh, en: $0.label.en)) },
                required: k.required.map(\.rawValue).sorted(),
                counts: k.counts.map { .init(target: $0.target, measure: $0.measure, perYear: $0.perYear) },
                drives: k.drives, latest: latest[k.id].map(Self.editionSummary))
        }
        return .ok(.init(body: .json(kinds)))
    }

    func listListEditions(_ input: Operations.ListListEditions.Input) async throws -> Operations.ListListEditions.Output {
        if let kind = input.query.kind { _ = try listLibrary.kind(kind) }
        return .ok(.init(body: .json(try await listLibrary.editions(kind: input.query.kind).map(Self.editionSummary))))
    }

    func publishListEdition(_ input: Operations.PublishListEdition.Input) async throws -> Operations.PublishListEdition.Output {
        guard case .binary(let body) = input.body else { throw BadRequest("请求体应为文件内容", "the body must be the file's bytes") }
        // RequestSizeMiddleware has refused a larger body already (RequestLimits.listFile).
        let data = Data(try await ArraySlice(collecting: body, upTo: RequestLimits.listFile))
        _ = try queryText(input.query.kind, .code, name: "kind")
        _ = try queryText(input.query.title, .name, name: "title")
        _ = try queryText(input.query.note, .note, name: "note")
        let publishedOn = try day(input.query.publishedOn, name: "publishedOn") ?? today
        guard let format = ListFile.Format(rawValue: input.query.format.rawValue) else {
            throw BadRequest("format 应为 csv 或 xlsx", "format must be csv or xlsx", path: "format")
        }
        let edition = try await listLibrary.publish(
            .init(kind: input.query.kind, title: input.query.title, publishedOn: publishedOn, note: input.query.note),
            file: data, format: format, today: today, by: currentActor())
        return .created(.init(body: .json(try await editionAnswer(edition))))
    }

    func getListEdition(_ input: Operations.GetListEdition.Input) async throws -> Operations.GetListEdition.Output {
        .ok(.init(body: .json(try await editionAnswer(try await listLibrary.edition(try uuid(input.path.id))))))
    }

    func exportListEdition(_ input: Operations.ExportListEdition.Input) async throws -> Operations.ExportListEdition.Output {
        let edition = try await listLibrary.edition(try uuid(input.path.id))
        let kind = try listLibrary.kind(edition.kind)
        let entries = try await listLibrary.entries(of: try edition.requireID()).map(\.entry)
        let name = "\(edition.kind)-\(edition.number)"
        switch input.query.format {
        case .csv:
            let data = try ListFile.data(kind: kind, entries: entries, vocabulary: vocabulary, format: .csv)
            return .ok(.init(headers: .init(contentDisposition: ContentDisposition.attachment("\(name).csv")), body: .csv(HTTPBody(data))))
        case .xlsx:
            let data = try ListFile.data(kind: kind, entries: entries, vocabulary: vocabulary, format: .xlsx)
            return .ok(.init(headers: .init(contentDisposition: ContentDisposition.attachment("\(name).xlsx")),
                             body: .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(HTTPBody(data))))
        }
    }

    func diffListEditions(_ input: Operations.DiffListEditions.Input) async throws -> Operations.DiffListEditions.Output {
        let to = try uuid(input.path.id), from = try uuid(input.query.against, name: "against")
        let (a, b, diff) = try await listLibrary.diff(from: from, to: to)
        return .ok(.init(body: .json(.init(
            from: Self.editionSummary(a), to: Self.editionSummary(b), added: diff.added.map(Self.entryItem), removed: diff.removed.map(Self.entryItem),
            changed: diff.changed.map { .init(key: $0.key, before: Self.entryItem($0.before), after: Self.entryItem($0.after), columns: $0.columns) },
            unchanged: diff.unchanged))))
    }

    func searchListEntries(_ input: Operations.SearchListEntries.Input) async throws -> Operations.SearchListEntries.Output {
        let (page, perPage) = try page(input.query.page, input.query.perPage)
        if let kind = input.query.kind { _ = try listLibrary.kind(kind) }
        var district: String?
        if let name = input.query.district {
            guard let d = vocabulary.district(named: name) else {
                throw BadRequest("未知的区：\(name.prefix(64))", "unknown district: \(name.prefix(64))", path: "district")
            }
            district = d.id
        }
        _ = try queryText(input.query.q, .name, name: "q")
        _ = try queryText(input.query.enterprise, .name, name: "enterprise")
        let search = ListLibraryStore.Search(kind: input.query.kind, text: input.query.q, enterprise: input.query.enterprise, district: district,
                                             year: input.query.year, edition: input.query.edition)
        let (found, total) = try await listLibrary.search(search, page: page, perPage: perPage)
        let items = found.map { m, e in
            Components.Schemas.ListEntryFound(kind: e.kind, edition: (e.id ?? UUID()).uuidString.lowercased(), editionNumber: e.number,
                                              publishedOn: e.publishedOn, entry: Self.entryItem(m.entry))
        }
        return .ok(.init(body: .json(.init(items: items, total: total, page: page, perPage: perPage))))
    }

    func editionAnswer(_ e: ListEditionModel) async throws -> Components.Schemas.ListEdition {
        .init(edition: Self.editionSummary(e), entries: try await listLibrary.entries(of: try e.requireID()).map { Self.entryItem($0.entry) })
    }

    static func editionSummary(_ e: ListEditionModel) -> Components.Schemas.ListEditionSummary {
        .init(id: (e.id ?? UUID()).uuidString.lowercased(), kind: e.kind, number: e.number, title: e.title, publishedOn: e.publishedOn,
              note: e.note, entryCount: e.entryCount, createdBy: e.createdBy, createdAt: e.createdAt)
    }

    static func entryItem(_ e: ListEntry) -> Components.Schemas.ListEntryItem {
        .init(key: e.key, name: e.name, enterprise: e.enterprise, creditCode: e.creditCode, district: e.district, year: e.year,
              fields: .init(additionalProperties: e.fields))
    }
}
