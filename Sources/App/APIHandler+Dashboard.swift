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
        TargetReportStore(db: services.database(), library: library, listed: services.workflow.lists.fedMeasures)
    }

    func getDashboard(_ input: Operations.GetDashboard.Input) async throws -> Operations.GetDashboard.Output {
        var district: String?
        if let name = input.query.district {
            guard let d = vocabulary.district(named: name) else {
                throw BadRequest("未知的区：\(name.prefix(64))", "unknown district: \(name.prefix(64))", path: "district")
            }
            district = d.id
        }
        let unit = input.query.unit?.trimmingCharacters(in: .whitespaces).lowercased()
        let now = Quarter(day: today), issue = Quarter(day: library.plan.issued)
        let scope = district ?? TargetReportModel.cityScope
        let standing = try await targetReports.standing().filter { $0.scope == scope }
        let actuals = TargetActuals(db: services.database())
        var targets: [Components.Schemas.DashboardTarget] = []
        for target in library.targets {
            if let unit, !target.responsibleUnits.contains(where: { $0.zh.lowercased() == unit || $0.en.lowercased() == unit }) { continue }
            var measures: [Components.Schemas.DashboardMeasure] = []
            for measure in target.measures {
                var levels: [Quarter: Decimal] = [:]
                var source: Components.Schemas.DashboardMeasure.SourcePayload = .none
                var sourceLabel: Components.Schemas.LocalizedText?
                if let (kind, count) = services.workflow.lists.feeding(measure: measure.id) {
                    // The list library's published editions: what the latest stood at each quarter's end.
                    let editions = try await listLibrary.countedEditions(kind: kind.id)
                    levels = ListLevels.levels(editions: editions, perYear: count.perYear, district: district, from: issue, now: now)
                    source = .listed
                    sourceLabel = .init(zh: "清单库：" + kind.name.zh, en: "list library: " + kind.name.en)
                } else if let count = measure.counted {
                    var increments: [Quarter: Decimal] = [:]
                    for cell in try await actuals.cells(count) where district == nil || cell.district == district {
                        increments[cell.quarter, default: 0] += cell.value
                    }
                    levels = MeasureProgress.levels(increments: increments, pace: measure.pace, from: issue, now: now)
                    source = .counted
                    sourceLabel = .init(zh: count.label.zh, en: count.label.en)
                } else {
                    for r in standing where r.measure == measure.id {
                        if let q = Quarter(text: r.quarter), let v = TargetNumber.decimal(r.value) { levels[q] = v }
                    }
                    if !levels.isEmpty { source = .reported }
                }
                let p = MeasureProgress(measure: measure, levels: levels, now: now, issue: issue, rule: library.dashboard.status, judged: district == nil)
                let text = { (d: Decimal) in TargetNumber.text(d) }
                measures.append(.init(
                    id: measure.id, label: .init(zh: measure.label.zh, en: measure.label.en), value: measure.value,
                    unit: .init(zh: measure.unit.zh, en: measure.unit.en), kind: measure.kind == "about" ? .about : .atLeast,
                    source: source, sourceLabel: sourceLabel,
                    baseline: p.baseline.map { .init(quarter: $0.quarter.text, actual: text($0.value)) },
                    milestone: p.milestoneNow.map(text), actual: p.actual.map(text), actualQuarter: p.actualQuarter?.text,
                    status: p.status.map { Components.Schemas.TargetStatus(rawValue: $0.rawValue)! },
                    series: p.series.map { .init(quarter: $0.quarter.text, milestone: $0.milestone.map(text), actual: $0.actual.map(text)) }))
            }
            targets.append(.init(id: target.id, clause: target.clause, text: .init(zh: target.text.zh, en: target.text.en),
                                 responsibleUnits: target.responsibleUnits.map { .init(zh: $0.zh, en: $0.en) }, measures: measures))
        }
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
        // A district officer reports for its own district only.
        switch try ownDistrict() {
        case .some(let own?) where district != own:
            throw Forbidden(message: LocalizedText(zh: "区级用户只能填报本区的数值", en: "a district officer reports for its own district only"))
        case .none:
            throw Forbidden(message: LocalizedText(zh: "账户未绑定区", en: "the account is bound to no district"))
        default: break
        }
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
