import FluentKit
import Foundation
import Policy
import Workflow

extension ApplicationStore {
    /// The enterprise submits (or resubmits after a return): what is sent is the project as it
    /// is now, with the engine's amounts today.
    public func submit(_ id: UUID, on day: Day, by who: AuditActor) async throws {
        try await db.transaction { db in
            let model = try await Self.lock(id, on: db)
            guard let project = try await ProjectStore.fullQuery(on: db).filter(\.$id == model.$project.id).first() else {
                throw ProjectStore.projectNotFound(model.$project.id)
            }
            let domain = project.domain()
            let lines = try await engine.checkingLibraries(of: [domain], enterprise: project.enterprise.creditCode, scenarios: workflow.scenarios, on: db).evaluate(domain, on: day).recommendation.lines
            let missing = model.instrumentIDs.filter { id in !lines.contains { $0.id == id } }
            if !missing.isEmpty {
                throw RegistryError.conflict(LocalizedText(
                    zh: "项目按现行政策已不适用：\(missing.joined(separator: "、"))；请修改项目或撤回申报后重新申报",
                    en: "under the policy in force the project no longer qualifies for \(missing.joined(separator: ", ")); change the project, or withdraw and apply again"))
            }
            Self.snapshot(domain, lines: lines, instruments: model.instrumentIDs, into: model)
            model.zeroLand = domain.zeroLand
            model.submittedOn = day.description
            try await move(model, by: .submit, actor: .person(.enterprise), day: day, who: who,
                           details: ["requestedFen": String(model.requestedFen)], on: db)
            // The risk flags of what arrived, against the registry as it stands: stored with the
            // submission or not at all. They inform the officers and refuse nothing.
            if let risk {
                try await RiskStore.raise(for: model, project: project, settings: risk, library: engine.library,
                                          libraryVersion: libraryVersion, day: day, by: who, on: db)
            }
        }
    }

    /// The enterprise withdraws an open application.
    public func withdraw(_ id: UUID, on day: Day, by who: AuditActor) async throws {
        try await db.transaction { db in
            let model = try await Self.lock(id, on: db)
            try await move(model, by: .withdraw, actor: .person(.enterprise), day: day, who: who, on: db)
        }
    }
}
