import Foundation
import Policy
import Registry
import Vapor
import Workflow

extension EngineRoutes {
    func createProject(_ req: Request) async throws -> Response {
        let (code, project) = try validated(ProjectFileReader.readSubmission(try req.engineJSON(), vocabulary: library.vocabulary))
        let store = store(req)
        _ = try visibility(req).require(try await store.enterprise(code), code: code)
        let id = try await store.createProject(project, creditCode: code, by: req.auditActor)
        return .json(try RecordJSON.project(try await store.project(id)), status: .created)
    }

    func getProject(_ req: Request) async throws -> Response {
        .json(try RecordJSON.project(try await visibleProject(req)))
    }

    func updateProject(_ req: Request) async throws -> Response {
        let id = try req.projectID()
        let project = try validated(ProjectFileReader.readProject(try req.engineJSON(), vocabulary: library.vocabulary))
        _ = try await visibleProject(req)
        let store = store(req)
        try await store.replaceProject(id, with: project, by: req.auditActor)
        return .json(try RecordJSON.project(try await store.project(id)))
    }

    func projectMatch(_ req: Request) async throws -> Response {
        let date = try req.evaluationDate()
        let m = try await visibleProject(req)
        let project = m.domain()
        return .json(PlanJSONWriter.bytes(try await services.engine(checking: [project], enterprise: m.enterprise.creditCode, on: req.db).evaluate(project, on: date)))
    }

    /// `POST /api/projects/{id}/status` with `{"status": …, "note": …}`.
    func changeStatus(_ req: Request) async throws -> Response {
        let id = try req.projectID()
        let change = try validated(StatusChangeReader.read(try req.engineJSON()))
        _ = try await visibleProject(req)
        let store = store(req)
        try await store.setStatus(id, to: change.status, note: change.note, by: req.auditActor)
        return .json(try RecordJSON.project(try await store.project(id)))
    }

    /// `GET /api/projects/{id}/versions/{version}`: the project as it was, as it was stored.
    func projectVersion(_ req: Request) async throws -> Response {
        let id = try req.projectID()
        let text = req.parameters.get("version") ?? ""
        guard let number = Int(text), number >= 1 else {
            throw BadRequest("version 应为从 1 起的整数：\(text)", "version must be a whole number from 1: \(text)", path: "version")
        }
        try await visibility(req).requireProject(id, orItsHistory: store(req))
        return .json(RecordJSON.version(try await store(req).version(number, of: id)))
    }
}
