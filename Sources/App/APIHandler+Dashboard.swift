import API
import Foundation
import Policy
import Registry
import Workflow

/// The 2027 targets dashboard (issue 12, item 4): every target and measure with its milestone,
/// actual and status (the engine's `MeasureProgress`; the figures are the registry's aggregates
/// and reports), and the officers' reports of the measures the registry cannot count.
extension APIHandler {
    var targetReports: TargetReportStore {
        TargetReportStore(db: services.database(), library: library, listed: services.workflow.listedMeasures)
    }

    func getDashboard(_ input: Operations.GetDashboard.Input) async throws -> Operations.GetDashboard.Output {
        var district: String?
        if let name = input.query.district {
            guard let d = vocabulary.district(named: name) else {
                throw BadRequest("未知的区：\(name.prefix(64))", "unknown district: \(name.prefix(64))", path: "district")
            }
            district = d.id
        }
        let dashboard = TargetDashboard(library: library, lists: services.workflow.lists, listLibrary: listLibrary,
                                       catalogue: services.catalogueStore(), db: services.database(), today: today)
        let text = { (d: Decimal) in TargetNumber.text(d) }
        let targets: [Components.Schemas.DashboardTarget] = try await dashboard.rows(district: district, unit: input.query.unit).map { row in
            let measures: [Components.Schemas.DashboardMeasure] = row.measures.map { m in
                let measure = m.measure, p = m.progress
                let source: Components.Schemas.DashboardMeasure.SourcePayload = switch m.source {
                case .counted: .counted
                case .reported: .reported
                case .listed: .listed
                case .none: .none
                }
                return .init(
                    id: measure.id, label: .init(zh: measure.label.zh, en: measure.label.en), value: measure.value,
                    unit: .init(zh: measure.unit.zh, en: measure.unit.en), kind: measure.kind == "about" ? .about : .atLeast,
                    source: source, sourceLabel: m.sourceLabel.map { .init(zh: $0.zh, en: $0.en) },
                    baseline: p.baseline.map { .init(quarter: $0.quarter.text, actual: text($0.value)) },
                    milestone: p.milestoneNow.map(text), actual: p.actual.map(text), actualQuarter: p.actualQuarter?.text,
                    status: p.status.map { Components.Schemas.TargetStatus(rawValue: $0.rawValue)! },
                    series: p.series.map { .init(quarter: $0.quarter.text, milestone: $0.milestone.map(text), actual: $0.actual.map(text)) })
            }
            let target = row.target
            return .init(id: target.id, clause: target.clause, text: .init(zh: target.text.zh, en: target.text.en),
                         responsibleUnits: target.responsibleUnits.map { .init(zh: $0.zh, en: $0.en) }, measures: measures)
        }
        let now = dashboard.now
        return .ok(.init(body: .json(.init(quarter: now.text, district: district, targets: targets))))
    }

    func listTargetReports(_ input: Operations.ListTargetReports.Input) async throws -> Operations.ListTargetReports.Output {
        let rows = try await targetReports.reports(measure: input.query.measure)
        return .ok(.init(body: .json(rows.map(Self.reportAnswer))))
    }

    func createTargetReport(_ input: Operations.CreateTargetReport.Input) async throws -> Operations.CreateTargetReport.Output {
        guard case .json(let body) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        var issues: [ValidationIssue] = []
        var district: String?
        if let name = body.district {
            district = vocabulary.district(named: name)?.id
            if district == nil { issues.append(ValidationIssue(path: "$.district", zh: "未知的区：\(name.prefix(64))", en: "unknown district: \(name.prefix(64))")) }
        }
        // A district officer reports for its own district only (the page's rule too).
        try TargetDashboard.requireMayReport(try access().principal, district: district, vocabulary: vocabulary)
        let report = TargetReportStore.NewReport(target: body.target, measure: body.measure, quarter: body.quarter, district: district,
                                                 value: body.value, evidence: body.evidence)
        if issues.isEmpty { issues = targetReports.problems(report, today: today) }
        try refuse(issues)
        let saved = try await targetReports.append(report, today: today, by: currentActor())
        return .created(.init(body: .json(Self.reportAnswer(saved))))
    }

    static func reportAnswer(_ m: TargetReportModel) -> Components.Schemas.TargetReport {
        .init(id: (m.id ?? UUID()).uuidString.lowercased(), target: m.target, measure: m.measure, quarter: m.quarter, district: m.district,
              version: m.version, value: m.value, evidence: m.evidence, reportedBy: m.reportedBy, reportedAt: m.reportedAt)
    }
}
