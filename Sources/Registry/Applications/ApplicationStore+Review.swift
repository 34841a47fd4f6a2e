import FluentKit
import Foundation
import Policy
import Workflow

extension ApplicationStore {
    /// The current round of review: 1 for the first, one more each time a returned case comes back.
    static func round(of model: ApplicationModel) -> Int { model.steps.map(\.round).max() ?? 0 }

    /// Sends an accepted case to the departments required for its instruments, in parallel: one
    /// step each, with its service-level clock (the green channel's shorter target where it applies).
    public func startReview(_ id: UUID, as role: Role, on day: Day, by who: AuditActor) async throws {
        try await db.transaction { db in
            let model = try await Self.lock(id, on: db)
            let round = Self.round(of: model) + 1
            let departments = workflow.roster.requiredDepartments(for: model.instrumentIDs, zeroLand: model.zeroLand)
            for department in departments {
                let clock = ServiceLevelClock(department: department, started: day, roster: workflow.roster, greenChannel: model.greenChannel)
                let step = ReviewStepModel()
                step.$application.id = id
                step.round = round
                step.department = department.code
                step.started = day.description
                step.targetWorkingDays = clock.targetWorkingDays
                do throws(CalendarError) { step.due = try clock.due(in: workflow.calendar).description } catch { throw RegistryError.conflict(error.message) }
                step.greenChannel = clock.targetWorkingDays < department.workingDays
                try await step.create(on: db)
            }
            try await move(model, by: .startReview, actor: .person(role), day: day, who: who,
                           details: ["round": String(round), "departments": departments.map(\.code).joined(separator: ",")],
                           departments: departments.map(\.code), on: db)
        }
    }

    /// A department's opinion on its step of the current round. Any rejection or request for
    /// more returns the case to the enterprise with the reasons.
    public func giveOpinion(_ id: UUID, department: String, verdict: ReviewOpinion.Verdict, on day: Day, by who: AuditActor) async throws -> ApplicationState {
        try await db.transaction { db -> ApplicationState in
            let model = try await Self.lock(id, on: db)
            let round = Self.round(of: model)
            guard let step = model.steps.first(where: { $0.round == round && $0.department == department }) else {
                throw RegistryError.notFound(LocalizedText(zh: "该申报没有送本部门审查", en: "the application was not sent to this department"))
            }
            if step.verdict != nil {
                throw RegistryError.conflict(LocalizedText(zh: "本部门已出具本轮审查意见", en: "this department has already given its opinion in this round"))
            }
            step.verdict = verdict.code
            step.reasons = verdict.reasons
            step.givenOn = day.description
            step.givenBy = who.name
            try await step.save(on: db)
            try await AuditTrail.append(AuditChange(action: "review.opinion", subjectType: "review_step", subjectID: try step.requireID().uuidString.lowercased(),
                                                    caseID: id.uuidString.lowercased(),
                                                    after: AuditChange.state(["department": department, "verdict": verdict.code,
                                                                              "reasons": verdict.reasons, "round": String(round)])),
                                        by: who, on: db)
            let reasons = verdict.reasons.map { "\(department): \($0)" }
            return try await move(model, by: .opinion(verdict), actor: .person(.department), day: day, who: who, reasons: reasons, on: db)
        }
    }

    /// The join of the current round's opinions.
    func reviewOutcome(_ model: ApplicationModel) throws -> ReviewJoin.Outcome? {
        let round = Self.round(of: model)
        guard round > 0 else { return nil }
        let steps = model.steps.filter { $0.round == round }
        let required = steps.compactMap { workflow.roster.department($0.department) }
        let opinions = steps.compactMap { step -> ReviewOpinion? in
            guard let code = step.verdict, let given = step.givenOn,
                  let verdict = ReviewOpinion.Verdict(code: code, reasons: step.reasons) else { return nil }
            return ReviewOpinion(department: step.department, verdict: verdict, givenOn: Day.stored(given))
        }
        do { return try ReviewJoin.outcome(required: required, opinions: opinions) } catch {
            throw RegistryError.conflict(LocalizedText(zh: "审查意见来自不需要审查的部门", en: "an opinion came from a department not required"))
        }
    }
}

extension ReviewOpinion.Verdict {
    /// How a verdict is stored: approve, reject, ask_supplement.
    var code: String {
        switch self {
        case .approve: return "approve"
        case .reject: return "reject"
        case .askSupplement: return "ask_supplement"
        }
    }

    var reasons: String? {
        switch self {
        case .approve: return nil
        case .reject(let r), .askSupplement(let r): return r
        }
    }

    init?(code: String, reasons: String?) {
        switch code {
        case "approve": self = .approve
        case "reject": self = .reject(reasons: reasons ?? "")
        case "ask_supplement": self = .askSupplement(reasons: reasons ?? "")
        default: return nil
        }
    }
}
