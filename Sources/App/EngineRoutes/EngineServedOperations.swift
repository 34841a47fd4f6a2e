import Foundation
import OpenAPIRuntime
import OpenAPIVapor
import HTTPTypes

/// The operations of `openapi.yaml` whose bodies are the engine's own: a project file, a project,
/// an enterprise, a plan. They are served by `EngineRoutes`, which read the request's bytes once
/// with the engine's reader (every problem by its JSON path, in both languages, amounts as
/// strings or numbers, exactly as `renewal match`) and write the engine's types straight to
/// JSON. The generated server would decode them into its own types first, stop at the first
/// problem, and need a conversion each way.
///
/// The contract still describes them; a test holds every operation to one of the two servers.
enum EngineServedOperations {
    /// `METHOD /api/path/{param}` as the generated server registers them.
    static let routes: Set<String> = [
        "POST /api/match",
        "POST /api/enterprises",
        "PUT /api/enterprises/{creditCode}",
        "GET /api/enterprises/{creditCode}/plan",
        "POST /api/projects",
        "GET /api/projects/{id}",
        "PUT /api/projects/{id}",
        "GET /api/projects/{id}/match",
        "POST /api/projects/{id}/status",
        "GET /api/projects/{id}/versions/{version}",
        "POST /api/projects/{id}/smart-factory-assessments",
        "GET /api/projects/{id}/smart-factory-assessments",
        "POST /api/projects/{id}/second-hand-gradings",
        "GET /api/projects/{id}/second-hand-gradings",
    ]

    /// The operation ids of the same operations (for the generated protocol's methods).
    static let operationIds: Set<String> = [
        "matchProjectFile", "createEnterprise", "updateEnterprise", "getEnterprisePlan",
        "createProject", "getProject", "updateProject", "getProjectMatch", "changeProjectStatus",
        "getProjectVersion", "fileSmartFactoryAssessment", "listSmartFactoryAssessments", "fileSecondHandGradings",
        "listSecondHandGradings",
    ]
}

/// The generated server's transport, less the routes `EngineRoutes` serves.
struct ContractTransport: ServerTransport {
    let base: VaporTransport
    /// Every route the generated server asked for, served here or not (for the test that holds
    /// each operation to one server).
    let registered: RegisteredRoutes

    func register(_ handler: @Sendable @escaping (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
                  method: HTTPRequest.Method, path: String) throws {
        let route = "\(method.rawValue) \(path)"
        registered.add(route)
        guard !EngineServedOperations.routes.contains(route) else { return }
        try base.register(handler, method: method, path: path)
    }
}

/// The routes the generated server registered, kept for tests.
final class RegisteredRoutes: @unchecked Sendable {
    private var routes: [String] = []
    private let lock = NSLock()

    func add(_ route: String) { lock.withLock { routes.append(route) } }
    var all: [String] { lock.withLock { routes } }
}
