import Foundation
import Policy
import Registry
import Workflow

/// Applications in every state the process has, each driven there through the same store calls
/// the API makes (materials uploaded, intake, the departments' opinions, the decision), on days of
/// 2026 — the years the holiday calendars cover.
struct DemoCases {
    let store: ApplicationStore
    let enterprise: AuditActor
    let officer: AuditActor
    let city: AuditActor

    /// The states, in the order they are made; `approved` comes several times (the ledger pays on them).
    static let plan: [ApplicationState] = [.draft, .submitted, .accepted, .acceptedWithDeficiencies, .returned, .underReview,
                                          .approved, .approved, .approved, .approved, .rejected, .withdrawn, .lapsed,
                                          .draft, .underReview, .acceptedWithDeficiencies, .approved, .submitted]

    /// A tiny file of the kind an item accepts (the platform reads the kind from the content).
    static func file(for item: MaterialItem) -> Data {
        if item.accepted.contains(.pdf) { return Data("%PDF-1.7\n% 演示材料 demo material\n1 0 obj <<>> endobj\n%%EOF\n".utf8) }
        if item.accepted.contains(.xlsx) { return Data("PK\u{03}\u{04}....[Content_Types].xml....xl/workbook.xml....".utf8) }
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])
    }

    /// Takes a new application of `project` to `state`; answers its id.
    func make(_ state: ApplicationState, project: UUID, start: Day) async throws -> UUID {
        let id = try await store.create(projectID: project, instruments: nil, on: start, by: enterprise)
        if state == .draft { return id }
        let model = try await store.application(id)
        let items = store.workflow.materials.items(for: model.instrumentIDs)
        let deferred = state == .acceptedWithDeficiencies || state == .lapsed ? items.first { $0.kind == .deferrable } : nil
        for item in items where item.id != deferred?.id {
            _ = try await store.addMaterial(id, item: item.id, fileName: "\(item.id).\(item.accepted.contains(.pdf) ? "pdf" : "bin")",
                                           data: Self.file(for: item), on: start, by: enterprise)
        }
        try await store.submit(id, on: start, by: enterprise)
        switch state {
        case .submitted: return id
        case .withdrawn:
            try await store.withdraw(id, on: start, by: enterprise)
            return id
        case .returned:
            _ = try await store.intake(id, .returnToEnterprise(reasons: "演示：请补充设备清单的型号。Demo: add the models to the equipment list."), as: .districtOfficer, on: start, by: officer)
            return id
        default: break
        }
        _ = try await store.intake(id, .accept, as: .districtOfficer, on: start, by: officer)
        if state == .accepted || state == .acceptedWithDeficiencies { return id }
        if state == .lapsed {
            // Past the deferred item's due day, the scheduled sweep lapses the case.
            let due = try await store.application(id).deferrals.compactMap { Day(iso: $0.due) }.max() ?? start
            _ = try await store.lapseOverdue(on: due.adding(days: 1), post: { notice, db in try await notice.post(on: db) })
            return id
        }
        try await store.startReview(id, as: .districtOfficer, on: start, by: officer)
        if state == .underReview { return id }
        let steps = try await store.application(id).steps
        for step in steps {
            _ = try await store.giveOpinion(id, department: step.department, verdict: .approve, on: start.adding(days: 7), by: officer)
        }
        let decisionDay = start.adding(days: 14)
        if state == .rejected {
            try await store.decide(id, .reject(reasons: "演示：项目投资未达到申报条件。Demo: the investment does not meet the conditions."), on: decisionDay, by: city)
            return id
        }
        // Approved at the engine's maximum on the decision day, with the declared investment approved.
        let project = try ApplicationStore.submittedProject(try await store.application(id), vocabulary: store.engine.library.vocabulary)
        var approved = project
        approved.investment.approved = project.investment.declared
        let plan = store.engine.evaluate(approved, on: decisionDay)
        let ids = try await store.application(id).instrumentIDs
        let granted = Dictionary(uniqueKeysWithValues: plan.recommendation.lines.filter { ids.contains($0.id) }.map { ($0.id, $0.amount) })
        try await store.decide(id, .approve(approvedInvestment: project.investment.declared ?? .zero, granted: granted), on: decisionDay, by: city)
        return id
    }
}
