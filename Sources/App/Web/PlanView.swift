import Policy

/// The engine's plan as a page shows it: every amount formatted (`AmountText`), every text in
/// the visitor's language. No arithmetic: the totals, amounts, shortfalls are the engine's.
struct PlanView: Encodable {
    struct Line: Encodable {
        var id: String
        var name: String
        var clause: String
        var status: String
        var statusText: String
        var eligible: Bool
        var base: String?
        var ratio: String?
        var ratioIsMaximum: Bool
        var cap: String?
        var capBinding: Bool
        var amount: String
        var measure: String?
        var years: [Year]
        var failed: [Failed]
        var notes: [String]
    }
    struct Year: Encodable { var year: Int; var amount: String }
    struct Failed: Encodable { var label: String; var detail: String? }
    struct Project: Encodable {
        var id: String
        var name: String
        var evaluationDate: String
        var total: String
        var recommended: [Line]
        var city: [Line]
        var national: [Line]
        var missing: [String]
        var excluded: [String]
        var alternatives: [String]
        var charts: [SupportChart]
    }

    var enterprise: String
    var district: String
    var cityTotal: String
    var projects: [Project]

    init(plan: EnterprisePlan, charts: [String: [SupportCurve]], lang: Language, catalogue: WebCatalogue) {
        func line(_ r: InstrumentResult) -> Line {
            let failed = r.failedConditions.map { c in
                Failed(label: c.label.text(lang), detail: (c.shortfallSentence ?? c.detail)?.text(lang))
            }
            return Line(id: r.id, name: r.name.text(lang), clause: r.clause, status: r.status.rawValue,
                        statusText: catalogue.text("plan_status_" + r.status.rawValue, lang), eligible: r.isEligible,
                        base: r.base.map { "\($0.label.text(lang)): \(AmountText.shown($0.amount, lang))" },
                        ratio: r.ratio?.percent, ratioIsMaximum: r.ratioIsMaximum,
                        cap: r.cap.map { AmountText.shown($0, lang) }, capBinding: r.capBinding,
                        amount: AmountText.shown(r.amount, lang), measure: r.measure?.text(lang),
                        years: r.years.filter { $0.place == .inWindow }.map { Year(year: $0.year, amount: AmountText.shown($0.amount, lang)) },
                        failed: failed, notes: r.notes.map { $0.text(lang) })
        }
        enterprise = plan.enterprise.name
        district = plan.enterprise.districtName?.text(lang) ?? plan.enterprise.district
        cityTotal = AmountText.shown(plan.cityTotal, lang)
        projects = plan.projects.map { p in
            Project(id: p.projectId, name: p.projectName, evaluationDate: p.evaluationDate.iso,
                    total: AmountText.shown(p.recommendation.total, lang),
                    recommended: p.recommendation.lines.map(line),
                    city: p.instruments.map(line), national: p.national.map(line),
                    missing: p.missing.map { $0.text(lang) },
                    excluded: p.recommendation.excluded.map { "\($0.instrument): \($0.reason.text(lang))" },
                    alternatives: p.recommendation.alternatives,
                    charts: (charts[p.projectId] ?? []).map { SupportChart(curve: $0, lang: lang, catalogue: catalogue) })
        }
    }
}
