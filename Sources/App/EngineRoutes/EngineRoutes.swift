import Policy
import Registry
import Vapor

/// The operations whose bodies are the engine's types (see `EngineServedOperations`), as plain
/// Vapor routes: the request's bytes read once by the engine's reader, the answer written once
/// from the engine's values. They are registered after the generated server, under the same paths
/// the contract gives them.
struct EngineRoutes: Sendable {
    let services: PlatformServices

    var library: PolicyLibrary { services.library }
    var engine: Engine { services.engine }

    func register(on routes: any RoutesBuilder) {
        let api = routes.grouped("api")
        let body = HTTPBodyStreamStrategy.collect(maxSize: RequestLimits.jsonBody)
        // The plan reads the stored catalogue of the products the file names (十七).
        api.on(.POST, "match", body: body) { req async throws -> Response in try await match(req) }
        api.on(.POST, "enterprises", body: body) { req async throws -> Response in try await createEnterprise(req) }
        api.on(.PUT, "enterprises", ":creditCode", body: body) { req async throws -> Response in try await updateEnterprise(req) }
        api.on(.GET, "enterprises", ":creditCode", "plan") { req async throws -> Response in try await enterprisePlan(req) }
        api.on(.POST, "projects", body: body) { req async throws -> Response in try await createProject(req) }
        api.on(.GET, "projects", ":id") { req async throws -> Response in try await getProject(req) }
        api.on(.PUT, "projects", ":id", body: body) { req async throws -> Response in try await updateProject(req) }
        api.on(.GET, "projects", ":id", "match") { req async throws -> Response in try await projectMatch(req) }
        api.on(.POST, "projects", ":id", "status", body: body) { req async throws -> Response in try await changeStatus(req) }
        api.on(.GET, "projects", ":id", "versions", ":version") { req async throws -> Response in try await projectVersion(req) }
        // The checks the plan states (十二)(十五): filed with the project's planChecks.
        api.on(.POST, "projects", ":id", "smart-factory-assessments", body: body) { req async throws -> Response in try await fileSmartFactoryAssessment(req) }
        api.on(.GET, "projects", ":id", "smart-factory-assessments") { req async throws -> Response in try await listSmartFactoryAssessments(req) }
        api.on(.POST, "projects", ":id", "second-hand-gradings", body: body) { req async throws -> Response in try await fileSecondHandGradings(req) }
        api.on(.GET, "projects", ":id", "second-hand-gradings") { req async throws -> Response in try await listSecondHandGradings(req) }
    }

    func store(_ req: Request) -> ProjectStore { services.projectStore(on: req.db) }

    /// Whose records the request's account reaches (`AccessMiddleware` has found the account;
    /// without one the route is refused, never served to nobody).
    func visibility(_ req: Request) throws -> Visibility {
        guard let access = req.access else { throw Unauthorized.missing }
        return Visibility(access.principal, vocabulary: library.vocabulary)
    }

    /// The project of the path, when the account may see it (404 otherwise).
    func visibleProject(_ req: Request) async throws -> ProjectModel {
        let m = try await store(req).project(try req.projectID())
        try visibility(req).require(project: m)
        return m
    }
}
