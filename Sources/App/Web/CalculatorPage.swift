import Foundation
import Policy
import Tabular
import Vapor

/// The public policy calculator: `GET /` (and `/calculator`) the form, `POST /calculator` the
/// form's plan, `POST /calculator/upload` a project file (JSON) or spreadsheet's (CSV, XLSX).
/// Nothing is stored. The plan and the chart's points are the engine's (`Engine.plan`,
/// `Engine.supportCurve`); the page formats them.
struct CalculatorPage: Sendable {
    let site: WebSite

    struct Option: Encodable { var value: String; var label: String; var selected: Bool }
    struct Field: Encodable { var value: String; var error: String? }
    struct LoanFields: Encodable {
        var slot: Int
        var lender, principal, rate, start, end: Field
        var interest: [YearField]
    }
    struct YearField: Encodable { var year: Int; var name: String; var field: Field }
    struct Body: Encodable {
        var districts: [Option]
        var categories: [Option]
        var fields: [String: Field]
        var loans: [LoanFields]
        var errors: [String]
        var hasErrors: Bool
        var plan: PlanView?
    }

    func register(_ routes: any RoutesBuilder) {
        site.page(routes, .GET, [], id: "calculator") { p in try await show(p, form: CalculatorForm(), plan: nil, issues: [], fields: [:]) }
        site.page(routes, .GET, ["calculator"], id: "calculator") { p in try await show(p, form: CalculatorForm(), plan: nil, issues: [], fields: [:]) }
        site.page(routes, .POST, ["calculator"], id: "calculatorResult") { p in try await compute(p) }
        site.page(routes, .POST, ["calculator", "upload"], id: "calculatorUpload") { p in try await upload(p) }
    }

    func compute(_ p: WebSite.PageRequest) async throws -> Response {
        let form = (try? p.req.content.decode(CalculatorForm.self)) ?? CalculatorForm()
        let (json, fields) = form.projectFile()
        let library = p.req.application.policyLibrary
        switch ProjectFileReader.read(json, vocabulary: library.vocabulary) {
        case .success(let file):
            return try await show(p, form: form, plan: plan(file, p), issues: [], fields: fields)
        case .failure(let failure):
            return try await show(p, form: form, plan: nil, issues: failure.issues, fields: fields, status: .unprocessableEntity)
        }
    }

