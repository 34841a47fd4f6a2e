import API
import Foundation
import Policy
import Registry
import Workflow

/// Application-scenario tasks (十一)(十八), issue 14 item 3: the store and the API only — released
/// by the city, taken up by enterprises (揭榜), benchmarks designated among the takers.
extension APIHandler {
    var scenarios: ScenarioStore { services.scenarioStore() }

    func listScenarioTasks(_ input: Operations.ListScenarioTasks.Input) async throws -> Operations.ListScenarioTasks.Output {
        _ = try queryText(input.query.field, .code, name: "field")
        _ = try queryText(input.query.batch, .code, name: "batch")
        return .ok(.init(body: .json(try await scenarios.tasks(field: input.query.field, batch: input.query.batch).map(scenarioAnswer))))
    }

    func releaseScenarioTask(_ input: Operations.ReleaseScenarioTask.Input) async throws -> Operations.ReleaseScenarioTask.Output {
        guard case .json(let b) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let t = try await scenarios.release(.init(batch: b.batch, field: b.field, title: b.title, description: b.description, owner: b.owner),
                                            today: today, by: currentActor())
        return .created(.init(body: .json(scenarioAnswer(t))))
    }

    func takeScenarioTask(_ input: Operations.TakeScenarioTask.Input) async throws -> Operations.TakeScenarioTask.Output {
        guard case .json(let b) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let id = try uuid(input.path.id)
        guard case .enterprise(let code) = try visibility().scope, let e = try await store.enterprise(code) else {
            throw Forbidden(message: LocalizedText(zh: "账户未绑定已登记的企业", en: "the account is bound to no recorded enterprise"))
        }
        let t = try await scenarios.take(id, creditCode: code, enterpriseName: e.name, note: b.note, today: today, by: currentActor())
        return .created(.init(body: .json(scenarioAnswer(t))))
    }

    func designateScenarioBenchmark(_ input: Operations.DesignateScenarioBenchmark.Input) async throws -> Operations.DesignateScenarioBenchmark.Output {
        guard case .json(let b) = input.body else { throw BadRequest("请求体应为 JSON", "the body must be JSON") }
        let id = try uuid(input.path.id)
        var project: UUID?
        if let p = b.projectId {
            guard let u = UUID(uuidString: p) else { throw ValidationFailure(issues: [ValidationIssue(path: "$.projectId", zh: "不是有效的 UUID", en: "not a valid UUID")]) }
            project = u
        }
        let t = try await scenarios.designate(id, creditCode: b.creditCode, projectID: project, today: today, by: currentActor())
        return .created(.init(body: .json(scenarioAnswer(t))))
    }

    func scenarioAnswer(_ t: ScenarioStore.Task) -> Components.Schemas.ScenarioTask {
        let field = services.workflow.scenarios.field(t.task.field)
        return .init(id: (t.task.id ?? UUID()).uuidString.lowercased(), batch: t.task.batch, field: t.task.field,
                     fieldName: .init(zh: field?.name.zh ?? t.task.field, en: field?.name.en ?? t.task.field), clause: field?.clause ?? "",
                     title: t.task.title, description: t.task.description, owner: t.task.owner, releasedOn: t.task.releasedOn,
                     takers: t.takers.map { .init(creditCode: $0.creditCode, enterpriseName: $0.enterpriseName, note: $0.note, takenOn: $0.takenOn) },
                     designations: t.designations.map { .init(creditCode: $0.creditCode, projectId: $0.projectID?.uuidString.lowercased(), designatedOn: $0.designatedOn) })
    }
}
