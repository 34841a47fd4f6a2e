import Foundation
import Policy
import Registry
import Vapor

/// The policy library as pages: `GET /policy` every measure with its clause in Chinese and
/// English, its conditions, base, ratio and cap (the values in force today); `GET
/// /policy/parameters` every parameter with its dated values and the saved policy changes.
/// Read from the library in force (`app.policyLibrary`: the files with the saved changes).
struct PolicyLibraryPage: Sendable {
    let site: WebSite

    struct Condition: Encodable { var label: String; var role: String }
    struct Measure: Encodable {
        var id: String
        var anchor: String
        var name: String
        var clause: String
        var textZh: String
        var textEn: String
        var inForce: String
        var conditions: [Condition]
        var unitConditions: [Condition]
        var base: String?
        var ratio: String?
        var ratioIsMaximum: Bool
        var cap: String?
        var years: String?
        var measure: String?
    }
    struct LibraryBody: Encodable {
        var title: String
        var city: [Measure]
        var national: [Measure]
    }
    struct Value: Encodable { var from: String; var value: String; var inForce: Bool }
    struct Parameter: Encodable { var key: String; var label: String; var values: [Value]; var source: String? }
    struct Change: Encodable { var key: String; var from: String; var value: String; var note: String; var savedBy: String; var savedAt: String }
    struct ParametersBody: Encodable {
        var parameters: [Parameter]
        var changes: [Change]
        var hasChanges: Bool
        /// The account may change a parameter (the editor's rule in `PageRules`).
        var mayEdit: Bool
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["policy"], id: "policyLibrary") { p in try await library(p) }
        site.page(routes, .GET, ["policy", "parameters"], id: "policyParameters") { p in try await parameters(p) }
    }

    static func value(_ lib: PolicyLibrary, _ key: String?, on day: Day, _ lang: Language) -> String? {
        guard let key, let v = lib.parameters[key]?.value(on: day) else { return nil }
        if case .money(let m) = v { return AmountText.shown(m, lang) }
        return v.description
    }

    func library(_ p: WebSite.PageRequest) async throws -> Response {
        let lib = p.req.application.policyLibrary
        let today = p.req.application.platformClock.today()
        let lang = p.lang
        func role(_ r: ConditionDefinition.RoleSource) -> String {
            switch r {
            case .fixed(let role): return site.catalogue.text(role == .priority ? "lib_priority" : "lib_required", lang)
            case .parameter(let key): return "\(site.catalogue.text("lib_parameter_ref", lang)) \(key)"
            }
        }
        func measure(_ d: InstrumentDefinition) -> Measure {
            var ratio: String?
            switch d.ratio {
            case .parameter(let key): ratio = Self.value(lib, key, on: today, lang)
            case .quantity(let q): ratio = "\(q)"
            }
            let from = site.catalogue.text("lib_from", lang), until = site.catalogue.text("lib_until", lang)
            return Measure(id: d.id, anchor: "m-" + d.id, name: d.name.text(lang), clause: d.clause,
                           textZh: d.text.zh, textEn: d.text.en,
                           inForce: "\(from) \(d.inForceFrom.iso)" + (d.inForceUntil.map { " \(until) \($0.iso)" } ?? ""),
                           conditions: d.conditions.map { Condition(label: $0.label.text(lang), role: role($0.role)) },
                           unitConditions: d.unitConditions.map { Condition(label: $0.label.text(lang), role: role($0.role)) },
                           base: d.base?.label.text(lang), ratio: ratio, ratioIsMaximum: d.ratioIsMaximum,
                           cap: Self.value(lib, d.cap, on: today, lang), years: Self.value(lib, d.years, on: today, lang),
                           measure: d.measure?.text(lang))
        }
        let body = LibraryBody(title: lib.plan.title.text(lang), city: lib.cityInstruments.map(measure), national: lib.nationalInstruments.map(measure))
        return try await site.render(p, "library", titleKey: "lib_title", body)
    }

    func parameters(_ p: WebSite.PageRequest) async throws -> Response {
        let lib = p.req.application.policyLibrary
        let today = p.req.application.platformClock.today()
        let params = lib.parameters.values.sorted { $0.key < $1.key }.map { param -> Parameter in
            let inForce = param.values.filter { $0.from <= today }.map(\.from).max()
            return Parameter(key: param.key, label: param.label?.text(p.lang) ?? param.key,
                             values: param.values.sorted { $0.from < $1.from }.map { v in
                                 let shown: String
                                 if case .money(let m) = v.value { shown = AmountText.shown(m, p.lang) } else { shown = v.value.description }
                                 return Value(from: v.from.iso, value: shown, inForce: v.from == inForce)
                             },
                             source: param.source?.text(p.lang))
        }
        let saved = try await PolicyChangeStore(db: p.req.db).all()
        let formatter = ISO8601DateFormatter()
        let changes = saved.map { c in
            Change(key: c.key, from: c.from, value: c.value, note: c.note ?? "", savedBy: c.savedBy, savedAt: formatter.string(from: c.savedAt))
        }
        return try await site.render(p, "parameters", titleKey: "par_title",
                                     ParametersBody(parameters: params, changes: changes, hasChanges: !changes.isEmpty,
                                                    mayEdit: site.mayOpen("policyParameterEdit", p)))
    }
}