    func upload(_ p: WebSite.PageRequest) async throws -> Response {
        struct Upload: Content { var file: File? }
        let library = p.req.application.policyLibrary
        guard let file = (try? p.req.content.decode(Upload.self))?.file, file.data.readableBytes > 0 else {
            return try await uploadError(p, [site.catalogue.text("calc_upload_error", p.lang)])
        }
        let bytes = Data(file.data.readableBytesView)
        let ext = (file.filename as NSString).pathExtension
        if let format = TabularFormat(fileExtension: ext) {
            // The importer blocks while it reads: off the event loop.
            let result: Result<TabularImportResult, Error> = await withCheckedContinuation { cont in
                DispatchQueue.global().async {
                    cont.resume(returning: Result { try TabularImport.files(format: format, source: .data(bytes), vocabulary: library.vocabulary, parallel: false) })
                }
            }
            switch result {
            case .success(let imported):
                let failures = imported.failures.flatMap { f in f.issues.map { "\(f.row): \($0.text(p.lang))" } }
                guard failures.isEmpty, let first = imported.files.first?.file else {
                    return try await uploadError(p, failures.isEmpty ? [site.catalogue.text("calc_upload_error", p.lang)] : failures)
                }
                return try await show(p, form: CalculatorForm(), plan: plan(first, p), issues: [], fields: [:])
            case .failure(let error as TabularError):
                return try await uploadError(p, error.issues.map { $0.text(p.lang) })
            case .failure:
                return try await uploadError(p, [site.catalogue.text("calc_upload_error", p.lang)])
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        switch ProjectFileReader.read(text: text, vocabulary: library.vocabulary) {
        case .success(let projectFile):
            return try await show(p, form: CalculatorForm(), plan: plan(projectFile, p), issues: [], fields: [:])
        case .failure(let failure):
            return try await uploadError(p, failure.issues.map { "\($0.path): \($0.message.text(p.lang))" })
        }
    }

    func uploadError(_ p: WebSite.PageRequest, _ messages: [String]) async throws -> Response {
        try await show(p, form: CalculatorForm(), plan: nil, issues: [], fields: [:], extra: messages, status: .unprocessableEntity)
    }

    func plan(_ file: ProjectFile, _ p: WebSite.PageRequest) -> PlanView {
        let app = p.req.application
        let engine = Engine(library: app.policyLibrary, defaultDay: app.platformClock.today())
        let plan = engine.plan(for: file)
        // The investment's curve, and each loan's interest (at most a few loans a project).
        var charts: [String: [SupportCurve]] = [:]
        for project in file.projects.prefix(20) {
            var curves: [SupportCurve] = []
            if let curve = engine.supportCurve(for: project) { curves.append(curve) }
            for loan in project.loans.prefix(3) {
                if let curve = engine.interestCurve(for: project, loan: loan.id) { curves.append(curve) }
            }
            charts[project.id] = curves
        }
        return PlanView(plan: plan, charts: charts, lang: p.lang, catalogue: site.catalogue)
    }

    func show(_ p: WebSite.PageRequest, form: CalculatorForm, plan: PlanView?, issues: [ValidationIssue],
              fields: [String: String], extra: [String] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let library = p.req.application.policyLibrary
        var errors: [String: String] = [:]
        var general = extra
        for issue in issues {
            let message = issue.message.text(p.lang)
            if let f = CalculatorForm.field(of: issue.path, in: fields) {
                errors[f] = errors[f].map { $0 + "；" + message } ?? message
            } else {
                general.append("\(issue.path): \(message)")
            }
        }
        func field(_ name: String, _ value: String?) -> Field { Field(value: value ?? "", error: errors[name]) }
        let values: [String: String?] = [
            "entName": form.entName, "entCode": form.entCode, "entIndustry": form.entIndustry,
            "projectName": form.projectName, "startDate": form.startDate, "endDate": form.endDate,
            "applicationDate": form.applicationDate, "declared": form.declared, "approved": form.approved,
            "leaseLessor": form.leaseLessor, "leaseInvestment": form.leaseInvestment, "leaseStart": form.leaseStart,
            "entDistrict": form.entDistrict, "categories": nil,
        ]
        var shown: [String: Field] = [:]
        for (k, v) in values { shown[k] = field(k, v) }
        let loans = form.loans().enumerated().map { (i, l) -> LoanFields in
            let f = "loan\(i + 1)"
            return LoanFields(slot: i + 1, lender: field(f + "Lender", l.lender), principal: field(f + "Principal", l.principal),
                              rate: field(f + "Rate", l.rate), start: field(f + "Start", l.start), end: field(f + "End", l.end),
                              interest: zip(CalculatorForm.interestYears, l.interest).map { year, v in
                                  YearField(year: year, name: f + "I\(year)", field: field(f + "I\(year)", v))
                              })
        }
        let chosen = Set(form.categories ?? [])
        let body = Body(
            districts: library.vocabulary.districts.map { Option(value: $0.id, label: $0.name.text(p.lang), selected: $0.id == form.entDistrict) },
            categories: library.vocabulary.categories.values.sorted { $0.id < $1.id }
                .map { Option(value: $0.id, label: $0.name.text(p.lang), selected: chosen.contains($0.id)) },
            fields: shown, loans: loans, errors: general, hasErrors: !errors.isEmpty || !general.isEmpty, plan: plan)
        return try await site.render(p, "calculator", titleKey: plan == nil ? "calc_title" : "plan_title", body, status: status)
    }
}
