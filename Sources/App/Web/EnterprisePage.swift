import Foundation
import Policy
import Registry
import Vapor

/// The enterprise's own page, read only (`GET /enterprise`): its record, its stored projects
/// with their status, and the one-enterprise-one-policy plan of them, drawn as the calculator
/// draws a plan. The enterprise is the signed-in account's own (its credit code), never one
/// named in the address, so no other enterprise can be reached from here.
struct EnterprisePage: Sendable {
    let site: WebSite

    struct ProjectRow: Encodable { var id: String; var code: String; var name: String; var status: String; var declared: String }
    struct Body: Encodable {
        var registered: Bool
        var name: String
        var creditCode: String
        var district: String
        var projects: [ProjectRow]
        var plan: PlanView?
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["enterprise"], id: "enterpriseHome") { p in try await show(p) }
    }

    func show(_ p: WebSite.PageRequest) async throws -> Response {
        let app = p.req.application
        let code = p.access?.account.principal.enterpriseCode ?? ""
        let store = app.platformServices.projectStore(on: p.req.db)
        guard !code.isEmpty, try await store.enterprise(code) != nil else {
            return try await site.render(p, "enterprise", titleKey: "ent_title",
                                         Body(registered: false, name: "", creditCode: code, district: "", projects: [], plan: nil))
        }
        let (enterprise, projects) = try await store.projects(of: code)
        let rows = projects.map { m in
            ProjectRow(id: (m.id ?? UUID()).uuidString.lowercased(), code: m.code, name: m.name,
                       status: ProjectStatus(rawValue: m.status).map { p.lang == .zh ? $0.label.zh : $0.label.en } ?? m.status,
                       declared: m.declaredFen.map { AmountText.shown(Money(fen: $0), p.lang) } ?? "")
        }
        var plan: PlanView?
        if !projects.isEmpty {
            let file = ProjectFile(enterprise: enterprise.domain(), projects: projects.map { $0.domain() })
            // The libraries as the plan routes consult them, so the page and the API agree.
            let engine = try await Engine(library: app.policyLibrary, defaultDay: app.platformClock.today())
                .checkingLibraries(of: file.projects, enterprise: file.enterprise.creditCode, scenarios: app.platformServices.workflow.scenarios, on: p.req.db)
            plan = PlanView(plan: engine.plan(for: file), charts: [:], lang: p.lang, catalogue: site.catalogue)
        }
        let district = app.policyLibrary.vocabulary.district(named: enterprise.district)?.name.text(p.lang) ?? enterprise.district
        return try await site.render(p, "enterprise", titleKey: "ent_title",
                                     Body(registered: true, name: enterprise.name, creditCode: enterprise.creditCode,
                                          district: district, projects: rows, plan: plan))
    }
}
