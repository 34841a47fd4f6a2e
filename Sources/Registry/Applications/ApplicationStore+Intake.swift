import FluentKit
import Foundation
import Policy
import Workflow

extension ApplicationStore {
    /// What the officer does at intake (受理).
    public enum IntakeAction: Sendable {
        /// Accept: the platform decides, from the checklist and the materials in, whether this is
        /// 已受理 or 容缺受理 (and each deferred item's due day); a missing critical item refuses.
        case accept
        /// Send back to the enterprise with reasons.
        case returnToEnterprise(reasons: String)
    }

    public func intake(_ id: UUID, _ action: IntakeAction, as role: Role, on day: Day, by who: AuditActor) async throws -> ApplicationState {
        try await db.transaction { db -> ApplicationState in
            let model = try await Self.lock(id, on: db)
            switch action {
            case .returnToEnterprise(let reasons):
                return try await move(model, by: .returnForSupplement(reasons: reasons), actor: .person(role), day: day, who: who,
                                      reasons: reasons, on: db)
            case .accept:
                let provided = Self.provided(try await Self.materials(of: id, on: db))
                let decision: IntakeDecision
                do throws(CalendarError) {
                    decision = try Intake.decide(instruments: model.instrumentIDs, checklist: workflow.materials,
                                                 provided: provided, on: day, deferral: workflow.process.deferral,
                                                 calendar: workflow.calendar)
                } catch { throw RegistryError.conflict(error.message) }
                switch decision {
                case .accept:
                    return try await move(model, by: .accept, actor: .person(role), day: day, who: who, on: db)
                case .acceptWithDeficiencies(let deferred):
                    for item in deferred {
                        let row = ApplicationDeferralModel()
                        row.$application.id = id
                        row.item = item.item
                        row.due = item.due.description
                        row.reminded = ","
                        try await row.create(on: db)
                    }
                    let listed = deferred.map { "\($0.item) \($0.due)" }.joined(separator: ", ")
                    return try await move(model, by: .acceptWithDeficiencies, actor: .person(role), day: day, who: who,
                                          details: ["deferred": listed], on: db)
                case .cannotAccept(let critical, _):
                    throw RegistryError.conflict(LocalizedText(
                        zh: "缺少关键材料，不能受理（关键材料不适用容缺）：\(critical.map(\.label.zh).joined(separator: "、"))",
                        en: "critical items are missing, so the application cannot be accepted (they are never deferred): \(critical.map(\.label.en).joined(separator: "; "))"))
                }
            }
        }
    }
}
