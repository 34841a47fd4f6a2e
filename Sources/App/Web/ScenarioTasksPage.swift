import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// Application-scenario tasks (十一)(十八) as a page (`/scenario-tasks`): the tasks released in
/// their fields and batches, who took each up (揭榜) and which were designated benchmarks; an
/// enterprise takes a task up in the page, the city officer designates a benchmark among the
/// takers. The store decides (`ScenarioStore.take`, `designate`: a taker once, a benchmark among
/// the takers only), as the API's operations call it; its refusal is shown in its own words.
/// Releasing a task is the API's (`POST /api/scenario-tasks`) for now.
struct ScenarioTasksPage: Sendable {
    let site: WebSite

    struct Option: Encodable { var value: String; var label: String; var selected: Bool }
    struct Taker: Encodable { var creditCode: String; var name: String; var note: String?; var takenOn: String; var designated: Bool }
    struct Task: Encodable {
        var id: String; var batch: String; var field: String; var clause: String; var title: String; var description: String?; var owner: String
        var releasedOn: String; var takers: [Taker]; var canTake: Bool; var canDesignate: Bool; var undesignated: [Option]
    }
    struct Body: Encodable { var tasks: [Task]; var fields: [Option]; var errors: PageErrors; var done: String? }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["scenario-tasks"], id: "scenarioTasks") { p in
            try await list(p, errors: PageErrors(), done: p.req.query[String.self, at: "done"])
        }
        site.page(routes, .POST, ["scenario-tasks", ":id", "take"], id: "scenarioTake", maxBody: "64kb") { p in try await take(p) }
        site.page(routes, .POST, ["scenario-tasks", ":id", "designate"], id: "scenarioDesignate", maxBody: "64kb") { p in try await designate(p) }
    }

    func services(_ p: WebSite.PageRequest) -> PlatformServices { p.req.application.platformServices }

    func list(_ p: WebSite.PageRequest, errors: PageErrors, done: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = p.lang, fields = services(p).workflow.scenarios
        let field = p.req.query[String.self, at: "field"].flatMap { fields.field($0)?.id }
        let principal = p.access?.account.principal
        let mayTake = site.mayOpen("scenarioTake", p), mayDesignate = site.mayOpen("scenarioDesignate", p)
        let tasks = try await services(p).scenarioStore().tasks(field: field, batch: nil).map { t -> Task in
            let f = fields.field(t.task.field)
            let designated = Set(t.designations.map(\.creditCode))
            let takers = t.takers.map { Taker(creditCode: $0.creditCode, name: $0.enterpriseName, note: $0.note, takenOn: $0.takenOn, designated: designated.contains($0.creditCode)) }
            let taken = principal?.enterpriseCode.map { code in t.takers.contains { $0.creditCode == code } } ?? false
            return Task(id: (t.task.id ?? UUID()).uuidString.lowercased(), batch: t.task.batch, field: f?.name.text(lang) ?? t.task.field, clause: f?.clause ?? "",
                        title: t.task.title, description: t.task.description, owner: t.task.owner, releasedOn: t.task.releasedOn, takers: takers,
                        canTake: mayTake && !taken, canDesignate: mayDesignate && takers.contains { !$0.designated },
                        undesignated: takers.filter { !$0.designated }.map { Option(value: $0.creditCode, label: $0.name, selected: false) })
        }
        let doneText = done.flatMap { ["taken": "scen_done_taken", "designated": "scen_done_designated"][$0] }.map { site.catalogue.text($0, lang) }
        let body = Body(tasks: tasks, fields: fields.fields.map { Option(value: $0.id, label: $0.name.text(lang), selected: $0.id == field) }, errors: errors, done: doneText)
        return try await site.render(p, "scenario_tasks", titleKey: "scen_title", body, status: status)
    }

    func act(_ p: WebSite.PageRequest, done: String, _ step: (UUID, AuditActor, Principal) async throws -> Void) async throws -> Response {
        guard let raw = p.req.parameters.get("id"), let id = UUID(uuidString: raw), let access = p.access else {
            return try await site.refusal(p.req, lang: p.lang, status: .notFound)
        }
        do {
            try await step(id, AuditActor(principal: access.account.principal, address: p.req.clientAddress), access.account.principal)
        } catch RegistryError.notFound {
            return try await site.refusal(p.req, lang: p.lang, status: .notFound)
        } catch {
            let status: HTTPResponseStatus = { if case RegistryError.conflict = error { return .conflict }; return .unprocessableEntity }()
            return try await list(p, errors: try PageErrors(error, lang: p.lang), done: nil, status: status)
        }
        return p.req.redirect(to: "/scenario-tasks?done=\(done)", redirectType: .normal)
    }

    /// 揭榜: the account's own recorded enterprise, never one from the form.
    func take(_ p: WebSite.PageRequest) async throws -> Response {
        let note = (try? p.req.content.get(String.self, at: "note")) ?? ""
        return try await act(p, done: "taken") { id, actor, principal in
            guard let code = principal.enterpriseCode, let e = try await services(p).projectStore(on: p.req.db).enterprise(code) else {
                throw Forbidden(message: LocalizedText(zh: "账户未绑定已登记的企业", en: "the account is bound to no recorded enterprise"))
            }
            _ = try await services(p).scenarioStore().take(id, creditCode: code, enterpriseName: e.name, note: note.isEmpty ? nil : note,
                                                           today: services(p).clock.today(), by: actor)
        }
    }

    func designate(_ p: WebSite.PageRequest) async throws -> Response {
        let code = String(((try? p.req.content.get(String.self, at: "creditCode")) ?? "").prefix(64))
        return try await act(p, done: "designated") { id, actor, _ in
            _ = try await services(p).scenarioStore().designate(id, creditCode: code, projectID: nil, today: services(p).clock.today(), by: actor)
        }
    }
}
