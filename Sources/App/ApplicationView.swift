import API
import Foundation
import Policy
import Registry
import Workflow

/// An application as the contract shows it: its state, what was sent, its checklist with what is
/// in and what is deferred, the review steps with their service-level status today, the decision
/// with its pinned policy, its history and time in each state. Reads; computes no money (every
/// amount shown is one the engine computed and the store kept).
struct ApplicationView {
    let store: ApplicationStore
    let today: Day
    var workflow: WorkflowLibrary { store.workflow }

    typealias S = Components.Schemas

    /// A stored timestamp (always set once written; the epoch only for a row read half).
    static func timestamp(_ date: Date?) -> Date { date ?? Date(timeIntervalSince1970: 0) }

    static func state(_ raw: String) -> S.ApplicationState { S.ApplicationState(rawValue: raw) ?? .draft }

    static func label(_ raw: String) -> S.LocalizedText {
        let text = ApplicationState(rawValue: raw)?.label ?? LocalizedText(zh: raw, en: raw)
        return .init(zh: text.zh, en: text.en)
    }

    static func text(_ t: LocalizedText) -> S.LocalizedText { .init(zh: t.zh, en: t.en) }

    static func amounts(_ json: String) -> [S.InstrumentAmount] {
        guard case .object(let fields)? = try? JSONParser.parse(json) else { return [] }
        return fields.compactMap { key, value in
            if case .string(let amount) = value { return .init(instrument: key, amount: amount) }
            return nil
        }
    }

    static func summary(_ m: ApplicationModel) -> S.ApplicationSummary {
        .init(id: (m.id ?? UUID()).uuidString.lowercased(), projectId: m.$project.id.uuidString.lowercased(), creditCode: m.creditCode,
              district: m.district, state: state(m.state), stateLabel: label(m.state), instruments: m.instrumentIDs,
              requestedTotal: Money(fen: m.requestedFen).decimalString, submittedOn: m.submittedOn, createdAt: timestamp(m.createdAt))
    }

    func application(_ m: ApplicationModel) async throws -> S.Application {
        let id = try m.requireID()
        let materials = try await store.materials(of: id)
        let latestKinds = Dictionary(materials.map { ($0.item, $0.contentKind) }, uniquingKeysWith: { _, last in last })
        let checklist = workflow.materials.items(for: m.instrumentIDs).map { item -> S.ChecklistItem in
            let provided = latestKinds[item.id].flatMap(ContentKind.init(rawValue:)).map(item.accepted.contains) ?? false
            return .init(item: item.id, label: Self.text(item.label), clause: item.clause, critical: item.kind == .critical,
                         accepted: item.accepted.map(\.rawValue).sorted(), provided: provided,
                         due: m.deferrals.first { $0.item == item.id }?.due)
        }
        let decision = try await store.decision(of: id)
        return .init(
            id: id.uuidString.lowercased(), projectId: m.$project.id.uuidString.lowercased(), creditCode: m.creditCode, district: m.district,
            state: Self.state(m.state), stateLabel: Self.label(m.state), instruments: m.instrumentIDs, chosen: m.chosen,
            requested: Self.amounts(m.requestedJSON), requestedTotal: Money(fen: m.requestedFen).decimalString,
            zeroLand: m.zeroLand, greenChannel: m.greenChannel, reasons: m.reasons, submittedOn: m.submittedOn,
            checklist: checklist,
            materials: materials.map { .init(id: ($0.id ?? UUID()).uuidString.lowercased(), item: $0.item, fileName: $0.fileName, kind: $0.contentKind,
                                              size: $0.size, sha256: $0.sha256, uploadedBy: $0.uploadedBy, uploadedAt: Self.timestamp($0.uploadedAt)) },
            deferrals: m.deferrals.sorted { $0.item < $1.item }.map {
                .init(item: $0.item, due: $0.due, suppliedOn: $0.suppliedOn,
                      remindersSent: $0.reminded.split(separator: ",").compactMap { Int($0) })
            },
            review: try review(m), decision: decision.map(Self.decision),
            history: m.transitions.sorted { $0.at < $1.at }.map {
                .init(from: $0.fromState.map(Self.state), to: Self.state($0.toState), event: $0.event, day: $0.day,
                      at: Self.timestamp($0.at), by: $0.actorName, reasons: $0.reasons)
            },
            timeInState: timeInState(m),
            createdAt: Self.timestamp(m.createdAt), updatedAt: Self.timestamp(m.updatedAt ?? m.createdAt))
    }

