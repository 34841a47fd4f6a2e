import API
import Foundation
import Policy
import Registry
import Risk
import Vapor
import Workflow

/// The officers' pages: the work queue (`/cases`) by state, district, instrument and
/// service-level status, and each case (`/cases/{id}`) with the engine's explanation of its
/// project beside the application, its materials, review steps and clocks, its risk flags, and
/// the forms of the actions the account's role may take now. Every action is the store's call
/// that the API's operation makes, after the same visibility check; the store's refusals are
/// shown beside the fields they name. The page computes no amount and decides nothing.
struct CasesPage: Sendable {
    let site: WebSite
    static let perPage = 50

    struct Option: Encodable { var value: String; var label: String; var selected: Bool }
    struct Row: Encodable {
        var id: String; var creditCode: String; var district: String; var state: String; var stateLabel: String
        var instruments: String; var requested: String; var submittedOn: String?; var serviceLevel: String?; var serviceLevelLabel: String?
    }
    struct QueueBody: Encodable {
        var rows: [Row]; var total: Int; var cut: Bool
        var states: [Option]; var districts: [Option]; var instruments: [Option]; var serviceLevels: [Option]
        var errors: PageErrors
        var previous: String?; var next: String?
    }
    struct Flag: Encodable { var kind: String; var reason: String; var raisedOn: String }
    struct GrantField: Encodable { var instrument: String; var name: String; var value: String; var requested: String; var error: String? }
    struct CaseBody: Encodable {
        var app: CaseView
        var plan: PlanView?
        var flags: [Flag]
        var showFlags: Bool
        var canIntake: Bool
        var canStartReview: Bool
        var canGiveOpinion: Bool
        var canDecide: Bool
        var grants: [GrantField]
        var form: [String: String]
        var errors: PageErrors
        var done: String?
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["cases"], id: "caseQueue") { p in try await queue(p) }
        site.page(routes, .GET, ["cases", ":id"], id: "caseReview") { p in
            try await show(p, errors: PageErrors(), form: [:], done: p.req.query[String.self, at: "done"].flatMap(Self.doneKey))
        }
        site.page(routes, .POST, ["cases", ":id", "intake"], id: "caseIntake") { p in try await intake(p) }
        site.page(routes, .POST, ["cases", ":id", "review"], id: "caseStartReview") { p in try await startReview(p) }
        site.page(routes, .POST, ["cases", ":id", "opinion"], id: "caseOpinion") { p in try await opinion(p) }
        site.page(routes, .POST, ["cases", ":id", "decision"], id: "caseDecision") { p in try await decide(p) }
    }

    static func doneKey(_ raw: String) -> String? {
        ["intake": "case_done_intake", "review": "case_done_review", "opinion": "case_done_opinion", "decision": "case_done_decision"][raw]
    }

    func services(_ p: WebSite.PageRequest) -> PlatformServices { p.req.application.platformServices }
    func principal(_ p: WebSite.PageRequest) throws -> Principal {
        guard let access = p.access else { throw Abort(.unauthorized) }
        return access.account.principal
    }
    func actor(_ p: WebSite.PageRequest) throws -> AuditActor { AuditActor(principal: try principal(p), address: p.req.clientAddress) }
    func visibility(_ p: WebSite.PageRequest) throws -> Visibility { Visibility(try principal(p), vocabulary: services(p).library.vocabulary) }
    func today(_ p: WebSite.PageRequest) -> Day { services(p).clock.today() }
    func text(_ p: WebSite.PageRequest, _ field: String, limit: Int = 2000) -> String {
        String(((try? p.req.content.get(String.self, at: field)) ?? "").prefix(limit))
    }

    // MARK: The queue

    func queue(_ p: WebSite.PageRequest) async throws -> Response {
        let library = services(p).library
        func asked(_ name: String, among allowed: [String]) -> String? {
            guard let v = p.req.query[String.self, at: name], !v.isEmpty, allowed.contains(v) else { return nil }
            return v
        }
        let states = ApplicationState.allCases.map(\.rawValue)
        let districts = library.vocabulary.districts.map(\.id)
        let instruments = library.instruments.map(\.id)
        let levels = ["breached", "at_risk", "on_track"]
        let state = asked("state", among: states), district = asked("district", among: districts)
        let instrument = asked("instrument", among: instruments), level = asked("sla", among: levels)
        let page = max(1, min(p.req.query[Int.self, at: "page"] ?? 1, 10_000))
        var rows: [Row] = []
        var total = 0, cut = false
        if let scoped = try visibility(p).caseFilter(ApplicationFilter(state: state, district: district, instrument: instrument)) {
            let found = try await CaseQueue(store: services(p).applicationStore(), today: today(p))
                .rows(scoped, serviceLevel: level, page: page, perPage: Self.perPage)
            total = found.total
            cut = found.cut
            rows = found.rows.map { r in
                let m = r.model, s = ApplicationView.summary(m)
                return Row(id: s.id, creditCode: m.creditCode, district: library.vocabulary.district(named: m.district)?.name.text(p.lang) ?? m.district,
                           state: m.state, stateLabel: p.lang == .zh ? s.stateLabel.zh : s.stateLabel.en,
                           instruments: s.instruments.joined(separator: p.lang == .zh ? "、" : ", "),
                           requested: CaseView.amount(s.requestedTotal, p.lang), submittedOn: s.submittedOn,
                           serviceLevel: r.serviceLevel, serviceLevelLabel: r.serviceLevel.map { site.catalogue.text("sla_" + $0, p.lang) })
            }
        }
        func link(_ n: Int) -> String {
            var q = [("page", String(n))]
            for (k, v) in [("state", state), ("district", district), ("instrument", instrument), ("sla", level)] { if let v { q.append((k, v)) } }
            return "/cases?" + q.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        }
        let body = QueueBody(
            rows: rows, total: total, cut: cut,
            states: ApplicationState.allCases.map { Option(value: $0.rawValue, label: $0.label.text(p.lang), selected: $0.rawValue == state) },
            districts: library.vocabulary.districts.map { Option(value: $0.id, label: $0.name.text(p.lang), selected: $0.id == district) },
            instruments: library.instruments.map { Option(value: $0.id, label: "\($0.id) · \($0.name.text(p.lang))", selected: $0.id == instrument) },
            serviceLevels: levels.map { Option(value: $0, label: site.catalogue.text("sla_" + $0, p.lang), selected: $0 == level) },
            errors: PageErrors(), previous: page > 1 ? link(page - 1) : nil, next: page * Self.perPage < total ? link(page + 1) : nil)
        return try await site.render(p, "cases", titleKey: "case_queue_title", body)
    }

    // MARK: The case

    func visibleCase(_ p: WebSite.PageRequest) async throws -> ApplicationModel? {
        guard let raw = p.req.parameters.get("id"), let id = UUID(uuidString: raw) else { return nil }
        do {
            let model = try await services(p).applicationStore().application(id)
            try visibility(p).require(case: model)
            return model
        } catch RegistryError.notFound { return nil }
    }

    func show(_ p: WebSite.PageRequest, errors: PageErrors, form: [String: String], done: String? = nil,
              status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let model = try await visibleCase(p) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        let store = services(p).applicationStore()
        let answer = try await ApplicationView(store: store, today: today(p)).application(model)
        let view = CaseView(answer, lang: p.lang, vocabulary: services(p).library.vocabulary, catalogue: site.catalogue)
        let principal = try principal(p)
        let role = principal.role
        // The engine's explanation of the project as it stands (the calculator's plan view).
        var plan: PlanView?
        if let project = try? await services(p).projectStore().project(model.$project.id) {
            let file = ProjectFile(enterprise: project.enterprise.domain(), projects: [project.domain()])
            let engine = try await Engine(library: services(p).library, defaultDay: today(p))
                .checkingLibraries(of: file.projects, enterprise: file.enterprise.creditCode, scenarios: services(p).workflow.scenarios, on: p.req.db)
            plan = PlanView(plan: engine.plan(for: file), charts: [:], lang: p.lang, catalogue: site.catalogue)
        }
        // Risk flags: for the roles the API shows them to (`getApplicationRiskFlags`).
        let showFlags = OperationRules.rules["getApplicationRiskFlags"].map { (try? $0.check(p.access, writes: false)) != nil } ?? false
        var flags: [Flag] = []
        if showFlags {
            flags = try await RiskStore(db: services(p).database()).flags(ofApplication: try model.requireID()).map {
                Flag(kind: $0.kind, reason: p.lang == .zh ? $0.reasonZh : $0.reasonEn, raisedOn: $0.raisedOn)
            }
        }
        let state = ApplicationState(rawValue: model.state) ?? .draft
        let officer = role == .districtOfficer || role == .cityOfficer
        let ownStepOpen = role == .department && answer.review.steps.contains { $0.department == principal.department && $0.verdict == nil }
        let canDecide = role == .cityOfficer && state == .underReview && answer.review.outcome == .readyForDecision
        let requested = Dictionary(answer.requested.map { ($0.instrument, $0.amount) }, uniquingKeysWith: { a, _ in a })
        let grants = model.instrumentIDs.map { id in
            GrantField(instrument: id, name: "granted_\(id)", value: form["granted_\(id)"] ?? requested[id] ?? "",
                       requested: CaseView.amount(requested[id], p.lang), error: errors.fields["granted_\(id)"])
        }
        let body = CaseBody(app: view, plan: plan, flags: flags, showFlags: showFlags,
                            canIntake: officer && state == .submitted, canStartReview: officer && state == .accepted,
                            canGiveOpinion: ownStepOpen && state == .underReview, canDecide: canDecide,
                            grants: grants, form: form, errors: errors, done: done.map { site.catalogue.text($0, p.lang) })
        return try await site.render(p, "case_review", titleKey: "case_title", body, status: status)
    }

    /// After an action: the case again, with its confirmation (a reload does not post twice).
    func done(_ p: WebSite.PageRequest, _ id: UUID, _ what: String) -> Response {
        p.req.redirect(to: "/cases/\(id.uuidString.lowercased())?done=\(what)", redirectType: .normal)
    }

    /// Runs an action's store call; a refusal is the case's page with the store's messages.
    func act(_ p: WebSite.PageRequest, _ what: String, form: [String: String] = [:], fieldOf: @escaping (String) -> String? = { _ in nil },
             _ action: (UUID) async throws -> Void) async throws -> Response {
        guard let model = try await visibleCase(p) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        let id = try model.requireID()
        do {
            try await action(id)
        } catch {
            let status: HTTPResponseStatus = { if case RegistryError.conflict = error { return .conflict }; return .unprocessableEntity }()
            return try await show(p, errors: try PageErrors(error, lang: p.lang, fieldOf: fieldOf), form: form, status: status)
        }
        return done(p, id, what)
    }

    func required(_ text: String, field: String, _ p: WebSite.PageRequest) throws {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RegistryError.invalid([ValidationIssue(path: field, zh: site.catalogue.text("case_reasons_needed", .zh), en: site.catalogue.text("case_reasons_needed", .en))])
        }
        if let problem = TextKind.note.problem(in: text) { throw RegistryError.invalid([ValidationIssue(path: field, zh: problem.zh, en: problem.en)]) }
    }

    func intake(_ p: WebSite.PageRequest) async throws -> Response {
        let action = text(p, "action", limit: 20), reasons = text(p, "reasons")
        return try await act(p, "intake", form: ["reasons": reasons], fieldOf: { $0 == "reasons" ? "reasons" : nil }) { id in
            let chosen: ApplicationStore.IntakeAction
            if action == "return" {
                try required(reasons, field: "reasons", p)
                chosen = .returnToEnterprise(reasons: reasons)
            } else {
                chosen = .accept
            }
            _ = try await services(p).applicationStore().intake(id, chosen, as: try principal(p).role, on: today(p), by: try actor(p))
        }
    }

    func startReview(_ p: WebSite.PageRequest) async throws -> Response {
        try await act(p, "review") { id in
            try await services(p).applicationStore().startReview(id, as: try principal(p).role, on: today(p), by: try actor(p))
        }
    }

    func opinion(_ p: WebSite.PageRequest) async throws -> Response {
        let verdict = text(p, "verdict", limit: 20), reasons = text(p, "reasons")
        return try await act(p, "opinion", form: ["reasons": reasons], fieldOf: { $0 == "reasons" ? "reasons" : $0 == "verdict" ? "verdict" : nil }) { id in
            guard let department = try principal(p).department else {
                throw Forbidden(message: LocalizedText(zh: "账户未绑定联审部门", en: "the account is bound to no reviewing department"))
            }
            let chosen: ReviewOpinion.Verdict
            switch verdict {
            case "approve": chosen = .approve
            case "reject": try required(reasons, field: "reasons", p); chosen = .reject(reasons: reasons)
            case "ask_supplement": try required(reasons, field: "reasons", p); chosen = .askSupplement(reasons: reasons)
            default:
                throw RegistryError.invalid([ValidationIssue(path: "verdict", zh: site.catalogue.text("case_choose_verdict", .zh), en: site.catalogue.text("case_choose_verdict", .en))])
            }
            _ = try await services(p).applicationStore().giveOpinion(id, department: department, verdict: chosen, on: today(p), by: try actor(p))
        }
    }

    /// The city officer's decision through the store's `decide`, which holds every amount to
    /// the engine's maximum on the approved investment (its refusal names the instrument).
    func decide(_ p: WebSite.PageRequest) async throws -> Response {
        guard let model = try await visibleCase(p) else { return try await site.refusal(p.req, lang: p.lang, status: .notFound) }
        let outcome = text(p, "outcome", limit: 20), reasons = text(p, "reasons"), investment = text(p, "approvedInvestment", limit: 40)
        let quotaOverride = text(p, "quotaOverride")
        var form = ["reasons": reasons, "approvedInvestment": investment, "quotaOverride": quotaOverride]
        for id in model.instrumentIDs { form["granted_\(id)"] = text(p, "granted_\(id)", limit: 40) }
        let fieldOf: (String) -> String? = { path in
            if path == "$.approvedInvestment" { return "approvedInvestment" }
            if path == "reasons" { return "reasons" }
            if path == "$.quotaOverride" { return "quotaOverride" }
            if path.hasPrefix("$.granted.") { return "granted_" + path.dropFirst("$.granted.".count) }
            return nil
        }
        return try await act(p, "decision", form: form, fieldOf: fieldOf) { id in
            let action: ApplicationStore.DecisionAction
            if outcome == "reject" {
                try required(reasons, field: "reasons", p)
                action = .reject(reasons: reasons)
            } else {
                var issues: [ValidationIssue] = []
                let approved = Money(yuanText: investment)
                if approved == nil { issues.append(ValidationIssue(path: "$.approvedInvestment", zh: "核准须填写核定投资（元）", en: "an approval needs the approved investment (yuan)")) }
                var granted: [String: Money] = [:]
                for instrument in model.instrumentIDs {
                    let raw = form["granted_\(instrument)"] ?? ""
                    if raw.isEmpty { continue }
                    guard let amount = Money(yuanText: raw) else {
                        issues.append(ValidationIssue(path: "$.granted.\(instrument)", zh: "金额格式不正确", en: "not an amount in yuan")); continue
                    }
                    granted[instrument] = amount
                }
                if granted.isEmpty && issues.isEmpty {
                    issues.append(ValidationIssue(path: "$.granted", zh: "核准须填写核准金额", en: "an approval needs the amounts granted"))
                }
                if !issues.isEmpty { throw RegistryError.invalid(issues) }
                action = .approve(approvedInvestment: approved!, granted: granted)
            }
            // The reason for approving past a yearly quota, checked as the API checks it; the
            // store refuses an approval past a quota without one (its message says so).
            let override = quotaOverride.trimmingCharacters(in: .whitespacesAndNewlines)
            if let problem = TextKind.note.problem(in: quotaOverride) {
                throw RegistryError.invalid([ValidationIssue(path: "$.quotaOverride", zh: problem.zh, en: problem.en)])
            }
            try await services(p).applicationStore().decide(id, action, on: today(p), by: try actor(p),
                                                            quotaOverride: override.isEmpty ? nil : override)
        }
    }
}
