import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// The enterprise's record entered and edited in a form (`/enterprise/record`): the account's
/// own credit code (never one from the form), its name, district, industry and contacts. The
/// form becomes the JSON `POST /api/enterprises` and `PUT /api/enterprises/{creditCode}` read,
/// through the same `ProjectFileReader.readEnterprise`, the same `requireWritable` check and the
/// store's `createEnterprise` / `updateEnterprise` (each in the audit trail), so its messages are
/// the API's, shown beside the field whose path they name.
struct EnterpriseRecordPage: Sendable {
    let site: WebSite

    /// Each form field and the member of the enterprise's JSON it writes.
    static let fields: [(field: String, member: String)] = [
        ("name", "name"), ("district", "district"), ("industryCode", "industryCode"),
        ("legalRepresentative", "legalRepresentative"), ("address", "address"), ("phone", "phone"),
    ]

    struct Option: Encodable { var value: String; var label: String; var selected: Bool }
    struct Body: Encodable {
        var creditCode: String
        var exists: Bool
        var form: [String: String]
        var districts: [Option]
        var errors: PageErrors
        var done: String?
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["enterprise", "record"], id: "enterpriseRecord") { p in
            try await show(p, form: nil, errors: PageErrors(), done: p.req.query[String.self, at: "done"] == "saved")
        }
        site.page(routes, .POST, ["enterprise", "record"], id: "enterpriseRecordSave") { p in try await save(p) }
    }

    func services(_ p: WebSite.PageRequest) -> PlatformServices { p.req.application.platformServices }
    func principal(_ p: WebSite.PageRequest) throws -> Principal {
        guard let access = p.access else { throw Abort(.unauthorized) }
        return access.account.principal
    }

    func show(_ p: WebSite.PageRequest, form given: [String: String]?, errors: PageErrors, done: Bool,
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let code = try principal(p).enterpriseCode ?? ""
        let stored = code.isEmpty ? nil : try await services(p).projectStore(on: p.req.db).enterprise(code)
        var form = given ?? [:]
        if given == nil, let e = stored {
            form = ["name": e.name, "district": e.district, "industryCode": e.industryCode,
                    "legalRepresentative": e.legalRepresentative ?? "", "address": e.address ?? "", "phone": e.phone ?? ""]
        }
        let vocabulary = services(p).library.vocabulary
        let chosen = form["district"].flatMap { vocabulary.district(named: $0)?.id } ?? form["district"] ?? ""
        let body = Body(creditCode: code, exists: stored != nil, form: form,
                        districts: vocabulary.districts.map { Option(value: $0.id, label: $0.name.text(p.lang), selected: $0.id == chosen) },
                        errors: errors, done: done ? site.catalogue.text("ent_record_saved", p.lang) : nil)
        return try await site.render(p, "enterprise_record", titleKey: "ent_record_title", body, status: status)
    }

    func save(_ p: WebSite.PageRequest) async throws -> Response {
        let principal = try principal(p)
        guard let code = principal.enterpriseCode, !code.isEmpty else {
            return try await show(p, form: [:], errors: PageErrors(general: [site.catalogue.text("ent_record_no_code", p.lang)]), done: false, status: .forbidden)
        }
        var form: [String: String] = [:]
        var members: [(key: String, value: JSONValue)] = [("creditCode", .string(code))]
        for (field, member) in Self.fields {
            let value = String(((try? p.req.content.get(String.self, at: field)) ?? "").prefix(2000))
            form[field] = value
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { members.append((member, .string(trimmed))) }
        }
        let fieldOf: (String) -> String? = { path in
            Self.fields.first { "$." + $0.member == path }?.field ?? (path == "$" ? "name" : nil)
        }
        let store = services(p).projectStore(on: p.req.db)
        let actor = AuditActor(principal: principal, address: p.req.clientAddress)
        do {
            let e = try validated(ProjectFileReader.readEnterprise(.object(members), vocabulary: services(p).library.vocabulary))
            let visibility = Visibility(principal, vocabulary: services(p).library.vocabulary)
            try visibility.requireWritable(creditCode: e.creditCode, district: e.district)
            if try await store.enterprise(code) == nil {
                _ = try await store.createEnterprise(e, by: actor)
            } else {
                _ = try await store.updateEnterprise(e, by: actor)
            }
        } catch {
            let status: HTTPResponseStatus = error is Forbidden ? .forbidden : { if case RegistryError.conflict = error { return .conflict }; return .unprocessableEntity }()
            return try await show(p, form: form, errors: try PageErrors(error, lang: p.lang, fieldOf: fieldOf), done: false, status: status)
        }
        return p.req.redirect(to: "/enterprise/record?done=saved", redirectType: .normal)
    }
}
