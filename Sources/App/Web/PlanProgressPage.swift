import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// The plan's own progress as a page (`/progress`): the 6 actions and their measures, each
/// measure's responsible units (the lead first) with their tasks, each task's latest report of
/// the quarter and its standing (an overdue one flagged), as `GET /api/plan-progress` answers
/// from the store's `overview`; and the quarterly report form for the tasks the account's unit
/// reports (`ProgressPlan.mayReport`), with evidence as a link or an uploaded file — the store's
/// `append(_:evidence:…)`: the file and the report in one transaction (a correction is a new
/// version, audited).
struct PlanProgressPage: Sendable {
    let site: WebSite

    struct Option: Encodable { var value: String; var label: String; var selected: Bool }
    struct TaskRow: Encodable {
        var id: String; var text: String; var standing: String?; var standingText: String?; var overdue: Bool
        var status: String?; var statusText: String?; var report: String?; var link: String?; var file: String?; var version: Int?; var reportedOn: String?
    }
    struct Unit: Encodable { var name: String; var lead: Bool; var tasks: [TaskRow] }
    struct Measure: Encodable { var clause: String; var title: String; var units: [Unit] }
    struct Action: Encodable { var number: Int; var title: String; var measures: [Measure] }
    struct Form: Encodable { var task = ""; var status = ""; var text = ""; var link = "" }
    struct Body: Encodable {
        var quarter: String; var previous: String; var next: String?; var dueOn: String?; var overdue: Int; var actions: [Action]
        var reportable: [Option]; var statuses: [Option]; var form: Form; var errors: PageErrors; var done: String?
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["progress"], id: "planProgress") { p in
            try await show(p, form: Form(), errors: PageErrors(), done: p.req.query[String.self, at: "done"] == "reported")
        }
        site.page(routes, .POST, ["progress", "reports"], id: "planProgressReport",
                  maxBody: ByteCount(value: RequestLimits.material + 64 * RequestLimits.kib)) { p in try await report(p) }
    }

    func services(_ p: WebSite.PageRequest) -> PlatformServices { p.req.application.platformServices }

    func quarter(_ p: WebSite.PageRequest) -> Quarter {
        let today = services(p).clock.today()
        let asked = (p.req.query[String.self, at: "quarter"] ?? (try? p.req.content.get(String.self, at: "quarter"))).flatMap(Quarter.init(text:))
        // The last ended quarter by default (the one whose reports are being filed); never one to come.
        return asked.map { min($0, Quarter(day: today)) } ?? Quarter(day: today).advanced(by: -1)
    }

    func show(_ p: WebSite.PageRequest, form: Form, errors: PageErrors, done: Bool, status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = p.lang, services = services(p), today = services.clock.today(), plan = services.workflow.progress
        let q = quarter(p)
        let rows = try await services.progressStore().overview(quarter: q, clause: nil, today: today)
        let library = services.library
        var actions: [Action] = []
        for action in library.actions {
            var measures: [Measure] = []
            for numeral in action.clauses {
                guard let clause = library.clauses[numeral] else { continue }
                let units = clause.responsibleUnits.enumerated().map { i, unit in
                    Unit(name: unit.text(lang), lead: i == 0, tasks: rows.filter { $0.task.clause == numeral && $0.task.unit == unit.zh }.map { r in
                        let s = r.latest.flatMap { ProgressStatus(rawValue: $0.status) }
                        return TaskRow(id: r.task.id, text: r.task.text.text(lang), standing: r.standing?.rawValue,
                                       standingText: r.standing.map { site.catalogue.text("prog_standing_" + $0.rawValue, lang) }, overdue: r.standing == .overdue,
                                       status: s?.rawValue, statusText: s?.label.text(lang), report: r.latest?.text, link: r.latest?.evidenceLink,
                                       file: r.latest?.evidenceFileID?.uuidString.lowercased(), version: r.latest?.version, reportedOn: r.latest?.reportedOn)
                    })
                }
                measures.append(Measure(clause: numeral, title: clause.title.text(lang), units: units))
            }
            actions.append(Action(number: action.number, title: action.title.text(lang), measures: measures))
        }
        let principal = p.access?.account.principal
        let reportable = site.mayOpen("planProgressReport", p) ? plan.tasks.filter { t in
            principal.map { plan.mayReport(t, role: $0.role, department: $0.department) } ?? false
        } : []
        let due = rows.first?.due
        let body = Body(quarter: q.text, previous: q.advanced(by: -1).text, next: q < Quarter(day: today) ? q.advanced(by: 1).text : nil, dueOn: due?.iso,
                        overdue: rows.filter { $0.standing == .overdue }.count, actions: actions,
                        reportable: reportable.map { Option(value: $0.id, label: "\($0.id) · \($0.text.text(lang))", selected: $0.id == form.task) },
                        statuses: ProgressStatus.allCases.map { Option(value: $0.rawValue, label: $0.label.text(lang), selected: $0.rawValue == form.status) },
                        form: form, errors: errors, done: done ? site.catalogue.text("prog_done_reported", lang) : nil)
        return try await site.render(p, "plan_progress", titleKey: "prog_title", body, status: status)
    }

    /// A report of the shown quarter: the file first (its own checks: kind by content, size),
    /// then the report naming it, as the API's two calls make them.
    func report(_ p: WebSite.PageRequest) async throws -> Response {
        struct Upload: Content { var task: String?; var status: String?; var text: String?; var link: String?; var file: File? }
        guard let access = p.access else { return try await site.refusal(p.req, lang: p.lang, status: .forbidden) }
        let u = try? p.req.content.decode(Upload.self)
        let form = Form(task: u?.task ?? "", status: u?.status ?? "", text: u?.text ?? "", link: (u?.link ?? "").trimmingCharacters(in: .whitespaces))
        let services = services(p), plan = services.workflow.progress, principal = access.account.principal
        let actor = AuditActor(principal: principal, address: p.req.clientAddress)
        let fields = ["$.task": "task", "$.status": "status", "$.text": "text", "$.evidenceLink": "link", "file": "file"]
        do {
            if let task = plan.task(form.task), !plan.mayReport(task, role: principal.role, department: principal.department) {
                throw Forbidden(message: LocalizedText(zh: "任务\(task.id)由“\(task.unit)”填报", en: "task \(task.id) is reported by its unit, \(task.unit)"))
            }
            let store = services.progressStore()
            let report = PlanProgressStore.NewReport(task: form.task, quarter: quarter(p).text, status: form.status, text: form.text,
                                                     evidenceLink: form.link.isEmpty ? nil : form.link)
            // The report's own problems before any file is kept.
            let issues = store.problems(report, today: services.clock.today())
            if !issues.isEmpty { throw RegistryError.invalid(issues) }
            // The file and the report that cites it are kept together or not at all.
            let evidence = u?.file.flatMap { file -> (fileName: String, data: Data)? in
                guard file.data.readableBytes > 0 else { return nil }
                let name = String(file.filename.prefix(200))
                return (name.isEmpty ? "evidence" : name, Data(buffer: file.data))
            }
            _ = try await store.append(report, evidence: evidence, today: services.clock.today(), by: actor)
        } catch {
            let status: HTTPResponseStatus = { if case RegistryError.conflict = error { return .conflict }; return .unprocessableEntity }()
            return try await show(p, form: form, errors: try PageErrors(error, lang: p.lang, fieldOf: { fields[$0] }), done: false, status: status)
        }
        return p.req.redirect(to: "/progress?quarter=\(quarter(p).text)&done=reported", redirectType: .normal)
    }
}
