import FluentKit
import Foundation
import Policy
import Registry
import Workflow

/// The dashboard's figures, made once for the API (`getDashboard`) and the `/dashboard` page
/// alike: each target and measure with the engine's progress (`MeasureProgress`) over the
/// registry's counted aggregates, the list library's published editions, or the standing reports. No HTTP: the callers render it.
struct TargetDashboard: Sendable {
    enum Source: String, Sendable { case counted, listed, reported, none }

    struct Measure: Sendable {
        var measure: TargetMeasure
        var progress: MeasureProgress
        var source: Source
        /// What a counted measure counts (the library's label of its figure).
        var sourceLabel: LocalizedText?
    }

    struct Row: Sendable {
        var target: Target
        var measures: [Measure]
    }

    let library: PolicyLibrary
    /// Which list of the list library feeds which measure (`workflow/lists.yaml`).
    let lists: ListKinds
    let listLibrary: ListLibraryStore
    /// The catalogue and the measure it feeds (T6, `catalogue.yaml`'s `counts`).
    let catalogue: CatalogueStore
    let db: any Database
    let today: Day

    var now: Quarter { Quarter(day: today) }

    /// - Parameters:
    ///   - district: a district's id: its projects and reports, without milestones or status
    ///     (the plan sets its targets for the city); nil: the city.
    ///   - unit: keeps the targets whose responsible units name it (Chinese or English, any case).
    func rows(district: String?, unit: String?) async throws -> [Row] {
        let unit = unit?.trimmingCharacters(in: .whitespaces).lowercased()
        let issue = Quarter(day: library.plan.issued)
        let scope = district ?? TargetReportModel.cityScope
        let standing = try await TargetReportStore(db: db, library: library, listed: Self.listed(lists, catalogue.rules)).standing().filter { $0.scope == scope }
        let actuals = TargetActuals(db: db)
        var rows: [Row] = []
        for target in library.targets {
            if let unit, !unit.isEmpty, !target.responsibleUnits.contains(where: { $0.zh.lowercased() == unit || $0.en.lowercased() == unit }) { continue }
            var measures: [Measure] = []
            for measure in target.measures {
                var levels: [Quarter: Decimal] = [:]
                var source = Source.none
                var label: LocalizedText?
                if measure.id == catalogue.rules.countsMeasure {
                    // The catalogue's listings in force at each quarter's end (T6).
                    let entries = try await catalogue.entries()
                    let districtOf = district == nil ? [:] : try await catalogue.districts(of: Set(entries.compactMap(\.enterpriseCode)))
                    levels = CatalogueLevels.levels(entries, district: district, districtOf: districtOf, from: issue, now: now)
                    source = .listed
                    label = LocalizedText(zh: "创新产品推荐目录：在列产品", en: "innovative-product catalogue: products listed")
                } else if let (kind, count) = lists.feeding(measure: measure.id) {
                    // The list library's published editions: what the latest stood at each quarter's end.
                    let editions = try await listLibrary.countedEditions(kind: kind.id)
                    levels = ListLevels.levels(editions: editions, perYear: count.perYear, district: district, from: issue, now: now)
                    source = .listed
                    label = LocalizedText(zh: "清单库：" + kind.name.zh, en: "list library: " + kind.name.en)
                } else if let count = measure.counted {
                    var increments: [Quarter: Decimal] = [:]
                    for cell in try await actuals.cells(count) where district == nil || cell.district == district {
                        increments[cell.quarter, default: 0] += cell.value
                    }
                    levels = MeasureProgress.levels(increments: increments, pace: measure.pace, from: issue, now: now)
                    source = .counted
                    label = count.label
                } else {
                    for r in standing where r.measure == measure.id {
                        if let q = Quarter(text: r.quarter), let v = TargetNumber.decimal(r.value) { levels[q] = v }
                    }
                    if !levels.isEmpty { source = .reported }
                }
                let progress = MeasureProgress(measure: measure, levels: levels, now: now, issue: issue,
                                               rule: library.dashboard.status, judged: district == nil)
                measures.append(Measure(measure: measure, progress: progress, source: source, sourceLabel: label))
            }
            rows.append(Row(target: target, measures: measures))
        }
        return rows
    }

    /// The measures fed by a library, not reported by hand: the lists' and the catalogue's.
    static func listed(_ lists: ListKinds, _ rules: CatalogueRules) -> Set<String> {
        WorkflowLibrary.listedMeasures(lists: lists, catalogue: rules)
    }

    /// Who may report for which scope, the API's rule and the page's: the city officer for the
    /// city or any district, a district officer for its own district only (403 otherwise).
    static func requireMayReport(_ principal: Principal, district: String?, vocabulary: Vocabulary) throws {
        guard principal.role == .districtOfficer else { return }
        guard case .district(let own) = Visibility(principal, vocabulary: vocabulary).scope else {
            throw Forbidden(message: LocalizedText(zh: "账户未绑定区", en: "the account is bound to no district"))
        }
        guard district == own else {
            throw Forbidden(message: LocalizedText(zh: "区级用户只能填报本区的数值", en: "a district officer reports for its own district only"))
        }
    }
}
