import FluentKit
import Foundation
import Policy
import Workflow

extension ApplicationStore {
    /// The city officer's decision.
    public enum DecisionAction: Sendable {
        /// Approve with the approved investment (核定) and the amount granted per instrument.
        case approve(approvedInvestment: Money, granted: [String: Money])
        case reject(reasons: String)
    }

    /// Decides the case. An approval is checked against the engine's maximum per instrument,
    /// computed on the submitted project with the approved investment, under the values in force
    /// on the decision day; the decision keeps those values, the library's version and the
    /// evaluation, so that no later edit of the library changes what was decided. An approval
    /// past a yearly quota (`workflow/quotas.yaml`) is refused unless `quotaOverride` says why.
    public func decide(_ id: UUID, _ action: DecisionAction, on day: Day, by who: AuditActor, quotaOverride: String? = nil) async throws {
        try await db.transaction { db in
            let model = try await Self.lock(id, on: db)
            let decision = ApplicationDecisionModel()
            decision.$application.id = id
            decision.decidedOn = day.description
            decision.decidedBy = who.name
            decision.libraryVersion = libraryVersion
            decision.valuesJSON = Self.valuesInForce(engine.library, on: day)
            var project = try submittedProject(model)
            let engine = try await self.engine.checkingLibraries(of: [project], enterprise: model.creditCode, scenarios: workflow.scenarios, on: db)
            switch action {
            case .reject(let reasons):
                try await move(model, by: .reject(reasons: reasons), actor: .person(.cityOfficer), day: day, who: who, reasons: reasons, on: db)
                decision.outcome = ApplicationState.rejected.rawValue
                decision.reasons = reasons
                decision.grantsJSON = "[]"
                decision.grantedFen = 0
                decision.evaluationJSON = String(decoding: PlanJSONWriter.bytes(engine.evaluate(project, on: day)), as: UTF8.self)
            case .approve(let approvedInvestment, let granted):
                let declared = project.investment.declared ?? .zero
                project.investment.approved = approvedInvestment
                let evaluation = engine.evaluate(project, on: day)
                let lines = evaluation.recommendation.lines
                var maxima: [String: Money] = [:]
                for line in lines where model.instrumentIDs.contains(line.id) { maxima[line.id] = line.amount }
                let proposed = ApprovalDecision(approvedInvestment: approvedInvestment, granted: granted, decidedOn: day)
                let problems = DecisionCheck.problems(of: proposed, appliedFor: model.instrumentIDs, declaredInvestment: declared, maxima: maxima)
                if !problems.isEmpty {
                    throw RegistryError.invalid(problems.map { ValidationIssue(path: $0.path, zh: $0.message.zh, en: $0.message.en) })
                }
                let passed = try await QuotaCounts.check(workflow.quotas, granted: granted, categories: project.categories, year: day.year,
                                                         override: quotaOverride, on: db)
                if !passed.isEmpty {
                    decision.quotaOverride = AuditChange.state(["quotas": passed.map(\.id).joined(separator: ","), "reason": quotaOverride])
                }
                let outstanding = model.deferrals.filter { $0.suppliedOn == nil }.map(\.item)
                try await move(model, by: .approve, actor: .person(.cityOfficer),
                               context: TransitionContext(outstandingDeferredItems: outstanding, review: try reviewOutcome(model)),
                               day: day, who: who,
                               details: ["approvedInvestment": approvedInvestment.decimalString, "granted": proposed.total.decimalString,
                                         "libraryVersion": libraryVersion].merging(decision.quotaOverride.map { ["quotaOverride": $0] } ?? [:]) { a, _ in a },
                               on: db)
                decision.outcome = ApplicationState.approved.rawValue
                decision.approvedInvestmentFen = approvedInvestment.fen
                decision.grantsJSON = Self.grantsJSON(granted, maxima: maxima, lines: lines, order: model.instrumentIDs)
                decision.grantedFen = proposed.total.fen
                decision.evaluationJSON = String(decoding: PlanJSONWriter.bytes(evaluation), as: UTF8.self)
            }
            try await decision.create(on: db)
        }
    }

    /// The project as it was submitted.
    func submittedProject(_ model: ApplicationModel) throws -> Project {
        try Self.submittedProject(model, vocabulary: engine.library.vocabulary)
    }

    /// The project as it was submitted (the ledger pays on it too).
    public static func submittedProject(_ model: ApplicationModel, vocabulary: Vocabulary) throws -> Project {
        let value: JSONValue
        do { value = try JSONParser.parse(model.projectJSON) } catch {
            throw RegistryError.conflict(LocalizedText(zh: "申报所存项目无法读取", en: "the application's stored project cannot be read"))
        }
        switch ProjectFileReader.readProject(value, vocabulary: vocabulary) {
        case .success(let project): return project
        case .failure(let failure): throw RegistryError.invalid(failure.issues)
        }
    }

    /// Every parameter's value in force on `day`, keys sorted.
    static func valuesInForce(_ library: PolicyLibrary, on day: Day) -> String {
        var values: [String: String?] = [:]
        for (key, parameter) in library.parameters { values[key] = parameter.value(on: day)?.description }
        return AuditChange.state(values)
    }

    static func grantsJSON(_ granted: [String: Money], maxima: [String: Money], lines: [InstrumentResult], order: [String]) -> String {
        var out = JSONOutput()
        out.beginArray()
        for id in order {
            out.beginObject()
            out.member("instrument", id)
            out.member("granted", (granted[id] ?? .zero).decimalString)
            out.member("maximum", maxima[id]?.decimalString)
            out.member("clause", lines.first { $0.id == id }?.clause)
            out.endObject()
        }
        out.endArray()
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

extension DecisionProblem {
    /// The field of the decision the problem is about.
    var path: String {
        switch self {
        case .exceedsMaximum(let i, _, _), .noMaximum(let i), .notAppliedFor(let i), .negativeAmount(let i): return "$.granted.\(i)"
        case .investmentAboveDeclared, .negativeInvestment: return "$.approvedInvestment"
        }
    }
}
