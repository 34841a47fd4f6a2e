import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// A parameter's new value entered in a form (`/policy/parameters/{key}/edit`), for the officers
/// of `savePolicyChange`: **Preview** runs the store's checks and `Reevaluation.preview` (the
/// stored projects under the library with the change, nothing written) and shows how many change
/// and the totals; **Save** carries the previewed values back, checks them again and saves
/// through the API's own call (`PlatformServices.savePolicyChange`: the store, its audit entry,
/// the new library in force). The page formats the store's figures and computes none.
struct ParameterEditPage: Sendable {
    let site: WebSite

    /// How many changed projects the preview names (the count and totals cover them all).
    static let shownChanges = 10

    struct Value: Encodable { var from: String; var value: String; var inForce: Bool }
    struct Changed: Encodable { var name: String; var code: String; var before: String; var after: String }
    struct Preview: Encodable {
        var examined: Int
        var changed: Int
        var totalBefore: String
        var totalAfter: String
        var difference: String
        var projects: [Changed]
        var more: Bool
    }
    struct Body: Encodable {
        var key: String
        var label: String
        var source: String?
        var values: [Value]
        var form: [String: String]
        var errors: PageErrors
        var preview: Preview?
        var done: String?
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["policy", "parameters", ":key", "edit"], id: "policyParameterEdit") { p in
            try await show(p, form: nil, errors: PageErrors(), preview: nil,
                           done: p.req.query[String.self, at: "done"] == "saved")
        }
        site.page(routes, .POST, ["policy", "parameters", ":key", "preview"], id: "policyParameterPreview") { p in try await preview(p) }
        site.page(routes, .POST, ["policy", "parameters", ":key", "save"], id: "policyParameterSave") { p in try await save(p) }
    }

    /// The form field a store path names (the rest goes above the form).
    static func fieldOf(_ path: String) -> String? {
        switch path {
        case "$.from": "from"
        case "$.value": "value"
        case "$.note": "note"
        default: nil
        }
    }

    func key(_ p: WebSite.PageRequest) -> String { p.req.parameters.get("key") ?? "" }

    func form(_ p: WebSite.PageRequest) -> [String: String] {
        var form: [String: String] = [:]
        for field in ["from", "value", "note"] {
            // Cut far above the store's limits, so that its own message says what is too long.
            form[field] = String(((try? p.req.content.get(String.self, at: field)) ?? "").prefix(4000))
        }
        return form
    }

    func note(_ form: [String: String]) -> String? {
        let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return note.isEmpty ? nil : note
    }

    func show(_ p: WebSite.PageRequest, form given: [String: String]?, errors: PageErrors, preview: Preview?, done: Bool,
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let lib = p.req.application.policyLibrary
        let today = p.req.application.platformClock.today()
        guard let param = lib.parameters[key(p)] else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        let inForce = param.values.filter { $0.from <= today }.map(\.from).max()
        let current = param.values.first { $0.from == inForce }
        let values = param.values.sorted { $0.from < $1.from }.map { v in
            Value(from: v.from.iso, value: v.value.description, inForce: v.from == inForce)
        }
        let form = given ?? ["from": today.iso, "value": current?.value.description ?? "", "note": ""]
        let body = Body(key: param.key, label: param.label?.text(p.lang) ?? param.key, source: param.source?.text(p.lang),
                        values: values, form: form, errors: errors, preview: preview,
                        done: done ? site.catalogue.text("pedit_saved", p.lang) : nil)
        return try await site.render(p, "parameter_edit", titleKey: "pedit_title", body, status: status)
    }

    func preview(_ p: WebSite.PageRequest) async throws -> Response {
        let form = form(p)
        let lib = p.req.application.policyLibrary
        guard lib.parameters[key(p)] != nil else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        do {
            let (_, overlay) = try PolicyChangeStore.check(key: key(p), from: form["from"] ?? "", value: form["value"] ?? "",
                                                           note: note(form), over: lib)
            final class Collected { var projects: [Reevaluation.Change] = [] }
            let collected = Collected()
            let report = try await Reevaluation.preview(db: p.req.db, library: lib, overlay: overlay,
                                                          scenarios: p.req.application.platformServices.workflow.scenarios) { change in
                if collected.projects.count < Self.shownChanges { collected.projects.append(change) }
            }
            let sign = report.difference.fen > 0 ? "+" : ""
            let shown = Preview(examined: report.examined, changed: report.changed,
                                totalBefore: AmountText.shown(report.totalBefore, p.lang),
                                totalAfter: AmountText.shown(report.totalAfter, p.lang),
                                difference: sign + AmountText.shown(report.difference, p.lang),
                                projects: collected.projects.map {
                                    Changed(name: $0.projectName, code: $0.projectCode,
                                            before: AmountText.shown($0.before, p.lang), after: AmountText.shown($0.after, p.lang))
                                },
                                more: report.changed > collected.projects.count)
            return try await show(p, form: form, errors: PageErrors(), preview: shown, done: false)
        } catch {
            return try await show(p, form: form, errors: try PageErrors(error, lang: p.lang, fieldOf: Self.fieldOf), preview: nil,
                                  done: false, status: .unprocessableEntity)
        }
    }

    func save(_ p: WebSite.PageRequest) async throws -> Response {
        guard let access = p.access else { throw Abort(.unauthorized) }
        let form = form(p)
        let services = p.req.application.platformServices
        guard services.library.parameters[key(p)] != nil else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        do {
            // Checked again: the form may have been altered since the preview, or the library changed.
            let (from, _) = try PolicyChangeStore.check(key: key(p), from: form["from"] ?? "", value: form["value"] ?? "",
                                                        note: note(form), over: services.library)
            _ = try await services.savePolicyChange(key: key(p), from: from, value: form["value"] ?? "", note: note(form),
                                                    by: AuditActor(principal: access.account.principal, address: p.req.clientAddress))
        } catch {
            return try await show(p, form: form, errors: try PageErrors(error, lang: p.lang, fieldOf: Self.fieldOf), preview: nil,
                                  done: false, status: .unprocessableEntity)
        }
        let path = key(p).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""
        return p.req.redirect(to: "/policy/parameters/\(path)/edit?done=saved", redirectType: .normal)
    }
}