    func review(_ m: ApplicationModel) throws -> S.ReviewState {
        let round = m.steps.map(\.round).max() ?? 0
        let steps = m.steps.filter { $0.round == round }.sorted { $0.department < $1.department }
        guard round > 0 else { return .init(round: 0, outcome: .notStarted, waitingOn: nil, steps: []) }
        let waiting = steps.filter { $0.verdict == nil }.map(\.department)
        let outcome: S.ReviewState.OutcomePayload = steps.contains { $0.verdict != nil && $0.verdict != "approve" } ? .returned
            : waiting.isEmpty ? .readyForDecision : .waiting
        return .init(round: round, outcome: outcome, waitingOn: waiting.isEmpty ? nil : waiting, steps: steps.map(step))
    }

    func step(_ s: ReviewStepModel) -> S.ReviewStep {
        let clock = ServiceLevelClock(department: s.department, started: Day(iso: s.started)!, targetWorkingDays: s.targetWorkingDays,
                                      completed: s.givenOn.flatMap(Day.init(iso:)))
        let status = (try? clock.status(on: today, in: workflow.calendar, atRiskWorkingDaysLeft: workflow.process.serviceLevel.atRiskWorkingDaysLeft))
            .flatMap { S.ReviewStep.ServiceLevelPayload(rawValue: $0.rawValue) } ?? .unknown
        let name = workflow.roster.department(s.department)?.name ?? LocalizedText(zh: s.department, en: s.department)
        return .init(department: s.department, name: Self.text(name), round: s.round, started: s.started, due: s.due,
                     targetWorkingDays: s.targetWorkingDays, greenChannel: s.greenChannel, serviceLevel: status, escalated: s.escalated,
                     verdict: s.verdict.flatMap(S.ReviewStep.VerdictPayload.init(rawValue:)), reasons: s.reasons, givenOn: s.givenOn, givenBy: s.givenBy)
    }

    static func decision(_ d: ApplicationDecisionModel) -> S.Decision {
        var grants: [S.Grant] = []
        if case .array(let items)? = try? JSONParser.parse(d.grantsJSON) {
            for item in items {
                guard case .string(let instrument)? = item["instrument"], case .string(let granted)? = item["granted"] else { continue }
                var maximum: String?
                if case .string(let m)? = item["maximum"] { maximum = m }
                var clause: String?
                if case .string(let c)? = item["clause"] { clause = c }
                grants.append(.init(instrument: instrument, clause: clause, granted: granted, maximum: maximum))
            }
        }
        var values: [String: String] = [:]
        for (key, value) in ApplicationStore.storedValues(d.valuesJSON) { if let value { values[key] = value } }
        return .init(outcome: d.outcome == "approved" ? .approved : .rejected, decidedOn: d.decidedOn, decidedBy: d.decidedBy,
                     approvedInvestment: d.approvedInvestmentFen.map { Money(fen: $0).decimalString }, grants: grants,
                     grantedTotal: Money(fen: d.grantedFen).decimalString, reasons: d.reasons, libraryVersion: d.libraryVersion,
                     values: .init(additionalProperties: values))
    }

    func timeInState(_ m: ApplicationModel) -> [S.StateTime] {
        let entries = m.transitions.sorted { $0.at < $1.at }.compactMap { t -> TimeInState.Entry? in
            guard let state = ApplicationState(rawValue: t.toState), let day = Day(iso: t.day) else { return nil }
            return TimeInState.Entry(state: state, entered: day)
        }
        guard let spans = try? TimeInState.spans(of: entries, until: today, calendar: workflow.calendar) else { return [] }
        return ApplicationState.allCases.compactMap { state in
            spans[state].map { .init(state: Self.state(state.rawValue), calendarDays: $0.calendarDays, workingDays: $0.workingDays) }
        }
    }

    static func comparison(_ c: DecisionComparison) -> S.DecisionComparison {
        .init(decidedOn: c.decidedOn.description, comparedOn: c.comparedOn.description, libraryVersionThen: c.libraryVersionThen,
              libraryVersionNow: c.libraryVersionNow,
              lines: c.lines.map { .init(instrument: $0.instrument, granted: $0.granted.decimalString, maximumThen: $0.maximumThen?.decimalString,
                                         maximumNow: $0.maximumNow?.decimalString) },
              changedValues: c.changedValues.map { .init(key: $0.key, then: $0.then, now: $0.now) })
    }

    static func auditEntry(_ e: AuditEntryModel) -> S.AuditEntry {
        .init(seq: e.seq, at: timestamp(Date(timeIntervalSince1970: TimeInterval(e.atMilliseconds) / 1000)), actorUserId: e.actorUserID?.uuidString.lowercased(),
              actorName: e.actorName, address: e.address, action: e.action, subjectType: e.subjectType, subjectId: e.subjectID,
              caseId: e.caseID, before: e.beforeJSON, after: e.afterJSON, previousHash: e.previousHash, hash: e.hash)
    }
}
