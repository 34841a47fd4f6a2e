import Foundation
import Policy
import Registry
import Vapor
import Workflow

/// The 2027 targets dashboard (`/dashboard`): every target T1–T21 and measure with its baseline,
/// 2027 value, unit, clause, responsible units, the milestone now, the current value and its
/// status (in words as well as colour), a trend chart per measure; by district and by
/// responsible unit; and the report form for the officers who may report. The figures are
/// `TargetDashboard`'s, as `GET /api/dashboard` gives them; a report is the store's `append`
/// after the API's own check (`TargetDashboard.requireMayReport`). The page computes nothing.
struct DashboardPage: Sendable {
    let site: WebSite

    struct Option: Encodable { var value: String; var label: String; var selected: Bool }
    struct MeasureRow: Encodable {
        var id: String; var label: String; var unit: String; var value: String; var kindAbout: Bool
        var baseline: String?; var baselineQuarter: String?; var milestone: String?
        var actual: String?; var actualQuarter: String?; var source: String; var sourceText: String; var sourceLabel: String?
        var status: String?; var statusText: String?; var chart: TrendChart?
    }
    struct TargetRow: Encodable { var id: String; var clause: String; var text: String; var units: String; var measures: [MeasureRow] }
    struct UnitRow: Encodable { var name: String; var link: String; var green: Int; var amber: Int; var red: Int; var open: Int }
    struct ReportRow: Encodable {
        var target: String; var measure: String; var quarter: String; var scope: String; var version: Int
        var value: String; var evidence: String; var by: String; var at: String
    }
    struct Body: Encodable {
        var quarter: String; var isCity: Bool; var district: String?; var districtName: String?; var unit: String?
        var districts: [Option]; var units: [Option]
        var targets: [TargetRow]; var byUnit: [UnitRow]
        var canReport: Bool; var reportMeasures: [Option]; var reportDistricts: [Option]
        var form: [String: String]; var errors: PageErrors; var done: String?
        var reports: [ReportRow]
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, ["dashboard"], id: "dashboard") { p in
            try await show(p, form: [:], errors: PageErrors(), done: p.req.query[String.self, at: "done"] == "report")
        }
        site.page(routes, .POST, ["dashboard", "reports"], id: "dashboardReport") { p in try await report(p) }
    }

    func services(_ p: WebSite.PageRequest) -> PlatformServices { p.req.application.platformServices }
    func principal(_ p: WebSite.PageRequest) throws -> Principal {
        guard let access = p.access else { throw Abort(.unauthorized) }
        return access.account.principal
    }
    func text(_ p: WebSite.PageRequest, _ field: String, limit: Int) -> String {
        String(((try? p.req.content.get(String.self, at: field)) ?? "").prefix(limit))
    }

    func show(_ p: WebSite.PageRequest, form: [String: String], errors: PageErrors, done: Bool,
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let library = services(p).library, lang = p.lang
        let dashboard = TargetDashboard(library: library, lists: services(p).workflow.lists, listLibrary: services(p).listLibrary(),
                                       catalogue: services(p).catalogueStore(), db: services(p).database(), today: services(p).clock.today())
        // Filters the API takes (`district=`, `unit=`); an unknown value is no filter.
        let asked = p.req.query[String.self, at: "district"].flatMap { library.vocabulary.district(named: $0) }
        let allUnits = Self.units(library)
        let unit = p.req.query[String.self, at: "unit"].flatMap { u in allUnits.first { $0.zh == u || $0.en == u } }
        let rows = try await dashboard.rows(district: asked?.id, unit: unit?.zh)
        let targets = rows.map { row in
            TargetRow(id: row.target.id, clause: Self.clause(row.target.clause, lang, site.catalogue), text: row.target.text.text(lang),
                      units: row.target.responsibleUnits.map { $0.text(lang) }.joined(separator: lang == .zh ? "、" : "; "),
                      measures: row.measures.map { measureRow($0, lang, city: asked == nil) })
        }
        // By responsible unit: how many of each unit's measures stand at each status (the city's).
        var byUnit: [UnitRow] = []
        if asked == nil {
            for u in allUnits where unit == nil || unit?.zh == u.zh {
                var r = UnitRow(name: u.text(lang), link: "/dashboard?unit=" + (u.zh.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""), green: 0, amber: 0, red: 0, open: 0)
                for row in rows where row.target.responsibleUnits.contains(where: { $0.zh == u.zh }) {
                    for m in row.measures {
                        switch m.progress.status {
                        case .green?: r.green += 1
                        case .amber?: r.amber += 1
                        case .red?: r.red += 1
                        case nil: r.open += 1
                        }
                    }
                }
                byUnit.append(r)
            }
        }
        // The report form: for the roles `createTargetReport` admits; a district officer's own district only.
        let access = p.access
        let canReport = PageRules.rules["dashboardReport"].map { (try? $0.check(access, writes: true)) != nil } ?? false
        var reportDistricts: [Option] = []
        if canReport, let principal = try? principal(p) {
            let chosen = form["district"] ?? ""
            if case .district(let own) = Visibility(principal, vocabulary: library.vocabulary).scope {
                reportDistricts = library.vocabulary.districts.filter { $0.id == own }.map { Option(value: $0.id, label: $0.name.text(lang), selected: true) }
            } else {
                reportDistricts = [Option(value: "", label: site.catalogue.text("dash_city", lang), selected: chosen.isEmpty)]
                    + library.vocabulary.districts.map { Option(value: $0.id, label: $0.name.text(lang), selected: $0.id == chosen) }
            }
        }
        let listed = services(p).workflow.lists.fedMeasures
        let reportMeasures = library.targets.flatMap { t in
            t.measures.filter { $0.counted == nil && !listed.contains($0.id) }.map { m in
                Option(value: "\(t.id)|\(m.id)", label: "\(t.id) · \(m.label.text(lang))（\(m.unit.text(lang))）", selected: form["measure"] == "\(t.id)|\(m.id)")
            }
        }
        var form = form
        if form["quarter"] == nil { form["quarter"] = dashboard.now.text }
        let reports = try await TargetReportStore(db: services(p).database(), library: library, listed: services(p).workflow.listedMeasures).reports(limit: 20).map { r in
            ReportRow(target: r.target, measure: r.measure, quarter: r.quarter,
                      scope: r.district.flatMap { library.vocabulary.district(named: $0)?.name.text(lang) } ?? site.catalogue.text("dash_city", lang),
                      version: r.version, value: TargetFigureText.grouped(r.value), evidence: r.evidence, by: r.reportedBy,
                      at: ISO8601DateFormatter().string(from: r.reportedAt))
        }
        let body = Body(
            quarter: dashboard.now.text, isCity: asked == nil, district: asked?.id, districtName: asked?.name.text(lang), unit: unit?.text(lang),
            districts: library.vocabulary.districts.map { Option(value: $0.id, label: $0.name.text(lang), selected: $0.id == asked?.id) },
            units: allUnits.map { Option(value: $0.zh, label: $0.text(lang), selected: $0.zh == unit?.zh) },
            targets: targets, byUnit: byUnit, canReport: canReport, reportMeasures: reportMeasures, reportDistricts: reportDistricts,
            form: form, errors: errors, done: done ? site.catalogue.text("dash_report_done", lang) : nil, reports: reports)
        return try await site.render(p, "dashboard", titleKey: "dash_title", body, status: status)
    }

    func measureRow(_ m: TargetDashboard.Measure, _ lang: Language, city: Bool) -> MeasureRow {
        let c = site.catalogue, p = m.progress
        // A district's line is drawn to its own scale: the 2027 value is the city's.
        let goal = city ? TargetNumber.decimal(m.measure.value) : nil
        return MeasureRow(
            id: m.measure.id, label: m.measure.label.text(lang), unit: m.measure.unit.text(lang),
            value: TargetFigureText.grouped(m.measure.value), kindAbout: m.measure.kind == "about",
            baseline: p.baseline.map { TargetFigureText.grouped($0.value) }, baselineQuarter: p.baseline?.quarter.text,
            milestone: p.milestoneNow.map(TargetFigureText.grouped),
            actual: p.actual.map(TargetFigureText.grouped), actualQuarter: p.actualQuarter?.text,
            source: m.source.rawValue, sourceText: c.text("dash_source_" + m.source.rawValue, lang), sourceLabel: m.sourceLabel?.text(lang),
            status: p.status?.rawValue, statusText: p.status.map { c.text("dash_status_" + $0.rawValue, lang) },
            chart: TrendChart(series: p.series, goal: goal, title: m.measure.label.text(lang), goalLabel: c.text("dash_chart_goal", lang)))
    }

    /// The responsible units named by any target, lead units first as the library lists them.
    static func units(_ library: PolicyLibrary) -> [LocalizedText] {
        var seen = Set<String>(), out: [LocalizedText] = []
        for t in library.targets { for u in t.responsibleUnits where seen.insert(u.zh).inserted { out.append(u) } }
        return out
    }

    /// A target's clause: the plan's numeral as written, the preamble (总体目标) by its name.
    static func clause(_ clause: String, _ lang: Language, _ catalogue: WebCatalogue) -> String {
        clause == "总体目标" ? catalogue.text("dash_preamble", lang) : clause
    }

    /// A report through the store's `append`, after the API's checks; refused, the page again
    /// with each message beside its field.
    func report(_ p: WebSite.PageRequest) async throws -> Response {
        let library = services(p).library
        let form = ["measure": text(p, "measure", limit: 200), "quarter": text(p, "quarter", limit: 40), "district": text(p, "district", limit: 64),
                    "value": text(p, "value", limit: 64), "evidence": text(p, "evidence", limit: 4000)]
        let fieldOf: (String) -> String? = { path in
            ["$.target": "measure", "$.measure": "measure", "$.quarter": "quarter", "$.district": "district",
             "$.value": "value", "$.evidence": "evidence"][path]
        }
        let parts = form["measure"]!.split(separator: "|", maxSplits: 1).map(String.init)
        var district: String? = form["district"]!.isEmpty ? nil : form["district"]
        // The form offers a district officer its own district only: that is its default.
        if district == nil, let principal = try? principal(p), principal.role == .districtOfficer,
           case .district(let own) = Visibility(principal, vocabulary: library.vocabulary).scope { district = own }
        let today = services(p).clock.today()
        do {
            var issues: [ValidationIssue] = []
            if let d = district, library.vocabulary.district(named: d) == nil {
                issues.append(ValidationIssue(path: "$.district", zh: "未知的区：\(d.prefix(64))", en: "unknown district: \(d.prefix(64))"))
            }
            try TargetDashboard.requireMayReport(try principal(p), district: district.flatMap { library.vocabulary.district(named: $0)?.id } ?? district,
                                                 vocabulary: library.vocabulary)
            let report = TargetReportStore.NewReport(target: parts.first ?? "", measure: parts.count > 1 ? parts[1] : "", quarter: form["quarter"]!,
                                                     district: district.flatMap { library.vocabulary.district(named: $0)?.id } ?? district,
                                                     value: form["value"]!, evidence: form["evidence"]!)
            let store = TargetReportStore(db: services(p).database(), library: library, listed: services(p).workflow.listedMeasures)
            if issues.isEmpty { issues = store.problems(report, today: today) }
            if !issues.isEmpty { throw RegistryError.invalid(issues) }
            _ = try await store.append(report, today: today, by: AuditActor(principal: try principal(p), address: p.req.clientAddress))
        } catch let refusal as Forbidden {
            return try await show(p, form: form, errors: PageErrors(general: [refusal.message.text(p.lang)]), done: false, status: .forbidden)
        } catch {
            return try await show(p, form: form, errors: try PageErrors(error, lang: p.lang, fieldOf: fieldOf), done: false, status: .unprocessableEntity)
        }
        return p.req.redirect(to: "/dashboard?done=report", redirectType: .normal)
    }
}
